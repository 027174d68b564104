/**
 * Reusing an image instead of rebuilding it. When an image with this build's
 * fingerprint is already in the registry (an earlier run of the same commit,
 * the commit built on the default branch before its release tag), the new tags
 * are added by manifest PUT: no build, no blob upload, the same digest.
 */
import type { RegistryLogin } from './docker-config.ts';
import { messageOf } from './errors.ts';
import { FINGERPRINT_LABEL } from './fingerprint.ts';
import type { PipelineLog } from './log.ts';
import { RegistryClient, type FetchedManifest } from './registry/client.ts';
import { copyImage } from './registry/copy.ts';
import { imageManifestsOf, isIndexMediaType, parsePlatform, selectPlatformManifest, type ImageIndex, type ImageManifest } from './registry/manifest.ts';
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

  /**
   * The first of `candidates` whose image carries `fingerprint` in its labels.
   * With `platform` (a one-platform build), an index among the candidates (a
   * merged multi-platform image) is looked into: its manifest for that platform
   * is the image found.
   */
  async findByFingerprint(candidates: string[], fingerprint: string, platform?: string): Promise<FoundImage | undefined> {
    for (const ref of [...new Set(candidates)]) {
      const reference = parseReference(ref);
      let manifest = await this.client.getManifestIfExists(reference);
      if (!manifest) continue;
      if (platform && isIndexMediaType(manifest.mediaType)) {
        // An index of this one build (its image and attestations) is reused whole; of several platforms, the platform's part.
        const index = manifest.json as ImageIndex;
        if (imageManifestsOf(index).length > 1) {
          const child = selectPlatformManifest(index, parsePlatform(platform));
          if (!child) continue;
          manifest = await this.client.getManifest({ ...reference, tag: undefined, digest: child.digest });
        }
      }
      const config = await this.client.getConfig({ ...reference, tag: undefined, digest: manifest.digest });
      if (config.config?.Labels?.[FINGERPRINT_LABEL] !== fingerprint) continue;
      const configDigest = isIndexMediaType(manifest.mediaType) ? undefined : (manifest.json as ImageManifest).config.digest;
      return { ref, repository: reference, digest: manifest.digest, configDigest, manifest };
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
    for (const target of targets) {
      await copyImage(this.client, source, target);
      this.log.info(`Tagged ${target} → ${found.digest}`);
    }
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
