/**
 * Content digests of many files, in parallel, with bounded memory: a pool of
 * worker threads (one per core), and this thread while they start, each read
 * files with one reusable 1 MiB buffer (a single read for a small file, a
 * loop of reads for a large one: memory does not grow with file size) and
 * return each file's sha256, permission bits and size.
 */
import fs from 'node:fs';
import os from 'node:os';
import crypto from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { UserError } from '../common/errors.ts';

export interface FileDigest {
  /** sha256 of the content, 64 hex digits. */
  digest: string;
  /** Permission bits (mode & 0o7777). */
  mode: number;
  size: number;
}

export interface HashOptions {
  /** Worker threads; default: the number of cores. 0 hashes in this thread. */
  workers?: number;
  /** Files per message to a worker. */
  batch?: number;
}

const READ_BUFFER = 1 << 20;
// Never follow a symlink, never block on a FIFO that replaced a file since the walk.
const OPEN_FLAGS = fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK;
/** Below this many files, starting workers costs more than it saves. */
const IN_THREAD_MAX = 400;

/**
 * Reads one file with a reusable buffer and hashes it. Self-contained (its
 * modules come as arguments) because the worker runs its source text too.
 */
function digestFile(fsModule: typeof fs, cryptoModule: typeof crypto, buf: Buffer, flags: number, file: string) {
  const fd = fsModule.openSync(file, flags);
  try {
    const st = fsModule.fstatSync(fd);
    const h = cryptoModule.createHash('sha256');
    let total = 0;
    for (;;) {
      const r = fsModule.readSync(fd, buf, 0, buf.length, null);
      if (r === 0) break;
      h.update(r === buf.length ? buf : buf.subarray(0, r));
      total += r;
      if (r < buf.length && total >= st.size) break;
    }
    return { digest: h.digest(), mode: st.mode & 0o7777, size: total };
  } finally {
    fsModule.closeSync(fd);
  }
}

// The worker: plain CommonJS (it runs from a string, so it works the same
// from the TypeScript sources and from the bundled dist/ files).
const WORKER_SOURCE = `
const digestFile = (${digestFile.toString()});
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const crypto = require('node:crypto');
const buf = Buffer.allocUnsafeSlow(${READ_BUFFER});
const flags = ${OPEN_FLAGS};
parentPort.postMessage({ ready: true });
parentPort.on('message', (msg) => {
  const paths = msg.paths;
  const n = paths.length;
  const digests = new Uint8Array(32 * n);
  const modes = new Uint32Array(n);
  const sizes = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    try {
      const file = digestFile(fs, crypto, buf, flags, paths[j]);
      digests.set(file.digest, 32 * j);
      modes[j] = file.mode;
      sizes[j] = file.size;
    } catch (error) {
      parentPort.postMessage({ id: msg.id, error: { path: paths[j], code: error.code, message: error.message } });
      return;
    }
  }
  parentPort.postMessage({ id: msg.id, digests, modes, sizes }, [digests.buffer, modes.buffer, sizes.buffer]);
});
`;

let inThreadBuffer: Buffer | undefined;

/** Hash one file in this thread. */
export function hashFileSync(file: string): FileDigest {
  inThreadBuffer ??= Buffer.allocUnsafeSlow(READ_BUFFER);
  const digest = digestFile(fs, crypto, inThreadBuffer, OPEN_FLAGS, file);
  return { digest: digest.digest.toString('hex'), mode: digest.mode, size: digest.size };
}

function readError(file: string, code: string | undefined, message: string): UserError {
  return new UserError(`cannot read ${file} in the build context: ${code ?? message}`);
}

/**
 * Digest every file in `files` (absolute paths). `label(i)` names file i in
 * errors (its context-relative path).
 *
 * Work is cut into batches handed out on demand: to worker threads once
 * they have started (two batches in flight each), and to this thread in
 * between, so that nothing waits for the workers to boot.
 */
export async function hashFiles(
  files: readonly string[],
  label: (i: number) => string = (i) => files[i]!,
  options: HashOptions = {},
): Promise<FileDigest[]> {
  const n = files.length;
  const out = new Array<FileDigest>(n);
  const hashOne = (i: number): void => {
    try {
      out[i] = hashFileSync(files[i]!);
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      throw readError(label(i), e.code, e.message);
    }
  };
  const cores = Math.max(1, os.availableParallelism());
  let workers = options.workers ?? cores;
  if (n < IN_THREAD_MAX) workers = 0;
  if (workers <= 0) {
    for (let i = 0; i < n; i++) hashOne(i);
    return out;
  }

  const batch = Math.max(1, options.batch ?? 48);
  const batches = Math.ceil(n / batch);
  workers = Math.min(workers, batches);
  let nextBatch = 0;
  let done = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const settle = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const fail = (error: Error): void => {
    failure ??= error;
    settle();
  };

  const pool: Worker[] = [];
  const send = (w: Worker): boolean => {
    if (nextBatch >= batches || failure) return false;
    const id = nextBatch++;
    const start = id * batch;
    w.postMessage({ id, paths: files.slice(start, Math.min(n, start + batch)) });
    return true;
  };
  for (let k = 0; k < workers; k++) {
    const w = new Worker(WORKER_SOURCE, { eval: true });
    pool.push(w);
    w.on('message', (msg: WorkerReply) => {
      if (failure) return;
      if (msg.ready) {
        send(w);
        send(w);
        return;
      }
      const start = msg.id! * batch;
      if (msg.error) {
        const idx = files.indexOf(msg.error.path, start);
        fail(readError(idx >= 0 ? label(idx) : msg.error.path, msg.error.code, msg.error.message));
        return;
      }
      const digests = Buffer.from(msg.digests!.buffer, msg.digests!.byteOffset, msg.digests!.byteLength);
      const count = msg.modes!.length;
      for (let j = 0; j < count; j++) {
        out[start + j] = {
          digest: digests.toString('hex', 32 * j, 32 * j + 32),
          mode: msg.modes![j]!,
          size: msg.sizes![j]!,
        };
      }
      send(w);
      if (++done === batches) settle();
    });
    w.on('error', (error) => fail(error));
    w.on('exit', (code) => {
      if (done < batches) fail(new Error(`context hash worker exited (${code}) early`));
    });
  }

  try {
    // This thread takes a batch whenever none is left waiting for a worker,
    // and lets the event loop hand out more work in between.
    while (nextBatch < batches && !failure) {
      const id = nextBatch++;
      const end = Math.min(n, (id + 1) * batch);
      for (let i = id * batch; i < end; i++) hashOne(i);
      done++;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (done < batches && !failure) await new Promise<void>((resolve) => (wake = resolve));
    if (failure) throw failure;
    return out;
  } finally {
    failure ??= new Error('finished');
    for (const w of pool) void w.terminate();
  }
}

interface WorkerReply {
  ready?: boolean;
  id?: number;
  error?: { path: string; code?: string; message: string };
  digests?: Uint8Array;
  modes?: Uint32Array;
  sizes?: Float64Array;
}
