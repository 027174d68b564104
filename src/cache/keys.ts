/**
 * The cache key scheme. The key names exactly one build input
 * state; the restore keys widen step by step, so a changed source file still
 * finds the cache of the same Dockerfile, and a changed Dockerfile still finds
 * the cache of the same image.
 */
import { createHash } from 'node:crypto';

export type CacheHit = 'exact' | 'partial' | 'miss' | 'disabled';

export interface CacheKeyParts {
  prefix: string;
  os: string;
  arch: string;
  /** Separates the caches of several images built from one repository. */
  scope: string;
  dockerfileHash: string;
  contextHash: string;
  /**
   * The requested platforms: an entry holds the layers of exactly these, so a
   * one-platform matrix job neither overwrites nor takes the multi-platform
   * build's entry. None requested leaves the key as it always was.
   */
  platforms?: string[];
}

export interface CacheKeys {
  key: string;
  restoreKeys: string[];
}

export function cacheKeys(parts: CacheKeyParts): CacheKeys {
  const scope = `${parts.prefix}-${parts.os}-${parts.arch}-${parts.scope}-`;
  const base = `${scope}${platformPart(parts.platforms ?? [])}`;
  const withDockerfile = `${base}${short(parts.dockerfileHash)}-`;
  return {
    key: `${withDockerfile}${short(parts.contextHash)}`,
    // Last, any platform set's entry of the scope: it holds this build's layers for the platforms they share.
    restoreKeys: base === scope ? [withDockerfile, base] : [withDockerfile, base, scope],
  };
}

/** `linux/amd64,linux/arm64` → `linux_amd64+linux_arm64-` (order does not count); a long set by hash. */
function platformPart(platforms: string[]): string {
  if (platforms.length === 0) return '';
  const text = [...new Set(platforms)].sort().map((platform) => platform.replace(/\//g, '_')).join('+');
  return `${text.length <= 60 ? text : `platforms_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`}-`;
}

/**
 * The scope part of the key: the first image's repository path, or, with no
 * image, the Dockerfile's path in the repository, made safe for a key.
 */
export function cacheScope(firstImage: string | undefined, dockerfilePath: string): string {
  const source = firstImage ? repositoryPath(firstImage) : dockerfilePath;
  const safe = source.toLowerCase().replace(/[^a-z0-9._]+/g, '_').replace(/^_+|_+$/g, '');
  return safe.slice(-60) || 'image';
}

export function hitKind(matchedKey: string | undefined, key: string): CacheHit {
  if (matchedKey === undefined) return 'miss';
  return isSameEntry(matchedKey, key) ? 'exact' : 'partial';
}

/**
 * A key saved again under a suffix: when the service holds the key's own
 * entry reserved and never finished (a save that was cancelled), or listed but
 * not served (its blob gone), it refuses a new reservation of that key, so the
 * build's entry goes under `<key>-next-<time>` instead. The restore looks for
 * these right after the exact key, and a match counts as exact.
 */
const NEXT = '-next-';

export function nextKeyPrefix(key: string): string {
  return `${key}${NEXT}`;
}

export function nextKey(key: string, now = Date.now()): string {
  return `${nextKeyPrefix(key)}${now.toString(36)}`;
}

/** The entry is the one for `key`: the key itself, or saved again under a suffix. */
export function isSameEntry(matchedKey: string | undefined, key: string): boolean {
  return matchedKey !== undefined && (matchedKey === key || matchedKey.startsWith(nextKeyPrefix(key)));
}

/** `ghcr.io/org/app:tag` → `org/app`: the registry host and tag do not separate caches. */
function repositoryPath(image: string): string {
  const withoutTag = image.replace(/@.*$/, '').replace(/:[^/:]*$/, '');
  const parts = withoutTag.split('/');
  const hasHost = parts.length > 1 && /[.:]|^localhost$/.test(parts[0]!);
  return (hasHost ? parts.slice(1) : parts).join('/');
}

function short(hash: string): string {
  return hash.replace(/^sha256:/, '').slice(0, 16);
}
