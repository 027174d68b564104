/**
 * The restore half of the delta store (delta-store.ts): the index entry first,
 * then the packs its layers live in, in parallel. The packs may finish while
 * the build already runs (a staged restore): BlobArrivals tells whoever serves
 * the folder when each layer blob is in place, or that it will not come.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { messageOf } from '../errors.ts';
import type { ActionsCacheModule } from './actions-cache.ts';
import { blobPath, pruneLayout, readLayout, sha256OfFile } from './oci-layout.ts';
import { blobsIn, clearFolder, exists, formatMiB, hexOf, mapLimit, moveFile, plural, Session, topLevelFiles, withLock } from './delta-io.ts';
import { PACKS_FILE, readPacksFile, type PackInfo } from './packs.ts';
import { folderBytes, type Warn } from './store.ts';
import type { CacheTraffic } from './delta-store.ts';

/** What the restore shares with the store around it. */
export interface RestoreContext {
  cache: ActionsCacheModule;
  traffic: CacheTraffic;
  /** Filled with the packs found whole and verified: the cache service holds them. */
  knownPacks: Map<string, PackInfo>;
  /** Filled with the packs found holding a blob that does not match its digest. */
  corruptPacks: Set<string>;
  indexDir: string;
  packDir(key: string): string;
  concurrency: number;
  warn: Warn;
  info: (message: string) => void;
}

/** How the packs of one index went. */
export interface PacksOutcome {
  /** Layer blobs the index names. */
  layers: number;
  packs: number;
  packsRestored: number;
  /** What went wrong, for the warning; empty when every blob arrived whole. */
  problems: string[];
}

/** Waits for layer blobs that are still on their way into the folder. */
export class BlobArrivals {
  private readonly waits = new Map<string, { promise: Promise<boolean>; resolve: (arrived: boolean) => void }>();

  expect(digests: Iterable<string>): void {
    for (const digest of digests) {
      if (this.waits.has(digest)) continue;
      let resolve!: (arrived: boolean) => void;
      const promise = new Promise<boolean>((done) => (resolve = done));
      this.waits.set(digest, { promise, resolve });
    }
  }

  arrived(digest: string, ok: boolean): void {
    this.waits.get(digest)?.resolve(ok);
  }

  /** Resolves true once the blob is in place, false if it will not come; undefined for a blob nobody waits for. */
  wait(digest: string): Promise<boolean> | undefined {
    return this.waits.get(digest)?.promise;
  }

  /** Everything not arrived by now will not. */
  close(): void {
    for (const { resolve } of this.waits.values()) resolve(false);
  }
}

/**
 * Restores the best index entry into `dir`, then starts on the packs: the
 * returned `packs` settles (never rejects, apart from `session` ending) once
 * every layer blob is in place or known lost. Undefined on a miss.
 */
export async function restoreIndex(
  context: RestoreContext,
  session: Session,
  dir: string,
  key: string,
  restoreKeys: string[],
  arrivals = new BlobArrivals(),
): Promise<{ matched: string; packs: Promise<PacksOutcome> } | undefined> {
  const { cache, traffic, indexDir } = context;
  // 1. The index entry: index.json, the record, metadata blobs, small layer blobs, packs.json.
  const entry = await withLock(indexDir, async () => {
    try {
      await fs.rm(indexDir, { recursive: true, force: true });
      const matched = await session.run(cache.restoreCache([indexDir], key, restoreKeys));
      traffic.requestsDown += matched ? 2 : 1;
      if (!matched) return undefined;
      traffic.bytesDown += await folderBytes(indexDir);
      const packs = await readPacksFile(path.join(indexDir, PACKS_FILE));
      await fs.mkdir(path.join(dir, 'blobs', 'sha256'), { recursive: true });
      for (const file of await topLevelFiles(indexDir)) {
        if (file !== PACKS_FILE) await fs.copyFile(path.join(indexDir, file), path.join(dir, file));
      }
      const corruptInline: string[] = [];
      for (const digest of await blobsIn(path.join(indexDir, 'blobs', 'sha256'))) {
        const source = blobPath(indexDir, digest);
        if ((await sha256OfFile(source)) !== digest) {
          // A bad layer costs the steps from it on (a partial cache); bad metadata costs the entry.
          if (packs.inline[digest] !== undefined) {
            corruptInline.push(digest);
            continue;
          }
          throw new Error(`the cache index ${matched} holds a blob that does not match its digest ${digest}`);
        }
        await fs.copyFile(source, blobPath(dir, digest));
        traffic.blobsDownloaded += 1;
      }
      return { matched, packs, corruptInline };
    } finally {
      await fs.rm(indexDir, { recursive: true, force: true });
    }
  });
  if (!entry) return undefined;
  session.check();
  const { matched, packs, corruptInline } = entry;

  // 2. The packs of every layer the index needs (none for the layers inside the index).
  const layout = await readLayout(dir);
  const needed = new Map<string, string[]>(); // pack key → needed digests
  const unassigned: string[] = [];
  for (const digest of layout.layers.keys()) {
    if (packs.inline[digest] !== undefined) continue;
    const pack = packs.blobs[digest];
    if (pack && packs.packs[pack]) needed.set(pack, [...(needed.get(pack) ?? []), digest]);
    else unassigned.push(digest);
  }
  arrivals.expect([...needed.values()].flat());
  for (const digest of [...unassigned, ...corruptInline]) {
    arrivals.expect([digest]);
    arrivals.arrived(digest, false);
  }

  const restorePacks = async (): Promise<PacksOutcome> => {
    const results = await mapLimit([...needed.keys()], context.concurrency, (pack) =>
      restorePack(context, session, dir, pack, packs.packs[pack]!, new Set(needed.get(pack)), arrivals).catch((error: unknown) => ({
        missing: true,
        corrupt: [] as string[],
        error: messageOf(error),
      })),
    );
    const missingPacks = results.filter((result) => result.missing).length;
    const corrupt = [...corruptInline, ...results.flatMap((result) => result.corrupt)];
    const errors = [...new Set(results.flatMap((result) => ('error' in result ? [result.error] : [])))];
    const problems: string[] = [];
    if (unassigned.length > 0) problems.push(`${unassigned.length} not in any pack`);
    if (missingPacks > 0) {
      problems.push(`${missingPacks} of ${needed.size} packs could not be restored (${errors.length > 0 ? errors.slice(0, 2).join('; ') : 'evicted, or the service failed'})`);
    }
    if (corrupt.length > 0) problems.push(`${corrupt.length} did not match their digest (${corrupt.slice(0, 3).join(', ')}${corrupt.length > 3 ? ', …' : ''})`);
    return { layers: layout.layers.size, packs: needed.size, packsRestored: needed.size - missingPacks, problems };
  };
  const outcome = restorePacks();
  void outcome.finally(() => arrivals.close()).catch(() => {});
  return { matched, packs: outcome };
}

/**
 * Once the packs are settled: with `prune`, a layout that misses layers becomes
 * a partial cache (those layers and everything stacked on them dropped, the
 * warning says so); undefined when nothing usable is left. Without `prune` (the
 * build is over and did not need what was missing) it only warns.
 */
export async function settleRestore(context: RestoreContext, dir: string, matched: string, outcome: PacksOutcome, prune: boolean): Promise<string | undefined> {
  const { warn, traffic } = context;
  if (!prune) {
    if (outcome.problems.length > 0) warn(`The layer cache ${matched} had trouble that did not affect this build: ${outcome.problems.join('; ')}.`);
    return matched;
  }
  const layout = await readLayout(dir);
  const present = new Set<string>();
  for (const digest of layout.layers.keys()) if (await exists(blobPath(dir, digest))) present.add(digest);
  const missing = layout.layers.size - present.size;
  if (missing > 0) {
    const pruned = await pruneLayout(dir, (digest) => present.has(digest));
    const kept = pruned.keptLayers > 0;
    warn(
      `The layer cache ${matched} is incomplete: ${missing} of ${layout.layers.size} layer blobs are missing (${outcome.problems.join('; ')}). ` +
        (kept
          ? `Restored a partial cache: ${plural(pruned.keptLayers, 'layer')} kept, ${pruned.droppedLayers} dropped; the steps from the first missing layer on run again.`
          : 'Building without cache.'),
    );
    if (!kept) {
      await clearFolder(dir);
      return undefined;
    }
  } else if (outcome.problems.length > 0) {
    warn(`The layer cache ${matched} had trouble that did not affect this build: ${outcome.problems.join('; ')}.`);
  }
  context.info(
    `Restored the layer cache ${matched}: ${plural(present.size, 'layer blob')} from ${plural(outcome.packsRestored, 'pack')} ` +
      `(${formatMiB(traffic.bytesDown)}, ${plural(traffic.requestsDown, 'cache request')}).`,
  );
  return matched;
}

/** Restores one pack, moves its needed blobs into `dir`; the pack becomes known when whole and verified. */
async function restorePack(
  context: RestoreContext,
  session: Session,
  dir: string,
  key: string,
  pack: PackInfo,
  needed: Set<string>,
  arrivals: BlobArrivals,
): Promise<{ missing: boolean; corrupt: string[] }> {
  const { cache, traffic } = context;
  const folder = context.packDir(key);
  return withLock(folder, async () => {
    try {
      await fs.rm(folder, { recursive: true, force: true });
      const matched = await session.run(cache.restoreCache([folder], key, []));
      traffic.requestsDown += matched ? 2 : 1;
      if (matched !== key) return { missing: true, corrupt: [] };
      traffic.bytesDown += await folderBytes(folder);
      session.check();
      const corrupt: string[] = [];
      let whole = true;
      for (const digest of Object.keys(pack.blobs)) {
        const file = path.join(folder, hexOf(digest));
        const actual = (await exists(file)) ? await sha256OfFile(file) : undefined;
        if (actual !== digest) {
          whole = false;
          if (actual !== undefined) corrupt.push(digest);
          arrivals.arrived(digest, false);
          continue;
        }
        if (!needed.has(digest)) continue;
        await moveFile(file, blobPath(dir, digest));
        traffic.blobsDownloaded += 1;
        arrivals.arrived(digest, true);
      }
      if (whole) context.knownPacks.set(key, pack);
      if (corrupt.length > 0) context.corruptPacks.add(key);
      return { missing: false, corrupt };
    } finally {
      for (const digest of needed) arrivals.arrived(digest, false); // no-op for those that arrived
      await fs.rm(folder, { recursive: true, force: true });
    }
  });
}
