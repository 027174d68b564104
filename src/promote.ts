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
import { isIndexMediaType, type ImageIndex, type ImageManifest } from './registry/manifest.ts';
import { formatReference, parseReference, type RepositoryRef } from './registry/reference.ts';

export interface FoundImage {
  ref: string;
  repository: RepositoryRef;
  digest: string;
  configDigest?: string;
  manifest: FetchedManifest;
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
    for (const ref of [...new Set(candidates)]) {
      const reference = parseReference(ref);
      const manifest = await this.client.getManifestIfExists(reference);
      if (!manifest) continue;
      const config = await this.client.getConfig(reference.digest ? reference : { ...reference, digest: manifest.digest });
      if (config.config?.Labels?.[FINGERPRINT_LABEL] !== fingerprint) continue;
      const configDigest = isIndexMediaType(manifest.mediaType) ? undefined : (manifest.json as ImageManifest).config.digest;
      return { ref, repository: reference, digest: manifest.digest, configDigest, manifest };
    }
    return undefined;
  }

  /**
   * Points each target tag at the found image. Blobs are mounted into other
   * repositories of the same registry; across registries nothing is copied
   * (the caller builds instead).
   */
  async retag(found: FoundImage, targets: string[]): Promise<void> {
    for (const target of targets) {
      const reference = parseReference(target);
      if (reference.registry !== found.repository.registry) {
        throw new Error(`${target} is on another registry than ${found.ref}; images are not copied between registries`);
      }
      if (reference.repository !== found.repository.repository) await this.mountImage(found.repository, reference, found.manifest);
      await this.client.putManifest(reference, reference.tag ?? 'latest', found.manifest.body, found.manifest.mediaType);
      this.log.info(`Tagged ${formatReference(reference)} → ${found.digest}`);
    }
  }

  async digestOf(ref: string): Promise<string | undefined> {
    return (await this.client.headManifest(ref))?.digest;
  }

  /** Mounts every blob of a manifest (and of each manifest an index lists) into another repository. */
  private async mountImage(from: RepositoryRef, to: RepositoryRef, manifest: FetchedManifest): Promise<void> {
    if (isIndexMediaType(manifest.mediaType)) {
      for (const child of (manifest.json as ImageIndex).manifests) {
        const fetched = await this.client.getManifest({ ...from, digest: child.digest });
        await this.mountImage(from, to, fetched);
        await this.client.putManifest(to, child.digest, fetched.body, fetched.mediaType);
      }
      return;
    }
    const image = manifest.json as ImageManifest;
    for (const blob of [image.config, ...image.layers]) {
      if (!(await this.client.mountBlob(from, to, blob.digest))) {
        throw new Error(`the registry did not mount ${blob.digest} from ${from.repository} into ${to.repository}`);
      }
    }
  }
}

function repositoryKey(reference: RepositoryRef): string {
  return `${reference.registry}/${reference.repository}`;
}
