/**
 * The restore half of the delta store (delta-store.ts): the index entry first,
 * then the packs its layers live in, in parallel. The packs may finish while
 * the build already runs (a staged restore): BlobArrivals (arrivals.ts) tells
 * whoever serves the folder when each layer blob is in place, how far one that
 * streams in has come, or that it will not come.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { messageOf } from '../common/errors.ts';
import { BlobArrivals } from './arrivals.ts';
import { CacheServiceError, retryDeadline, type ActionsCacheModule } from './actions-cache.ts';
import { blobPath, layerChains, pruneLayout, readLayout, sha256OfFile } from './oci-layout.ts';
import { plural } from '../common/units.ts';
import { blobsIn, clearFolder, exists, folderBytes, formatMiB, hexOf, moveFile, Session, topLevelFiles, withLock } from './delta-io.ts';
import { PACKS_FILE, readPacksFile, type PackInfo } from './packs.ts';
import { cacheVersion, compressionMethod, downloadUrl, readArchive, StreamFailed, streamingService } from './pack-stream.ts';
import type { CacheTraffic, Warn } from './types.ts';

/** What the restore shares with the store around it. */
export interface RestoreContext {
  cache: ActionsCacheModule;
  traffic: CacheTraffic;
  /** Filled with the packs found whole and verified: the cache service holds them. */
  knownPacks: Map<string, PackInfo>;
  /** Filled with the packs not to be trusted again: holding a blob that does not match its digest, or listed but not served. */
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

/** A restored index entry whose packs arrive on demand. */
export interface IndexRestore {
  matched: string;
  /** Starts the pack that holds `digest`; false when it had started already, or no pack holds it. */
  want(digest: string): boolean;
  /** Starts every pack that has not started. */
  wantAll(): void;
  /** Settles (never rejects, apart from the session ending) once every started pack is settled. */
  settle(): Promise<PacksOutcome>;
  /** The packs no one asked for, and their needed blobs with their sizes. */
  untouched(): { packs: Map<string, PackInfo>; blobs: Map<string, number> };
}

/**
 * Restores the best index entry into `dir`, then the packs: those of the
 * image's own chain at once, each other the first time one of its blobs is
 * wanted (or all of them, `wantAll`), so that a build downloads little more
 * than the blobs BuildKit reads. Undefined on a miss.
 */
export async function restoreIndex(
  context: RestoreContext,
  session: Session,
  dir: string,
  key: string,
  restoreKeys: string[],
  arrivals = new BlobArrivals(),
): Promise<IndexRestore | undefined> {
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
  const packOf = new Map<string, string>(); // needed digest → its pack
  const unassigned: string[] = [];
  for (const digest of layout.layers.keys()) {
    if (packs.inline[digest] !== undefined) continue;
    const pack = packs.blobs[digest];
    if (pack && packs.packs[pack]) {
      needed.set(pack, [...(needed.get(pack) ?? []), digest]);
      packOf.set(digest, pack);
    } else unassigned.push(digest);
  }
  arrivals.expect([...needed.values()].flat());
  for (const digest of [...unassigned, ...corruptInline]) {
    arrivals.expect([digest]);
    arrivals.arrived(digest, false);
  }

  // Each pack starts once: with the index (the image's chain), or the first time a blob of it is asked for.
  type PackResult = PackFound & { error?: string };
  const started = new Map<string, Promise<PackResult>>();
  let running = 0;
  const queue: (() => void)[] = [];
  const slot = async <T>(fn: () => Promise<T>): Promise<T> => {
    if (running >= context.concurrency) await new Promise<void>((resolve) => queue.push(resolve));
    running += 1;
    try {
      return await fn();
    } finally {
      running -= 1;
      queue.shift()?.();
    }
  };
  const start = (pack: string): Promise<PackResult> => {
    let result = started.get(pack);
    if (!result) {
      result = slot(() => restorePack({ context, session, dir, key: pack, pack: packs.packs[pack]!, needed: new Set(needed.get(pack)), arrivals })).catch((error: unknown) => ({
        missing: true,
        corrupt: [] as string[],
        error: messageOf(error),
      }));
      started.set(pack, result);
    }
    return result;
  };
  const startAll = () => {
    for (const pack of needed.keys()) void start(pack);
  };
  // The image's own chain (and the base under it) is what a build on top of the image reads
  // whatever changed above it: those packs start now, the others when the engine asks.
  // A pack counts when it holds nothing else (packs.ts, planChainPacks, makes such packs).
  const chains = await layerChains(dir);
  const imageChain = new Set([...(chains?.roots ?? []), ...(chains?.sink ?? [])]);
  for (const pack of needed.keys()) if (Object.keys(packs.packs[pack]!.blobs).every((digest) => imageChain.has(digest))) void start(pack);

  const settle = async (): Promise<PacksOutcome> => {
    // Packs asked for while earlier ones settle are waited for too.
    let count = -1;
    while (count !== started.size) {
      count = started.size;
      await Promise.all(started.values());
    }
    const results = await Promise.all(started.values());
    const missingPacks = results.filter((result) => result.missing).length;
    const corrupt = [...corruptInline, ...results.flatMap((result) => result.corrupt)];
    const errors = [...new Set(results.flatMap((result) => (result.error ? [result.error] : [])))];
    const problems: string[] = [];
    if (unassigned.length > 0) problems.push(`${unassigned.length} not in any pack`);
    if (missingPacks > 0) {
      problems.push(`${missingPacks} of ${needed.size} packs could not be restored (${errors.length > 0 ? errors.slice(0, 2).join('; ') : 'evicted, or the service failed'})`);
    }
    if (corrupt.length > 0) problems.push(`${corrupt.length} did not match their digest (${corrupt.slice(0, 3).join(', ')}${corrupt.length > 3 ? ', …' : ''})`);
    const fetched = needed.size - [...needed.keys()].filter((pack) => !started.has(pack)).length;
    return { layers: layout.layers.size, packs: needed.size, packsRestored: fetched - missingPacks, problems };
  };
  return {
    matched,
    want(digest) {
      const pack = packOf.get(digest);
      if (!pack || started.has(pack)) return false;
      void start(pack);
      return true;
    },
    wantAll: startAll,
    settle,
    untouched() {
      const untouchedPacks = [...needed.keys()].filter((pack) => !started.has(pack));
      const blobs = new Map(untouchedPacks.flatMap((pack) => needed.get(pack)!.map((digest) => [digest, packs.packs[pack]!.blobs[digest] ?? 0] as const)));
      return { packs: new Map(untouchedPacks.map((pack) => [pack, packs.packs[pack]!])), blobs };
    },
  };
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

/** One pack to restore: where from, which of its blobs the index needs, and where they go. */
interface PackJob {
  context: RestoreContext;
  session: Session;
  dir: string;
  key: string;
  pack: PackInfo;
  needed: Set<string>;
  arrivals: BlobArrivals;
  /** Set once the service has named a download URL for the pack. */
  listed?: boolean;
}

/** A pack missing from the service, or which of its blobs did not match their digest. */
type PackFound = { missing: boolean; corrupt: string[] };

/** Restores one pack, moves its needed blobs into `dir`; the pack becomes known when whole and verified. */
async function restorePack(job: PackJob): Promise<PackFound> {
  const { context, session, dir, key, pack, needed, arrivals } = job;
  const { cache, traffic } = context;
  const folder = context.packDir(key);
  return withLock(folder, async () => {
    try {
      await fs.rm(folder, { recursive: true, force: true });
      const streamed = await streamPack(job);
      if (streamed) return streamed;
      await fs.rm(folder, { recursive: true, force: true });
      const matched = await session.run(cache.restoreCache([folder], key, [])).catch((error: unknown) => {
        // Listed but not served (its blob gone, or a download that failed): the next save puts its blobs under a fresh key.
        if (job.listed || (error instanceof CacheServiceError && !error.unavailable)) context.corruptPacks.add(key);
        throw error;
      });
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

/**
 * The pack streamed from the service (pack-stream.ts), each needed blob moved
 * into `dir` as soon as its last byte is in and its digest matches. Undefined
 * when streaming is not possible here or failed on the way: `@actions/cache`
 * then restores the pack (blobs in place already stay in place).
 */
async function streamPack(job: PackJob): Promise<PackFound | undefined> {
  const { context, session, dir, key, pack, needed, arrivals } = job;
  const service = streamingService();
  if (!service) return undefined;
  const { traffic } = context;
  const folder = context.packDir(key);
  const method = await compressionMethod();
  const url = await downloadUrl(service, key, cacheVersion([folder], method)).catch(() => null);
  traffic.requestsDown += 1;
  if (url === null) return undefined;
  if (url === undefined) return { missing: true, corrupt: [] };
  job.listed = true;
  traffic.requestsDown += 1;
  await fs.mkdir(folder, { recursive: true });
  const verified = new Map<string, boolean>();
  // The blob being written: closed, and its readers told, if the stream breaks off.
  let writing: { handle: fs.FileHandle; interrupted(): void } | undefined;
  try {
    await readArchive(url, method, async (file) => {
      const digest = `sha256:${path.basename(file.path)}`;
      if (pack.blobs[digest] === undefined || verified.has(digest)) return undefined;
      const hash = createHash('sha256');
      const part = path.join(folder, hexOf(digest));
      const handle = needed.has(digest) ? await fs.open(part, 'w') : undefined;
      const growth = handle ? arrivals.growing(digest, part, pack.blobs[digest]!) : undefined;
      writing = handle && { handle, interrupted: () => growth!.interrupted() };
      return {
        async write(chunk: Buffer) {
          session.check();
          hash.update(chunk);
          traffic.bytesDown += chunk.length;
          if (!handle) return;
          await handle.write(chunk);
          growth!.wrote(chunk.length);
        },
        async end() {
          writing = undefined;
          await handle?.close();
          const matches = `sha256:${hash.digest('hex')}` === digest;
          verified.set(digest, matches);
          if (!handle) return;
          if (!matches) return arrivals.arrived(digest, false);
          await moveFile(part, blobPath(dir, digest));
          traffic.blobsDownloaded += 1;
          arrivals.arrived(digest, true);
        },
      };
    }, retryDeadline());
  } catch (error) {
    if (error instanceof StreamFailed) return undefined;
    throw error;
  } finally {
    if (writing) {
      writing.interrupted();
      await writing.handle.close().catch(() => {});
    }
  }
  session.check();
  const corrupt = [...verified].filter(([, matches]) => !matches).map(([digest]) => digest);
  const whole = Object.keys(pack.blobs).every((digest) => verified.get(digest) === true);
  if (whole) context.knownPacks.set(key, pack);
  if (corrupt.length > 0) context.corruptPacks.add(key);
  return { missing: false, corrupt };
}
