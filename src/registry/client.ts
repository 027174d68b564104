// The OCI distribution client: manifests (HEAD/GET/PUT), tags, blob HEAD/GET/upload
// (streamed, blob-transfer.ts) and cross-repository mounts, over the authenticating,
// retrying transport. Methods take a reference string (`127.0.0.1:15000/org/app:1.2`)
// or a parsed reference.
import type { CredentialSource } from './auth.ts';
import { openBlob, putBlob, type BlobDownload } from './blob-transfer.ts';
import {
  MANIFEST_ACCEPT,
  imageManifestsOf,
  isIndexMediaType,
  parsePlatform,
  selectPlatformManifest,
  sha256Digest,
  formatPlatform,
  type ImageConfig,
  type ImageIndex,
  type ImageManifest,
  type Platform,
} from './manifest.ts';
import {
  formatReference,
  isDigest,
  manifestReference,
  parseReference,
  type ImageReference,
  type RepositoryRef,
} from './reference.ts';
import { RegistryError } from './registry-error.ts';
import type { InsecureRegistryCheck } from './schemes.ts';
import { RegistrySession, expectStatus, nextPagePath, notFound } from './session.ts';
import { sleep, type HttpResponse, type StreamedBody } from './transport.ts';

export interface RegistryClientOptions {
  /** Registry (as named in references, e.g. `ghcr.io`) → credentials, or a lookup function. */
  credentials?: CredentialSource;
  /** Per attempt, body included; for a streamed blob transfer, the longest stall. Default 30 s. */
  timeoutMs?: number;
  /** Attempts after the first, on 429, 5xx, timeouts and dropped connections. Default 3. */
  retries?: number;
  userAgent?: string;
  /** Debug lines (retries, cancelled uploads). Never contains credentials or tokens. */
  log?: (message: string) => void;
  /** First backoff wait, doubled per retry. Default 500 ms. */
  retryBaseDelayMs?: number;
  /** Cap on any wait, `Retry-After` included. Default 30 s. */
  maxRetryDelayMs?: number;
  /** Replaces the timer between retries (tests record the waits). */
  sleep?: (ms: number) => Promise<void>;
  /**
   * The engine's insecure registries (buildx/engine-registries.ts): a host other than
   * loopback that refuses TLS is spoken to in plain HTTP when this says so. Unset: HTTPS only.
   */
  insecure?: InsecureRegistryCheck;
}

export interface ManifestInfo {
  digest: string;
  mediaType: string;
  size: number;
}

export interface FetchedManifest extends ManifestInfo {
  /** The exact bytes the registry stores: PUT them elsewhere and the digest is the same. */
  body: Uint8Array;
  json: ImageIndex | ImageManifest;
}

export type ReferenceInput = string | ImageReference;
export type RepositoryInput = string | RepositoryRef;

const TAGS_PAGE_SIZE = 1000;
const DEFAULT_PLATFORM: Platform = { os: 'linux', architecture: 'amd64' };

export class RegistryClient {
  private readonly session: RegistrySession;

  constructor(options: RegistryClientOptions = {}) {
    this.session = new RegistrySession(
      {
        timeoutMs: options.timeoutMs ?? 30_000,
        retries: options.retries ?? 3,
        userAgent: options.userAgent ?? 'image-build',
        retryBaseDelayMs: options.retryBaseDelayMs ?? 500,
        maxRetryDelayMs: options.maxRetryDelayMs ?? 30_000,
        sleep: options.sleep ?? sleep,
        log: options.log,
        insecure: options.insecure,
      },
      options.credentials,
    );
  }

  /** HTTP requests sent so far, keyed `METHOD kind` (`HEAD manifest`, `GET token`, …). */
  requestCounts(): Record<string, number> {
    return this.session.requestCounts();
  }

  requestCount(): number {
    return Object.values(this.requestCounts()).reduce((sum, n) => sum + n, 0);
  }

  resetRequestCounts(): void {
    this.session.resetRequestCounts();
  }

  /** Digest, media type and size of a manifest, or undefined when the tag or digest does not exist. */
  async headManifest(ref: ReferenceInput): Promise<ManifestInfo | undefined> {
    const reference = toReference(ref);
    const response = await this.manifestRequest('HEAD', reference);
    if (response.status === 404) return undefined;
    expectStatus(response, [200], 'HEAD', reference);
    const digest = response.headers.get('docker-content-digest');
    // The digest header is optional on HEAD: without it only the bytes can tell.
    if (!digest) {
      const fetched = await this.getManifestIfExists(reference);
      return fetched && { digest: fetched.digest, mediaType: fetched.mediaType, size: fetched.size };
    }
    return {
      digest,
      mediaType: contentType(response) ?? '',
      size: Number(response.headers.get('content-length') ?? 0),
    };
  }

  /** The manifest's bytes and parsed JSON; a RegistryError with code MANIFEST_UNKNOWN when missing. */
  async getManifest(ref: ReferenceInput): Promise<FetchedManifest> {
    const reference = toReference(ref);
    const manifest = await this.getManifestIfExists(reference);
    if (!manifest) throw notFound(reference);
    return manifest;
  }

  async getManifestIfExists(ref: ReferenceInput): Promise<FetchedManifest | undefined> {
    const reference = toReference(ref);
    const response = await this.manifestRequest('GET', reference);
    if (response.status === 404) return undefined;
    expectStatus(response, [200], 'GET', reference);
    const body = response.body;
    const digest = sha256Digest(body);
    const claimed = reference.digest ?? response.headers.get('docker-content-digest');
    if (claimed?.startsWith('sha256:') && claimed !== digest) {
      throw new RegistryError(
        `registry ${reference.registry} sent manifest bytes for ${formatReference(reference)} whose digest is ${digest}, not ${claimed}`,
        { registry: reference.registry, code: 'DIGEST_INVALID' },
      );
    }
    let json: ImageIndex | ImageManifest;
    try {
      json = JSON.parse(new TextDecoder().decode(body));
    } catch {
      throw new RegistryError(`manifest ${formatReference(reference)} is not JSON`, { registry: reference.registry });
    }
    const mediaType = contentType(response) ?? json.mediaType ?? '';
    return { digest, mediaType, size: body.length, json, body };
  }

  /**
   * Stores `bytes` as a manifest under `tagOrDigest` and returns its digest. PUTting
   * the bytes from getManifest under a new tag is a retag: same bytes, same digest.
   * The blobs (and, for an index, the child manifests) must already be in the repository.
   */
  async putManifest(repo: RepositoryInput, tagOrDigest: string, bytes: Uint8Array, mediaType: string): Promise<string> {
    const repository = toRepository(repo);
    const reference = isDigest(tagOrDigest) ? { ...repository, digest: tagOrDigest } : { ...repository, tag: tagOrDigest };
    const response = await this.session.request({
      method: 'PUT',
      repository,
      path: `manifests/${tagOrDigest}`,
      kind: 'manifest',
      access: 'pull,push',
      headers: { 'content-type': mediaType },
      body: bytes,
    });
    expectStatus(response, [200, 201], 'PUT', reference);
    const digest = sha256Digest(bytes);
    const stored = response.headers.get('docker-content-digest');
    if (stored && stored !== digest) {
      throw new RegistryError(
        `registry ${repository.registry} stored manifest ${formatReference(reference)} as ${stored}, not ${digest}`,
        { registry: repository.registry, code: 'DIGEST_INVALID' },
      );
    }
    return digest;
  }

  /** All tags of a repository (following `Link` pages); [] when the repository does not exist. */
  async listTags(repo: RepositoryInput): Promise<string[]> {
    const repository = toRepository(repo);
    const tags: string[] = [];
    let path: string | undefined = `tags/list?n=${TAGS_PAGE_SIZE}`;
    while (path !== undefined) {
      const response: HttpResponse = await this.session.request({ method: 'GET', repository, path, kind: 'tags', access: 'pull' });
      if (response.status === 404) return tags;
      expectStatus(response, [200], 'GET', repository);
      const page = JSON.parse(new TextDecoder().decode(response.body)) as { tags?: string[] | null };
      tags.push(...(page.tags ?? []));
      path = nextPagePath(response, repository);
    }
    return tags;
  }

  /** Size of a blob in the repository, or undefined when it is not there. */
  async headBlob(repo: RepositoryInput, digest: string): Promise<{ digest: string; size: number } | undefined> {
    const repository = toRepository(repo);
    const response = await this.session.request({ method: 'HEAD', repository, path: `blobs/${digest}`, kind: 'blob', access: 'pull' });
    if (response.status === 404) return undefined;
    expectStatus(response, [200], 'HEAD', { ...repository, digest });
    return { digest, size: Number(response.headers.get('content-length') ?? 0) };
  }

  /** A blob's bytes, verified against its digest. Meant for small blobs (image configs). */
  async getBlob(repo: RepositoryInput, digest: string): Promise<Uint8Array> {
    const repository = toRepository(repo);
    const reference = { ...repository, digest };
    const response = await this.session.request({ method: 'GET', repository, path: `blobs/${digest}`, kind: 'blob', access: 'pull' });
    if (response.status === 404) throw notFound(reference, 'blob');
    expectStatus(response, [200], 'GET', reference);
    if (digest.startsWith('sha256:') && sha256Digest(response.body) !== digest) {
      throw new RegistryError(`blob ${formatReference(reference)} does not match its digest`, {
        registry: repository.registry,
        code: 'DIGEST_INVALID',
      });
    }
    return response.body;
  }

  /**
   * Cross-repository mount: make a blob of `fromRepo` part of `toRepo` on the same
   * registry without uploading it. True when mounted (201); false when the registry
   * declined (202: it opened an upload instead, which is cancelled here).
   */
  async mountBlob(fromRepo: RepositoryInput, toRepo: RepositoryInput, digest: string): Promise<boolean> {
    const from = toRepository(fromRepo);
    const to = toRepository(toRepo);
    if (from.registry !== to.registry) {
      throw new Error(`cannot mount a blob across registries (${from.registry} → ${to.registry})`);
    }
    const query = new URLSearchParams({ mount: digest, from: from.repository });
    const response = await this.session.request({
      method: 'POST',
      repository: to,
      path: `blobs/uploads/?${query}`,
      kind: 'upload',
      access: 'pull,push',
      extraScopes: [`repository:${from.repository}:pull`],
    });
    if (response.status === 201) return true;
    expectStatus(response, [202], 'POST', { ...to, digest });
    await this.session.cancelUpload(to, response);
    return false;
  }

  /**
   * Proves push access to a repository without writing anything: opens a blob
   * upload (what every push starts with) and cancels it. Throws the access error
   * (naming registry, user and `push to <repository>`) when refused.
   */
  async checkPushAccess(repo: RepositoryInput): Promise<void> {
    const repository = toRepository(repo);
    const opened = await this.session.request({ method: 'POST', repository, path: 'blobs/uploads/', kind: 'upload', access: 'pull,push' });
    expectStatus(opened, [202], 'POST', repository);
    await this.session.cancelUpload(repository, opened);
  }

  /** A blob of any size as a stream, checked against its digest (and `size`, a descriptor's) as it is read. */
  async getBlobStream(repo: RepositoryInput, digest: string, size?: number): Promise<BlobDownload> {
    return openBlob(this.session, toRepository(repo), digest, size);
  }

  /**
   * Stores a small blob (a record, an artifact config) in the repository with one
   * monolithic upload; returns its digest. A blob the repository already has is not uploaded again.
   */
  async uploadBlob(repo: RepositoryInput, bytes: Uint8Array): Promise<string> {
    const repository = toRepository(repo);
    const digest = sha256Digest(bytes);
    if (await this.headBlob(repository, digest)) return digest;
    await putBlob(this.session, repository, digest, bytes);
    return digest;
  }

  /** Stores a blob of any size from a stream `body.open()` gives, once per attempt (a retry reads the source again). */
  async uploadBlobStream(repo: RepositoryInput, digest: string, body: StreamedBody): Promise<void> {
    await putBlob(this.session, toRepository(repo), digest, body);
  }

  /** Copies a blob to another registry (or repository) byte for byte, streamed: the GET's body is the PUT's. */
  async copyBlob(fromRepo: RepositoryInput, toRepo: RepositoryInput, blob: { digest: string; size: number }): Promise<void> {
    const from = toRepository(fromRepo);
    await this.uploadBlobStream(toRepo, blob.digest, {
      length: blob.size,
      open: async () => (await this.getBlobStream(from, blob.digest, blob.size)).stream,
    });
  }

  /** The digest a reference points at; for a multi-platform image, the index's digest. */
  async resolveDigest(ref: ReferenceInput): Promise<string> {
    const reference = toReference(ref);
    const info = await this.headManifest(reference);
    if (!info) throw notFound(reference);
    return info.digest;
  }

  /** The digest of one platform's image manifest (`linux/amd64` unless told); a single-platform image's own digest. */
  async resolvePlatformDigest(ref: ReferenceInput, platform: string | Platform = DEFAULT_PLATFORM): Promise<string> {
    return (await this.selectPlatform(toReference(ref), toPlatform(platform))).digest;
  }

  /**
   * The image config (labels, env, platform) of a single-platform image. For an index:
   * the wanted platform's, else linux/amd64's, else the first image's (attestations skipped).
   */
  async getConfig(ref: ReferenceInput, platform?: string | Platform): Promise<ImageConfig> {
    const reference = toReference(ref);
    const selected = await this.selectPlatform(reference, platform === undefined ? undefined : toPlatform(platform));
    const manifest = selected.manifest ?? (await this.getManifest({ ...reference, tag: undefined, digest: selected.digest }));
    const config = (manifest.json as ImageManifest).config;
    if (!config?.digest) {
      throw new RegistryError(`manifest ${formatReference(reference)} has no config`, { registry: reference.registry });
    }
    const bytes = await this.getBlob(reference, config.digest);
    return JSON.parse(new TextDecoder().decode(bytes)) as ImageConfig;
  }

  /**
   * A single-platform manifest as fetched, or the digest of the platform's entry when
   * `reference` is an index (`platform` unset: linux/amd64, else the first image).
   */
  private async selectPlatform(
    reference: ImageReference,
    platform: Platform | undefined,
  ): Promise<{ digest: string; manifest?: FetchedManifest }> {
    const manifest = await this.getManifest(reference);
    if (!isIndexMediaType(manifest.mediaType)) return { digest: manifest.digest, manifest };
    const index = manifest.json as ImageIndex;
    const chosen =
      selectPlatformManifest(index, platform ?? DEFAULT_PLATFORM) ??
      (platform === undefined ? imageManifestsOf(index)[0] : undefined);
    if (!chosen) {
      const available = imageManifestsOf(index).map((m) => (m.platform ? formatPlatform(m.platform) : '?'));
      throw new RegistryError(
        `image ${formatReference(reference)} has no ${formatPlatform(platform ?? DEFAULT_PLATFORM)} manifest` +
          ` (it has: ${available.join(', ') || 'none'})`,
        { registry: reference.registry, code: 'MANIFEST_UNKNOWN' },
      );
    }
    return { digest: chosen.digest };
  }

  private manifestRequest(method: 'HEAD' | 'GET', reference: ImageReference): Promise<HttpResponse> {
    return this.session.request({
      method,
      repository: reference,
      path: `manifests/${manifestReference(reference)}`,
      kind: 'manifest',
      access: 'pull',
      headers: { accept: MANIFEST_ACCEPT },
    });
  }
}

function toReference(ref: ReferenceInput): ImageReference {
  return typeof ref === 'string' ? parseReference(ref) : ref;
}

function toRepository(repo: RepositoryInput): RepositoryRef {
  const { registry, repository } = typeof repo === 'string' ? parseReference(repo) : repo;
  return { registry, repository };
}

function toPlatform(platform: string | Platform): Platform {
  return typeof platform === 'string' ? parsePlatform(platform) : platform;
}

/** The media type without parameters (`; charset=utf-8`). */
function contentType(response: HttpResponse): string | undefined {
  return response.headers.get('content-type')?.split(';')[0]?.trim() || undefined;
}
