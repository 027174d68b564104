/**
 * Reusing an image instead of rebuilding it. When an image with this build's
 * fingerprint is already in the registry (an earlier run of the same commit,
 * the commit built on the default branch before its release tag), the new tags
 * are added by manifest PUT: no build, no blob upload, the same digest.
 */
import type { Credentials } from '../buildx/credentials.ts';
import { messageOf, UserError } from '../common/errors.ts';
import { FINGERPRINT_LABEL } from './fingerprint.ts';
import type { PipelineLog } from '../common/log.ts';
import { RegistryClient, type FetchedManifest } from '../registry/client.ts';
import { copyImage } from '../registry/copy.ts';
import { RegistryError } from '../registry/registry-error.ts';
import type { InsecureRegistryCheck } from '../registry/schemes.ts';
import type { BaseImageUse } from '../buildx/dockerfile.ts';
import type { ResolvedBase } from './fingerprint.ts';
import { formatPlatform, imageManifestsOf, isIndexMediaType, parsePlatform, selectPlatformManifest, type ImageIndex, type ImageManifest } from '../registry/manifest.ts';
import { parseReference, type RepositoryRef } from '../registry/reference.ts';
import { relabel, relabelIndex, type WantedMetadata } from './relabel.ts';
import { annotationsAt } from '../tags/annotation-levels.ts';

export interface FoundImage {
  ref: string;
  repository: RepositoryRef;
  digest: string;
  configDigest?: string;
  manifest: FetchedManifest;
}

/** What was read of one candidate: its image, that image's labels, and the digest its tag points at. */
export interface ReadCandidate {
  image: FoundImage;
  labels: Record<string, string>;
  /** The digest the reference resolves to (an index's own, when the image is one of its parts). */
  taggedDigest: string;
}

/** Candidate reads started ahead of a lookup, by reference. */
export type CandidateReads = Map<string, Promise<ReadCandidate | undefined>>;

export interface ImageLayer {
  /** The history entry of the layer, e.g. `RUN /bin/sh -c make # buildkit`. */
  createdBy: string;
  size: number;
  /** The platform of the image the layer is in, when the pushed image is an index. */
  platform?: string;
  /** The digest of that platform's image, when the pushed image is an index. */
  image?: string;
}

export class Promoter {
  readonly client: RegistryClient;
  readonly log: PipelineLog;
  /** Blobs copied to other registries by retag (a mount or a retag within a registry moves none). */
  readonly copied = { blobs: 0, bytes: 0 };
  /** Targets of a retag that pointed at the image already (a rerun): nothing moved. */
  readonly alreadyTagged: string[] = [];
  /**
   * Image configs read in this run, by repository and digest: the candidates of a lookup often
   * share one image (the branch and the `sha-` tag of a rerun), and the relabel check reads the
   * config the lookup read, so each is one request, not three in two serial round trips.
   */
  private readonly configs = new Map<string, Promise<Uint8Array>>();

  /** `insecure`: the engine's insecure registries, so a registry it pushes to in plain HTTP is one we reach too. */
  constructor(credentials: Credentials, log: PipelineLog, insecure?: InsecureRegistryCheck) {
    // Asked only when a host turns out not to speak HTTPS, once per host: a yes is worth a line.
    const told = insecure && (async (host: string) => {
      const yes = await insecure(host);
      if (yes) log.info(`${host}: plain HTTP, as the engine lists it among its insecure registries`);
      return yes;
    });
    this.client = new RegistryClient({ credentials: (registry) => credentials.lookup(registry), retries: 3, insecure: told });
    this.log = log;
  }

  /**
   * Checks before any build time is spent that every target repository takes a
   * push with the credentials found for its registry. One error names each
   * registry that refused and how to give it credentials.
   */
  async checkAccess(refs: string[]): Promise<void> {
    const byRepository = new Map(refs.map((ref) => [repositoryKey(parseReference(ref)), parseReference(ref)]));
    const checks = await Promise.allSettled([...byRepository.values()].map((reference) => this.client.checkPushAccess(reference)));
    const refused = checks.flatMap((check, index) => (check.status === 'rejected' ? [{ reference: [...byRepository.values()][index]!, error: check.reason as unknown }] : []));
    if (refused.length === 0) return;
    const lines = refused.map(({ reference, error }) => `${messageOf(error)}${isAccessRefusal(error) ? `: ${loginHint(reference.registry)}` : ''}`);
    throw new UserError(refused.length === 1 ? lines[0]! : `${refused.length} registries cannot be pushed to:\n${lines.join('\n')}`, { input: 'images' });
  }

  /**
   * The digest each base image tag points at now and, for an index, the digest
   * of each platform's manifest the build pulls from it (so that a tag moved
   * for one platform shows, and the platforms a build does not pull do not
   * count); undefined (with a warning) when one cannot be resolved.
   */
  async resolveBaseImages(uses: BaseImageUse[]): Promise<ResolvedBase[] | undefined> {
    const platformsOf = new Map<string, string[]>();
    for (const use of uses) platformsOf.set(use.ref, [...(platformsOf.get(use.ref) ?? []), use.platform]);
    try {
      return await Promise.all(
        [...platformsOf].map(async ([ref, platforms]) => {
          const manifest = await this.client.getManifest(ref);
          if (!isIndexMediaType(manifest.mediaType)) return { ref, digest: manifest.digest };
          const index = manifest.json as ImageIndex;
          const entries = platforms.map((platform) => [platform, selectPlatformManifest(index, parsePlatform(platform))?.digest ?? 'absent']);
          return { ref, digest: manifest.digest, platforms: Object.fromEntries(entries) as Record<string, string> };
        }),
      );
    } catch (error) {
      this.log.warning(`Cannot resolve the base images (${messageOf(error)}); building without a fingerprint, so skip-unchanged is off for this run.`);
      return undefined;
    }
  }

  /**
   * Starts reading every candidate at once: its manifest (for a one-platform
   * build, the platform's part of a merged index) and that image's labels. None
   * of this needs the fingerprint, so it runs while the base images resolve; the
   * reads are for one lookup, made now (a later check reads afresh).
   */
  readCandidates(candidates: string[], platform?: string): CandidateReads {
    const reads: CandidateReads = new Map();
    for (const ref of new Set(candidates)) {
      const read = this.readCandidate(ref, platform);
      read.catch(() => {}); // awaited by the lookup; a read it never gets to is not unhandled
      reads.set(ref, read);
    }
    return reads;
  }

  /**
   * The first of `candidates` whose image carries `fingerprint` in its labels.
   * With `platform` (a one-platform build), an index among the candidates (a
   * merged multi-platform image) is looked into: its manifest for that platform
   * is the image found. All candidates are read at once (each is a registry
   * round trip or more), or taken from `reads` made ahead; the first in order
   * that matches wins.
   */
  async findByFingerprint(candidates: string[], fingerprint: string, platform?: string, reads?: CandidateReads): Promise<FoundImage | undefined> {
    const ahead = reads ?? this.readCandidates(candidates, platform);
    const lookups = [...new Set(candidates)].map((ref) => ahead.get(ref) ?? this.readCandidate(ref, platform));
    for (const lookup of lookups) lookup.catch(() => {}); // a later candidate's failure after an earlier match is not unhandled
    for (const lookup of lookups) {
      const candidate = await lookup;
      if (candidate?.labels[FINGERPRINT_LABEL] === fingerprint) return candidate.image;
    }
    return undefined;
  }

  private async readCandidate(ref: string, platform?: string): Promise<ReadCandidate | undefined> {
    const reference = parseReference(ref);
    const top = await this.client.getManifestIfExists(reference);
    if (!top) return undefined;
    let manifest = top;
    if (platform && isIndexMediaType(manifest.mediaType)) {
      // An index of this one build (its image and attestations) is reused whole; of several platforms, the platform's part.
      const index = manifest.json as ImageIndex;
      if (imageManifestsOf(index).length > 1) {
        const child = selectPlatformManifest(index, parsePlatform(platform));
        if (!child) return undefined;
        manifest = await this.client.getManifest({ ...reference, tag: undefined, digest: child.digest });
      }
    }
    // A single image's config straight from the manifest in hand (one round trip, not three).
    const config = isIndexMediaType(manifest.mediaType)
      ? await this.client.getConfig({ ...reference, tag: undefined, digest: manifest.digest })
      : (JSON.parse(new TextDecoder().decode(await this.configBlob(reference, (manifest.json as ImageManifest).config.digest))) as { config?: { Labels?: Record<string, string> } });
    const configDigest = isIndexMediaType(manifest.mediaType) ? undefined : (manifest.json as ImageManifest).config.digest;
    return { labels: config.config?.Labels ?? {}, taggedDigest: top.digest, image: { ref, repository: reference, digest: manifest.digest, configDigest, manifest } };
  }

  /** A config blob (content-addressed, so a copy read earlier in the run is the same bytes); a failed read is not kept. */
  private configBlob(repository: RepositoryRef, digest: string): Promise<Uint8Array> {
    const key = `${repositoryKey(repository)}@${digest}`;
    let read = this.configs.get(key);
    if (!read) {
      read = this.client.getBlob(repository, digest);
      this.configs.set(key, read);
      read.catch(() => this.configs.delete(key));
    }
    return read;
  }

  /**
   * `found` with this run's labels and annotations: a new config and manifest over the
   * same layers (relabel.ts), stored by digest in its repository, and for an index of
   * several platforms each platform's image so, under a new index; `found` itself when it
   * has them already. An index with attestations is reused as built: they name the digests
   * of the images it was built with.
   */
  async withMetadata(found: FoundImage, wanted: WantedMetadata): Promise<FoundImage> {
    if (isIndexMediaType(found.manifest.mediaType)) return this.withIndexMetadata(found, wanted);
    const changed = await this.relabeled(found.repository, found.manifest, wanted);
    if (!changed) return found;
    this.log.info(`Gave the image of ${found.ref} this run's labels: ${found.digest} → ${changed.manifestDigest} (a new config over the same layers)`);
    return {
      ...found,
      digest: changed.manifestDigest,
      configDigest: changed.configDigest,
      manifest: { ...found.manifest, digest: changed.manifestDigest, size: changed.manifest.byteLength, body: changed.manifest, json: changed.json },
    };
  }

  private async withIndexMetadata(found: FoundImage, wanted: WantedMetadata): Promise<FoundImage> {
    const index = found.manifest.json as ImageIndex;
    if (index.manifests.length !== imageManifestsOf(index).length) {
      this.log.info(`${found.ref} carries attestations, which name the digests of the images it was built with: reused as built, with its own labels`);
      return found;
    }
    const children = await Promise.all(
      index.manifests.map(async (child) => {
        const manifest = await this.client.getManifest({ ...found.repository, tag: undefined, digest: child.digest });
        const platform = child.platform ? formatPlatform(child.platform) : undefined;
        const changed = await this.relabeled(found.repository, manifest, wanted, platform);
        return changed ? { ...child, digest: changed.manifestDigest, size: changed.manifest.byteLength } : child;
      }),
    );
    if (children.every((child, at) => child.digest === index.manifests[at]!.digest)) return found;
    const changed = relabelIndex(index, children, annotationsAt(wanted.annotations, 'index'));
    await this.client.putManifest(found.repository, changed.manifestDigest, changed.manifest, found.manifest.mediaType);
    this.log.info(`Gave the ${children.length} platform images of ${found.ref} this run's labels: ${found.digest} → ${changed.manifestDigest} (new configs over the same layers)`);
    return {
      ...found,
      digest: changed.manifestDigest,
      manifest: { ...found.manifest, digest: changed.manifestDigest, size: changed.manifest.byteLength, body: changed.manifest, json: changed.json },
    };
  }

  /** One image manifest relabeled and stored by digest (its new config first); undefined when it has the labels. */
  private async relabeled(repository: RepositoryRef, fetched: FetchedManifest, wanted: WantedMetadata, platform?: string) {
    const manifest = fetched.json as ImageManifest;
    const annotations = annotationsAt(wanted.annotations, 'manifest', { platform });
    const changed = relabel(await this.configBlob(repository, manifest.config.digest), manifest, { labels: wanted.labels, annotations });
    if (!changed) return undefined;
    await this.client.uploadBlob(repository, changed.config);
    await this.client.putManifest(repository, changed.manifestDigest, changed.manifest, fetched.mediaType);
    return changed;
  }

  /**
   * Points each target tag at the found image: a manifest PUT of the same bytes,
   * with blobs mounted into other repositories of the same registry. A registry
   * other than the found image's first gets a look among `candidates` there (its
   * own copy of this fingerprint, mounted for free); else the image is copied over
   * from the found one. Never a rebuild. A target that `reads` (made for this
   * lookup) show at the found digest already is left as it is: a rerun moves nothing.
   * Tags of one repository go in turn, so its blobs are copied once, for the first.
   */
  async retag(found: FoundImage, targets: string[], candidates: string[] = [], fingerprint?: string, reads?: CandidateReads): Promise<void> {
    const sources = new Map<string, Promise<FoundImage>>([[found.repository.registry, Promise.resolve(found)]]);
    const sourceFor = (registry: string): Promise<FoundImage> => {
      let source = sources.get(registry);
      if (!source) {
        const local = fingerprint ? this.findByFingerprint(candidates.filter((ref) => parseReference(ref).registry === registry), fingerprint, undefined, reads) : Promise.resolve(undefined);
        source = local.then((image) => (image?.digest === found.digest ? image : found));
        sources.set(registry, source);
      }
      return source;
    };
    // Repositories are independent: one at a time per repository, all repositories at once.
    const turns = new Map<string, Promise<void>>();
    const inTurn = (target: string, work: () => Promise<void>): Promise<void> => {
      const key = repositoryKey(parseReference(target));
      const next = (turns.get(key) ?? Promise.resolve()).catch(() => {}).then(work);
      turns.set(key, next);
      return next;
    };
    await Promise.all(
      [...new Set(targets)].map((target) => inTurn(target, async () => {
        const current = await reads?.get(target)?.catch(() => undefined);
        if (current?.taggedDigest === found.digest) {
          this.log.info(`${target} is at ${found.digest} already`);
          this.alreadyTagged.push(target);
          return;
        }
        const from = await sourceFor(parseReference(target).registry);
        const copied = await copyImage(this.client, { ...from.repository, tag: undefined, digest: from.digest }, target, { crossRegistry: true, manifest: from.manifest });
        this.copied.blobs += copied.copiedBlobs;
        this.copied.bytes += copied.copiedBytes;
        const how = copied.copiedBlobs ? ` (copied from ${from.repository.registry}: ${copied.copiedBlobs} blobs, ${copied.copiedBytes} bytes)` : '';
        this.log.info(`Tagged ${target} → ${found.digest}${how}`);
      })),
    );
  }

  /**
   * The layers of a pushed image with the instruction that made each (from the
   * config's history), for the summary's step table; of every platform's image
   * for an index.
   */
  async layersOf(ref: string, digest: string): Promise<ImageLayer[]> {
    const reference = { ...parseReference(ref), digest };
    const manifest = await this.client.getManifest(reference);
    if (!isIndexMediaType(manifest.mediaType)) return this.imageLayers(reference, manifest.json as ImageManifest);
    const images = imageManifestsOf(manifest.json as ImageIndex);
    const perPlatform = await Promise.all(
      images.map(async (entry) => {
        const image = (await this.client.getManifest({ ...reference, digest: entry.digest })).json as ImageManifest;
        const platform = entry.platform ? formatPlatform(entry.platform) : undefined;
        return (await this.imageLayers(reference, image)).map((layer) => ({ ...layer, ...(platform ? { platform, image: entry.digest } : {}) }));
      }),
    );
    return perPlatform.flat();
  }

  private async imageLayers(reference: RepositoryRef, image: ImageManifest): Promise<ImageLayer[]> {
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

function isAccessRefusal(error: unknown): boolean {
  return error instanceof RegistryError && (error.status === 401 || error.status === 403);
}

/** What to do about a registry that refused: the ways this step gets credentials. */
function loginHint(registry: string): string {
  return (
    `log in to ${registry} before this step (docker/login-action with registry: ${registry}), ` +
    `or give its credentials in "logins" (registry=${registry},username=…,password=…)`
  );
}
