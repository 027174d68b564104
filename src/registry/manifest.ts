// Manifest media types, the shapes we read from them, and the pure helpers around
// them: content digests and picking one platform's manifest out of an index.
import { createHash } from 'node:crypto';
import { UserError } from '../common/errors.ts';

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';

/**
 * Everything we can read, indexes first. Registries answer with the stored manifest
 * only when its type is accepted: distribution 2.x says 404 MANIFEST_UNKNOWN for an
 * OCI manifest to a client that does not accept OCI types.
 */
export const MANIFEST_ACCEPT = [OCI_INDEX, DOCKER_MANIFEST_LIST, OCI_MANIFEST, DOCKER_MANIFEST].join(', ');

export function isIndexMediaType(mediaType: string): boolean {
  return mediaType === OCI_INDEX || mediaType === DOCKER_MANIFEST_LIST;
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: Platform;
  annotations?: Record<string, string>;
}

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

/** An OCI index or Docker manifest list. */
export interface ImageIndex {
  schemaVersion: number;
  mediaType?: string;
  manifests: Descriptor[];
}

/** An OCI image manifest or Docker v2 manifest. */
export interface ImageManifest {
  schemaVersion: number;
  mediaType?: string;
  config: Descriptor;
  layers: Descriptor[];
}

/** The parts of an image config (OCI image-spec config.md) that we use. */
export interface ImageConfig {
  architecture?: string;
  os?: string;
  variant?: string;
  created?: string;
  config?: {
    Labels?: Record<string, string> | null;
    Env?: string[];
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** `sha256:<hex>` of exactly these bytes. */
export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** `linux/arm64/v8` → { os, architecture, variant }. */
export function parsePlatform(text: string): Platform {
  const [os, architecture, variant] = text.split('/');
  if (!os || !architecture || text.split('/').length > 3) {
    throw new UserError(`platform "${text}" must look like os/architecture[/variant], e.g. linux/amd64`);
  }
  return variant ? { os, architecture, variant } : { os, architecture };
}

export function formatPlatform(platform: Platform): string {
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}

/**
 * The descriptor in `index` for `platform`, or undefined. Without a wanted variant any
 * variant matches, preferring none, then v8 for arm64 and v7 for arm (what Docker picks).
 */
export function selectPlatformManifest(index: ImageIndex, platform: Platform): Descriptor | undefined {
  const candidates = index.manifests.filter(
    (m) => m.platform?.os === platform.os && m.platform.architecture === platform.architecture,
  );
  if (platform.variant !== undefined) {
    const exact = candidates.find((m) => m.platform?.variant === platform.variant);
    // arm64 images often omit the implied v8.
    return exact ?? (platform.variant === 'v8' ? candidates.find((m) => !m.platform?.variant) : undefined);
  }
  const defaultVariant = platform.architecture === 'arm64' ? 'v8' : platform.architecture === 'arm' ? 'v7' : undefined;
  return (
    candidates.find((m) => !m.platform?.variant) ??
    candidates.find((m) => m.platform?.variant === defaultVariant) ??
    candidates[0]
  );
}

/**
 * The image manifests of an index that are images, not attestations: BuildKit adds
 * provenance/SBOM manifests with platform `unknown/unknown`.
 */
export function imageManifestsOf(index: ImageIndex): Descriptor[] {
  return index.manifests.filter(
    (m) =>
      m.platform?.os !== 'unknown' &&
      m.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest',
  );
}

/** The labels of an image config; {} when it has none. */
export function labelsOf(config: ImageConfig): Record<string, string> {
  return config.config?.Labels ?? {};
}
