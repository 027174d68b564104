/**
 * Cache entries in a local folder: the CLI, and self-hosted runners with a
 * persistent disk (`cache-backend: local`). The Actions cache service has its
 * own store (delta-store.ts). Cache trouble never fails a build: every error
 * becomes a warning and the build goes on without cache.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { messageOf } from '../common/errors.ts';
import { folderBytes } from './delta-io.ts';
import type { CacheStore, Warn } from './types.ts';

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

async function lastUsed(entryDir: string): Promise<number> {
  const stat = await fs.stat(path.join(entryDir, LAST_USED)).catch(() => fs.stat(entryDir));
  return stat.mtimeMs;
}

async function touch(file: string): Promise<void> {
  const now = new Date();
  await fs.writeFile(file, '');
  await fs.utimes(file, now, now);
}
