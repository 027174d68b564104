/**
 * How the delta store groups layer blobs into packs (content-derived keys, so
 * two jobs with the same new blobs make the same packs), and the packs file
 * that an index entry keeps.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { messageOf } from '../errors.ts';

export const PACKS_FILE = 'packs.json';

/** What the index entry says about the layer blobs. */
export interface PacksFile {
  version: 1;
  /** The packs the index needs, each with every blob it holds (needed or not) and its size. */
  packs: Record<string, PackInfo>;
  /** Every layer blob the index needs → the pack that holds it. */
  blobs: Record<string, string>;
}

export interface PackInfo {
  bytes: number;
  blobs: Record<string, number>;
}

export interface PlannedPack {
  key: string;
  blobs: { digest: string; size: number }[];
  bytes: number;
}

/**
 * Groups new blobs into packs, in digest order so that two jobs with the same
 * new blobs make the same packs: blobs of half the target or more alone, the
 * rest filled up to the target. Keys in `avoid` (packs found corrupt) are not
 * used again.
 */
export function planPacks(blobs: { digest: string; size: number }[], targetBytes: number, keyPrefix: string, avoid: ReadonlySet<string> = new Set()): PlannedPack[] {
  const groups: { digest: string; size: number }[][] = [];
  let current: { digest: string; size: number }[] = [];
  let currentBytes = 0;
  for (const blob of [...blobs].sort((a, b) => (a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0))) {
    if (blob.size * 2 >= targetBytes) {
      groups.push([blob]);
      continue;
    }
    if (current.length > 0 && currentBytes + blob.size > targetBytes) {
      groups.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(blob);
    currentBytes += blob.size;
  }
  if (current.length > 0) groups.push(current);
  return groups.map((group) => {
    const digests = group.map((blob) => blob.digest);
    // A pack found corrupt keeps its key in the service: its blobs go under another one.
    let key = packKey(keyPrefix, digests);
    while (avoid.has(key)) key = packKey(keyPrefix, [...digests, `replaces ${key}`]);
    return { key, blobs: group, bytes: group.reduce((sum, blob) => sum + blob.size, 0) };
  });
}

export function packKey(keyPrefix: string, digests: string[]): string {
  const hash = createHash('sha256').update([...digests].sort().join('\n')).digest('hex');
  return `${keyPrefix}-blobs-${hash.slice(0, 32)}`;
}

export async function readPacksFile(file: string): Promise<PacksFile> {
  let packs: PacksFile;
  try {
    packs = JSON.parse(await fs.readFile(file, 'utf8')) as PacksFile;
  } catch (error) {
    throw new Error(`the cache entry has no readable ${PACKS_FILE} (${messageOf(error)})`);
  }
  if (packs?.version !== 1 || typeof packs.packs !== 'object' || typeof packs.blobs !== 'object') {
    throw new Error(`the cache entry's ${PACKS_FILE} is not version 1`);
  }
  return packs;
}
