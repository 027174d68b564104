/**
 * The cache's small helpers: a deadline over one restore or save, a
 * per-folder lock, bounded concurrency, file moves that fall back to copies,
 * and the size of a folder.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { isDigest } from './oci-layout.ts';

export const MiB = 1024 * 1024;

// --- a deadline over one restore or save ---

export class TimedOut extends Error {}

/**
 * One restore or save under a deadline. @actions/cache puts no time limit on
 * its calls: when the deadline passes, the operation ends with TimedOut and
 * whatever still runs in the background is ignored (`check` stops it at its
 * next step).
 */
export class Session {
  private aborted = false;
  private readonly deadline: number;

  constructor(ms: number) {
    this.deadline = Date.now() + ms;
  }

  check(): void {
    if (this.aborted) throw new TimedOut('aborted');
  }

  async run<T>(promise: Promise<T>): Promise<T> {
    this.check();
    const value = await promise;
    this.check();
    return value;
  }

  async finish<T>(promise: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    promise.catch(() => {}); // a late rejection after the deadline is not unhandled
    try {
      return await Promise.race([
        promise,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            this.aborted = true;
            reject(new TimedOut('timed out'));
          }, Math.max(0, this.deadline - Date.now()));
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}

// --- small file and concurrency helpers ---

const locks = new Map<string, Promise<unknown>>();

/** Runs fn once every earlier holder of `key` (a folder path) in this process is done: the fixed folders are shared. */
export async function withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const run = (locks.get(key) ?? Promise.resolve()).then(fn, fn);
  const tail = run.catch(() => {});
  locks.set(key, tail);
  try {
    return await run;
  } finally {
    if (locks.get(key) === tail) locks.delete(key);
  }
}

export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export function hexOf(digest: string): string {
  return digest.slice('sha256:'.length);
}

export async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

export async function fileSize(file: string): Promise<number | undefined> {
  return fs.stat(file).then(
    (stat) => (stat.isFile() ? stat.size : undefined),
    () => undefined,
  );
}

export async function topLevelFiles(dir: string): Promise<string[]> {
  return (await fs.readdir(dir, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
}

export async function blobsIn(folder: string): Promise<string[]> {
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  return names.map((name) => `sha256:${name}`).filter(isDigest);
}


export async function linkOrCopy(source: string, target: string): Promise<void> {
  await fs.rm(target, { force: true });
  await fs.link(source, target).catch(() => fs.copyFile(source, target));
}

export async function moveFile(source: string, target: string): Promise<void> {
  await fs.rename(source, target).catch(async () => {
    await fs.rm(target, { force: true });
    await fs.copyFile(source, target);
    await fs.rm(source, { force: true });
  });
}

export async function clearFolder(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
}

export function formatMiB(bytes: number): string {
  return bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}

export async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])) {
    if (entry.isFile()) total += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}
