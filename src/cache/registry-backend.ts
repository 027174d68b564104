/**
 * `cache-backend: registry`: BuildKit's own registry cache (`type=registry`), a
 * cache image beside the image that every runner can read, plus our record
 * (fingerprint, hashes, pushed images, context manifest) as a small OCI artifact
 * tagged next to it, so that skip-unchanged and the miss explanation work from
 * the registry alone, with an empty Actions cache.
 *
 * Pure parts (references, Buildx specs, the artifact's manifest) and one thin
 * edge over our registry client. Cache trouble never fails a build: reading or
 * writing the record only warns.
 */
import { messageOf, UserError } from '../common/errors.ts';
import type { RegistryClient } from '../registry/client.ts';
import { OCI_MANIFEST, sha256Digest, type ImageIndex, type ImageManifest } from '../registry/manifest.ts';
import { formatReference, parseReference } from '../registry/reference.ts';
import type { CacheHit } from './keys.ts';
import type { CacheRecord } from './record.ts';

/** The artifact type of the record (and, for registries older than OCI 1.1, its config's media type). */
export const RECORD_ARTIFACT_TYPE = 'application/vnd.image-build.record.v1+json';
/** The media type of the one layer: the record's JSON. */
export const RECORD_LAYER_TYPE = 'application/vnd.image-build.record.layer.v1+json';
export const DEFAULT_CACHE_TAG = 'buildcache';
export const RECORD_TAG_SUFFIX = '-record';
const MAX_TAG_LENGTH = 128;
const EMPTY_CONFIG = new TextEncoder().encode('{}');

/** `<first image>:buildcache`, or the `cache-ref` input: a tagged reference (no digest). */
export function registryCacheRef(cacheRefInput: string | undefined, firstImage: string | undefined): string {
  if (!cacheRefInput && !firstImage) {
    throw new UserError('"cache-backend: registry" needs "cache-ref" (or "images": the cache then goes to <first image>:buildcache)', {
      input: 'cache-ref',
    });
  }
  const text = cacheRefInput || `${stripTag(firstImage!)}:${DEFAULT_CACHE_TAG}`;
  const reference = parseReference(text, { input: 'cache-ref' });
  if (reference.digest) throw new UserError(`cache-ref "${text}" must name a tag, not a digest: the cache is rewritten`, { input: 'cache-ref' });
  return formatReference({ ...reference, tag: reference.tag ?? DEFAULT_CACHE_TAG });
}

/** Where the record of `cacheRef` lives: the same repository, tag `<tag>-record`. */
export function recordRefOf(cacheRef: string): string {
  const reference = parseReference(cacheRef);
  const tag = reference.tag ?? DEFAULT_CACHE_TAG;
  const recordTag = `${tag.slice(0, MAX_TAG_LENGTH - RECORD_TAG_SUFFIX.length)}${RECORD_TAG_SUFFIX}`;
  return formatReference({ ...reference, tag: recordTag });
}

/** Buildx `--cache-from` spec. */
export function registryCacheFrom(cacheRef: string): string {
  return `type=registry,ref=${cacheRef}`;
}

/**
 * Buildx `--cache-to` spec. `ignore-error=true`: a cache that cannot be pushed (no
 * push access, a full registry) must not fail a build whose image was pushed.
 */
export function registryCacheTo(cacheRef: string, mode: 'min' | 'max'): string {
  return `type=registry,ref=${cacheRef},mode=${mode},ignore-error=true`;
}

/** The error of the build's cache export step, when it failed (and was ignored). */
export function registryCacheExportError(steps: { name: string; error?: string }[]): string | undefined {
  return steps.find((step) => /^exporting cache/.test(step.name) && step.error)?.error;
}

/** The hit kind of a registry record: the key is the record's, not a restored folder's. */
export function recordHit(record: CacheRecord | undefined, key: string): CacheHit {
  if (!record) return 'miss';
  return record.key === key ? 'exact' : 'partial';
}

/** The OCI manifest of the record artifact: our config type, one layer holding the JSON. */
export function recordManifest(recordBytes: Uint8Array, createdAt: string): Uint8Array {
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: RECORD_ARTIFACT_TYPE,
    config: { mediaType: RECORD_ARTIFACT_TYPE, digest: sha256Digest(EMPTY_CONFIG), size: EMPTY_CONFIG.length },
    layers: [{ mediaType: RECORD_LAYER_TYPE, digest: sha256Digest(recordBytes), size: recordBytes.length }],
    annotations: { 'org.opencontainers.image.created': createdAt },
  };
  return new TextEncoder().encode(JSON.stringify(manifest));
}

/** The record layer's descriptor, when `manifest` is one of our record artifacts. */
export function recordLayerOf(manifest: ImageManifest & { artifactType?: string }): { digest: string; size: number } | undefined {
  const ours = manifest.artifactType === RECORD_ARTIFACT_TYPE || manifest.config?.mediaType === RECORD_ARTIFACT_TYPE;
  if (!ours || !Array.isArray(manifest.layers)) return undefined;
  return manifest.layers.find((layer) => layer.mediaType === RECORD_LAYER_TYPE);
}

export function parseRecord(bytes: Uint8Array): CacheRecord | undefined {
  try {
    const record = JSON.parse(new TextDecoder().decode(bytes)) as CacheRecord;
    return record && record.version === 1 && typeof record.key === 'string' ? record : undefined;
  } catch {
    return undefined;
  }
}

/** Bytes a BuildKit registry cache holds: its index lists every blob (layers and the cache config). */
export function cacheManifestBytes(json: ImageIndex | ImageManifest): number {
  if ('manifests' in json && Array.isArray(json.manifests)) return json.manifests.reduce((sum, entry) => sum + (entry.size ?? 0), 0);
  const image = json as ImageManifest;
  return (image.config?.size ?? 0) + (image.layers ?? []).reduce((sum, layer) => sum + (layer.size ?? 0), 0);
}

export interface RegistryCacheLookup {
  hit: CacheHit;
  record?: CacheRecord;
  /** The cache image exists: worth a `--cache-from` (even without a record, e.g. one build-push-action wrote). */
  cacheExists: boolean;
}

type Warn = (message: string) => void;

export class RegistryCache {
  readonly ref: string;
  readonly recordRef: string;

  constructor(
    private readonly client: RegistryClient,
    ref: string,
    private readonly warn: Warn,
  ) {
    this.ref = ref;
    this.recordRef = recordRefOf(ref);
  }

  /** Looks up the cache image and the record beside it; a registry error is a warning and a miss. */
  async lookup(key: string): Promise<RegistryCacheLookup> {
    try {
      const [cache, record] = await Promise.all([this.client.headManifest(this.ref), this.readRecord()]);
      // A record whose cache image is gone (deleted, garbage-collected) still names the pushed
      // image for skip-unchanged, but it is a miss: the next build must write the cache again.
      return { hit: cache ? recordHit(record, key) : 'miss', record, cacheExists: cache !== undefined };
    } catch (error) {
      this.warn(`Registry cache lookup of ${this.ref} failed, building without cache: ${messageOf(error)}`);
      return { hit: 'miss', cacheExists: false };
    }
  }

  async readRecord(): Promise<CacheRecord | undefined> {
    const manifest = await this.client.getManifestIfExists(this.recordRef);
    if (!manifest) return undefined;
    const layer = recordLayerOf(manifest.json as ImageManifest);
    if (!layer) {
      this.warn(`${this.recordRef} is not an image-build record (artifact type ${RECORD_ARTIFACT_TYPE}); ignoring it`);
      return undefined;
    }
    return parseRecord(await this.client.getBlob(this.recordRef, layer.digest));
  }

  /** Pushes the record: two small blobs and the manifest. False (with a warning) when the registry refused. */
  async saveRecord(record: CacheRecord): Promise<boolean> {
    try {
      const bytes = new TextEncoder().encode(JSON.stringify(record));
      await this.client.uploadBlob(this.recordRef, EMPTY_CONFIG);
      await this.client.uploadBlob(this.recordRef, bytes);
      const tag = parseReference(this.recordRef).tag!;
      await this.client.putManifest(this.recordRef, tag, recordManifest(bytes, record.createdAt), OCI_MANIFEST);
      return true;
    } catch (error) {
      this.warn(`Could not store the cache record ${this.recordRef} (the layer cache itself was pushed): ${messageOf(error)}`);
      return false;
    }
  }

  /** Size of the cache image as the registry lists it; undefined when it cannot be read. */
  async cacheBytes(): Promise<number | undefined> {
    try {
      const manifest = await this.client.getManifestIfExists(this.ref);
      return manifest ? cacheManifestBytes(manifest.json) : undefined;
    } catch {
      return undefined;
    }
  }
}

/** `host/org/app:tag` → `host/org/app` (a port's colon is kept). */
function stripTag(image: string): string {
  return image.replace(/@.*$/, '').replace(/:[^/:]*$/, '');
}
