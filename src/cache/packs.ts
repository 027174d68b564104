/**
 * How the delta store groups layer blobs into packs (content-derived keys, so
 * two jobs with the same new blobs make the same packs), and the packs file
 * that an index entry keeps.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { messageOf } from '../common/errors.ts';

export const PACKS_FILE = 'packs.json';

/** What the index entry says about the layer blobs. */
export interface PacksFile {
  version: 2;
  /** The packs the index needs, each with every blob it holds (needed or not) and its size. */
  packs: Record<string, PackInfo>;
  /** Every layer blob the index needs that lives in a pack → that pack. */
  blobs: Record<string, string>;
  /** Small layer blobs that travel inside the index entry itself → their size. */
  inline: Record<string, number>;
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
 * The new blobs that travel inside the index entry instead of a pack of their
 * own: each at most `maxBytes`, smallest first, up to `budgetBytes` in all. A
 * one-file change then saves one entry, not two; the price is that they are
 * uploaded again with every index that still needs them, which the budget bounds.
 */
export function pickInline(blobs: { digest: string; size: number }[], maxBytes: number, budgetBytes: number): Set<string> {
  const picked = new Set<string>();
  let total = 0;
  const order = [...blobs].sort((a, b) => a.size - b.size || (a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0));
  for (const blob of order) {
    if (blob.size > maxBytes || total + blob.size > budgetBytes) break;
    picked.add(blob.digest);
    total += blob.size;
  }
  return picked;
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
  if (![1, 2].includes(packs?.version) || typeof packs.packs !== 'object' || typeof packs.blobs !== 'object') {
    throw new Error(`the cache entry's ${PACKS_FILE} is not version 1 or 2`);
  }
  // Version 1 entries (no inline blobs) read as version 2 with none.
  return { ...packs, version: 2, inline: typeof packs.inline === 'object' && packs.inline !== null ? packs.inline : {} };
}

/** Where each layer sits in BuildKit's cache chains (oci-layout.ts, layerChains). */
export interface ChainOrder {
  /** Every layer, parents before children. */
  order: string[];
  /** Layers with no parent: the base images' first layers, which every stage stands on. */
  roots: Set<string>;
  /** The layers of the chains that end in a result nothing else builds on (the image), without the roots. */
  sink: Set<string>;
}

/** The order of an export without a readable cache config: no roots, no image chain. */
export const NO_CHAINS: ChainOrder = { order: [], roots: new Set(), sink: new Set() };

/**
 * Groups new blobs into packs by what a build reads together, as the store
 * fetches packs on demand: the roots in packs of their own (the same base from
 * one build to the next: saved once, reused), then the large layers of the
 * image's own chains, then every other layer, each group in chain order and
 * filled up to the target. Blobs under `smallBytes` go with the last group, so
 * that fetching a chain's large layers does not drag along the small ones a
 * change makes anew. Keys in `avoid` are not used again.
 */
export function planChainPacks(
  blobs: { digest: string; size: number }[],
  chains: ChainOrder,
  targetBytes: number,
  keyPrefix: string,
  avoid: ReadonlySet<string> = new Set(),
  smallBytes = 1024 * 1024,
): PlannedPack[] {
  const position = new Map(chains.order.map((digest, index) => [digest, index]));
  const sorted = [...blobs].sort((a, b) => (position.get(a.digest) ?? Infinity) - (position.get(b.digest) ?? Infinity) || (a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0));
  const groups: { digest: string; size: number }[][] = [[], [], []];
  for (const blob of sorted) {
    if (chains.roots.has(blob.digest) && blob.size >= smallBytes) groups[0]!.push(blob);
    else if (chains.sink.has(blob.digest) && blob.size >= smallBytes) groups[1]!.push(blob);
    else groups[2]!.push(blob);
  }
  const packs: { digest: string; size: number }[][] = [];
  for (const group of groups) {
    let current: { digest: string; size: number }[] = [];
    let currentBytes = 0;
    for (const blob of group) {
      if (current.length > 0 && currentBytes + blob.size > targetBytes) {
        packs.push(current);
        current = [];
        currentBytes = 0;
      }
      current.push(blob);
      currentBytes += blob.size;
    }
    if (current.length > 0) packs.push(current);
  }
  return packs.map((group) => keyed(group, keyPrefix, avoid));
}

function keyed(group: { digest: string; size: number }[], keyPrefix: string, avoid: ReadonlySet<string>): PlannedPack {
  const digests = group.map((blob) => blob.digest);
  // A pack found corrupt keeps its key in the service: its blobs go under another one.
  let key = packKey(keyPrefix, digests);
  while (avoid.has(key)) key = packKey(keyPrefix, [...digests, `replaces ${key}`]);
  return { key, blobs: group, bytes: group.reduce((sum, blob) => sum + blob.size, 0) };
}
