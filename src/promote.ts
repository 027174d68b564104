/**
 * Reusing an image instead of rebuilding it. When an image with this build's
 * fingerprint is already in the registry (an earlier run of the same commit,
 * the commit built on the default branch before its release tag), the new tags
 * are added by manifest PUT: no build, no blob upload, the same digest.
 */
import type { RegistryLogin } from './docker-config.ts';
import { messageOf } from './errors.ts';
import { FINGERPRINT_LABEL } from './fingerprint.ts';
import type { PipelineLog } from './pipeline.ts';
import { RegistryClient, type FetchedManifest } from './registry/client.ts';
import { copyImage } from './registry/copy.ts';
import { imageManifestsOf, isIndexMediaType, type ImageIndex, type ImageManifest } from './registry/manifest.ts';
import { parseReference, type RepositoryRef } from './registry/reference.ts';

export interface FoundImage {
  ref: string;
  repository: RepositoryRef;
  digest: string;
  configDigest?: string;
  manifest: FetchedManifest;
}

export interface ImageLayer {
  /** The history entry of the layer, e.g. `RUN /bin/sh -c make # buildkit`. */
  createdBy: string;
  size: number;
}

export class Promoter {
  readonly client: RegistryClient;
  readonly log: PipelineLog;

  constructor(logins: RegistryLogin[], log: PipelineLog) {
    const credentials = new Map(logins.map((login) => [login.registry, { username: login.username, password: login.password }]));
    this.client = new RegistryClient({ credentials, retries: 3 });
    this.log = log;
  }

  /**
   * Checks before any build time is spent that each target repository answers
   * and the credentials are accepted (a wrong password fails here, by name).
   */
  async checkAccess(refs: string[]): Promise<void> {
    const byRepository = new Map(refs.map((ref) => [repositoryKey(parseReference(ref)), ref]));
    await Promise.all([...byRepository.values()].map((ref) => this.client.headManifest(ref)));
  }

  /** The digest each base image tag points at now; undefined (with a warning) when one cannot be resolved. */
  async resolveBaseImages(refs: string[]): Promise<{ ref: string; digest: string }[] | undefined> {
    try {
      return await Promise.all(refs.map(async (ref) => ({ ref, digest: await this.client.resolveDigest(ref) })));
    } catch (error) {
      this.log.warning(`Cannot resolve the base images (${messageOf(error)}); building without a fingerprint, so skip-unchanged is off for this run.`);
      return undefined;
    }
  }

  /** The first of `candidates` whose image carries `fingerprint` in its labels. */
  async findByFingerprint(candidates: string[], fingerprint: string): Promise<FoundImage | undefined> {
    // All candidates at once (each is a registry round trip or more); the first in order that matches wins.
    const lookups = [...new Set(candidates)].map(async (ref) => {
      const reference = parseReference(ref);
      const manifest = await this.client.getManifestIfExists(reference);
      if (!manifest) return undefined;
      // A single image's config straight from the manifest in hand (one round trip, not three).
      const config = isIndexMediaType(manifest.mediaType)
        ? await this.client.getConfig(reference.digest ? reference : { ...reference, digest: manifest.digest })
        : (JSON.parse(new TextDecoder().decode(await this.client.getBlob(reference, (manifest.json as ImageManifest).config.digest))) as { config?: { Labels?: Record<string, string> } });
      if (config.config?.Labels?.[FINGERPRINT_LABEL] !== fingerprint) return undefined;
      const configDigest = isIndexMediaType(manifest.mediaType) ? undefined : (manifest.json as ImageManifest).config.digest;
      return { ref, repository: reference, digest: manifest.digest, configDigest, manifest };
    });
    for (const lookup of lookups) lookup.catch(() => {}); // a later candidate's failure after an earlier match is not unhandled
    for (const lookup of lookups) {
      const found = await lookup;
      if (found) return found;
    }
    return undefined;
  }

  /**
   * Points each target tag at the found image: a manifest PUT of the same
   * bytes, with blobs mounted into other repositories of the same registry.
   * Across registries nothing is copied (the caller builds instead).
   */
  async retag(found: FoundImage, targets: string[]): Promise<void> {
    const source = { ...found.repository, tag: undefined, digest: found.digest };
    // Side by side: each tag is its own round trips to the registry.
    await Promise.all(targets.map((target) => copyImage(this.client, source, target, found.manifest)));
    for (const target of targets) this.log.info(`Tagged ${target} → ${found.digest}`);
  }

  /**
   * The layers of a pushed image with the instruction that made each (from the
   * config's history), for the summary's step table.
   */
  async layersOf(ref: string, digest: string): Promise<ImageLayer[]> {
    const reference = { ...parseReference(ref), digest };
    let manifest = await this.client.getManifest(reference);
    if (isIndexMediaType(manifest.mediaType)) {
      const first = imageManifestsOf(manifest.json as ImageIndex)[0];
      if (!first) return [];
      manifest = await this.client.getManifest({ ...reference, digest: first.digest });
    }
    const image = manifest.json as ImageManifest;
    const config = JSON.parse(new TextDecoder().decode(await this.client.getBlob(reference, image.config.digest))) as {
      history?: { created_by?: string; empty_layer?: boolean }[];
    };
    const withLayers = (config.history ?? []).filter((entry) => !entry.empty_layer);
    return image.layers.map((layer, index) => ({ createdBy: withLayers[index]?.created_by ?? '', size: layer.size }));
  }

  async digestOf(ref: string): Promise<string | undefined> {
    return (await this.client.headManifest(ref))?.digest;
  }
}

function repositoryKey(reference: RepositoryRef): string {
  return `${reference.registry}/${reference.repository}`;
}
