/**
 * Where cache entries live. Two stores with one shape: the GitHub Actions
 * cache service through @actions/cache, and a local folder (the CLI, and
 * self-hosted runners with a persistent disk). Cache trouble never fails a
 * build: every error becomes a warning and the build goes on without cache.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { messageOf } from '../common/errors.ts';
import { beginCacheOperation, loadActionsCache } from './actions-cache.ts';
import type { GrowingBlob } from './arrivals.ts';
import type { CacheTraffic } from './delta-types.ts';

export interface CacheStore {
  readonly name: string;
  /** Fills `dir` with the best entry; the key it came from, or undefined on a miss. */
  restore(dir: string, key: string, restoreKeys: string[]): Promise<string | undefined>;
  /** Like restore, but returns once the entry's index is in `dir`, its layer blobs still arriving (stores that can). */
  restoreStaged?(dir: string, key: string, restoreKeys: string[]): Promise<StagedRestore | undefined>;
  /** Saves `dir` under `key`; false when the store did not take it. */
  save(dir: string, key: string): Promise<boolean>;
  /** Why the last save did not store the entry, when the store knows (for the summary). */
  notSavedReason?(): string | undefined;
  /** What the store moved to and from the cache service so far (stores that count it). */
  traffic?(): CacheTraffic;
}

/**
 * A restore whose layer blobs may still be arriving when the build starts: an
 * engine that reads the folder over HTTP (layout-server.ts) waits for each one.
 */
export interface StagedRestore {
  /** The key the entry came from. */
  readonly key: string;
  /** True once the layer blob is in the folder, false if it will not come; undefined when nothing is awaited for it. */
  waitFor(digest: string): Promise<boolean> | undefined;
  /** After `waitFor`: the blob while it streams in, or undefined once it has settled (or for a store that does not stream). */
  readable?(digest: string): Promise<GrowingBlob | undefined>;
  /** Settles when every blob asked for (all of them, for a store that fetches up front) is in place or lost: true when some were lost. */
  readonly settled: Promise<boolean>;
  /**
   * Before a build whose engine reads the folder over HTTP (waitFor): puts an
   * empty file of the right size where each blob not fetched yet goes, so that
   * the engine's cache export into the folder skips it instead of reading it.
   * finish removes those that never arrived. A no-op for stores that fetch everything.
   */
  standIn?(): Promise<void>;
  /**
   * After `settled`: with `prune` (no build has used the folder yet) a layout
   * missing layers becomes a partial cache; without, the trouble is only
   * reported. The key, or undefined when no usable cache is left.
   */
  finish(prune: boolean): Promise<string | undefined>;
}

export type Warn = (message: string) => void;

/**
 * How long one restore or save may take before the build goes on without it
 * (`IMAGE_BUILD_CACHE_TIMEOUT`, seconds). A cache service that hangs must not
 * hang the job: @actions/cache puts no time limit on its service calls.
 */
export function cacheTimeoutMs(env: NodeJS.ProcessEnv = process.env): { restore: number; save: number } {
  const seconds = Number(env.IMAGE_BUILD_CACHE_TIMEOUT);
  if (Number.isFinite(seconds) && seconds > 0) return { restore: seconds * 1000, save: seconds * 1000 };
  return { restore: 5 * 60_000, save: 10 * 60_000 };
}

export function actionsCacheStore(warn: Warn, timeouts = cacheTimeoutMs()): CacheStore {
  // After a restore that timed out the service is not trusted with a save either.
  let unresponsive = false;
  return {
    name: 'actions',
    async restore(dir, key, restoreKeys) {
      const actionsCache = await loadActionsCache();
      if (!actionsCache.isFeatureAvailable()) {
        warn('The Actions cache service is not available to this job (no ACTIONS_RESULTS_URL / ACTIONS_CACHE_URL); building without cache.');
        return undefined;
      }
      beginCacheOperation();
      try {
        const restored = await withTimeout(actionsCache.restoreCache([dir], key, restoreKeys), timeouts.restore);
        if (restored !== TIMED_OUT) return restored;
        unresponsive = true;
        warn(`The Actions cache service did not finish the restore within ${timeouts.restore / 1000} s; building without cache.`);
        return undefined;
      } catch (error) {
        warn(`Cache restore failed, building without cache: ${messageOf(error)}`);
        return undefined;
      }
    },
    async save(dir, key) {
      const actionsCache = await loadActionsCache();
      if (!actionsCache.isFeatureAvailable() || unresponsive) return false;
      beginCacheOperation();
      try {
        const saved = await withTimeout(actionsCache.saveCache([dir], key), timeouts.save);
        if (saved !== TIMED_OUT) return saved !== -1;
        warn(`The Actions cache service did not finish the save within ${timeouts.save / 1000} s; the cache was not saved.`);
        return false;
      } catch (error) {
        // A concurrent job saving the same key is normal: the other one won.
        warn(`Cache save skipped: ${messageOf(error)}`);
        return false;
      }
    },
  };
}

const TIMED_OUT = Symbol('timed out');

/** The promise's value, or TIMED_OUT after `ms` (the promise is left to settle on its own). */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  promise.catch(() => {}); // a late rejection after the timeout is not unhandled
  try {
    return await Promise.race([promise, new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

const LAST_USED = '.last-used';

/**
 * A folder of entries, `<root>/<key>/`, bounded by `maxBytes`: after a save the
 * least recently used entries go until the folder fits.
 */
export function localCacheStore(root: string, warn: Warn, maxBytes = 5 * 1024 ** 3): CacheStore {
  return {
    name: 'local',
    async restore(dir, key, restoreKeys) {
      try {
        const match = await findEntry(root, key, restoreKeys);
        if (!match) return undefined;
        await fs.rm(dir, { recursive: true, force: true });
        await fs.cp(path.join(root, match), dir, { recursive: true });
        await touch(path.join(root, match, LAST_USED));
        return match;
      } catch (error) {
        warn(`Cache restore from ${root} failed, building without cache: ${messageOf(error)}`);
        return undefined;
      }
    },
    async save(dir, key) {
      const target = path.join(root, key);
      const staging = `${target}.saving-${process.pid}`;
      try {
        await fs.mkdir(root, { recursive: true });
        await fs.cp(dir, staging, { recursive: true });
        await touch(path.join(staging, LAST_USED));
        await fs.rm(target, { recursive: true, force: true });
        await fs.rename(staging, target);
        await evict(root, maxBytes, key);
        return true;
      } catch (error) {
        await fs.rm(staging, { recursive: true, force: true }).catch(() => {});
        warn(`Cache save to ${root} failed: ${messageOf(error)}`);
        return false;
      }
    },
  };
}

/** The exact key, else the newest entry starting with the first restore key that has any. */
async function findEntry(root: string, key: string, restoreKeys: string[]): Promise<string | undefined> {
  const names = (await fs.readdir(root).catch(() => [] as string[])).filter((name) => !name.includes('.saving-'));
  if (names.includes(key)) return key;
  for (const prefix of restoreKeys) {
    const candidates = names.filter((name) => name.startsWith(prefix));
    if (candidates.length === 0) continue;
    const dated = await Promise.all(candidates.map(async (name) => ({ name, used: await lastUsed(path.join(root, name)) })));
    return dated.sort((a, b) => b.used - a.used)[0]!.name;
  }
  return undefined;
}

async function evict(root: string, maxBytes: number, keep: string): Promise<void> {
  const names = (await fs.readdir(root)).filter((name) => !name.includes('.saving-'));
  const entries = await Promise.all(
    names.map(async (name) => ({ name, used: await lastUsed(path.join(root, name)), bytes: await folderBytes(path.join(root, name)) })),
  );
  let total = entries.reduce((sum, entry) => sum + entry.bytes, 0);
  for (const entry of entries.sort((a, b) => a.used - b.used)) {
    if (total <= maxBytes) break;
    if (entry.name === keep) continue;
    await fs.rm(path.join(root, entry.name), { recursive: true, force: true });
    total -= entry.bytes;
  }
}

export async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])) {
    if (entry.isFile()) total += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

async function lastUsed(entryDir: string): Promise<number> {
  const stat = await fs.stat(path.join(entryDir, LAST_USED)).catch(() => fs.stat(entryDir));
  return stat.mtimeMs;
}

async function touch(file: string): Promise<void> {
  const now = new Date();
  await fs.writeFile(file, '');
  await fs.utimes(file, now, now);
}
