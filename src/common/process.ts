/**
 * The one place that starts a process: the Docker CLI, credential helpers, git, zstd and
 * the post step's builder removal. An argv array, no shell, never blocking the event loop.
 * Secrets never go in argv: a caller that has one passes it as `input` (stdin). Node's
 * spawn is used rather than @actions/exec because a cancelled step must stop its children
 * (cancel.ts), and only spawn hands back the child process. `runProcess` collects the
 * output; `streamProcess` hands out stdin and stdout as streams (zstd), with the same stops.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { stopChild } from './cancel.ts';

export interface ProcessRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Stopped because `timeoutMs` passed. */
  timedOut: boolean;
  /** Stopped because the signal (the step's cancel) aborted. */
  cancelled: boolean;
}

/** How a process starts and when it is stopped, for both forms. */
export interface StartOptions {
  env: NodeJS.ProcessEnv;
  /** The working directory (this process's when not given). */
  cwd?: string;
  /** Aborting it stops the process (cancel.ts); defaults to the one given to stopChildrenOn. */
  signal?: AbortSignal;
  /** Stops the process after this long (beside the signal); it then ends with a non-zero code and `timedOut`. */
  timeoutMs?: number;
}

export interface ProcessOptions extends StartOptions {
  input?: string;
  /** Called with each complete stderr line as it arrives (BuildKit progress goes to stderr). */
  onStderrLine?: (line: string) => void;
  onStdoutLine?: (line: string) => void;
}

/** A command that is not on the PATH it would run with. */
export class CommandNotFoundError extends Error {
  readonly code = 'ENOENT';
  constructor(readonly command: string) {
    super(`${command} was not found on PATH`);
    this.name = 'CommandNotFoundError';
  }
}

let defaultSignal: AbortSignal | undefined;

/** Every process started from now on stops when `signal` aborts (the action's cancellation). */
export function stopChildrenOn(signal: AbortSignal | undefined): void {
  defaultSignal = signal;
}

/**
 * Runs `name` (looked up on the PATH of `options.env`) to its end. A stop (timeout or
 * signal) asks it to end with SIGINT and kills it with its descendants after a grace
 * period (cancel.ts); the promise settles once it has exited.
 */
export function runProcess(name: string, args: string[], options: ProcessOptions): Promise<ProcessRun> {
  let started: Started;
  try {
    started = start(name, args, options);
  } catch (error) {
    return Promise.reject(error);
  }
  const { child, ended } = started;
  const stdout = lines(options.onStdoutLine);
  const stderr = lines(options.onStderrLine);
  child.stdout.on('data', stdout.push);
  child.stderr.on('data', stderr.push);
  child.stdin.end(options.input);
  return ended.then((end) => ({ ...end, stdout: stdout.end(), stderr: stderr.end() }));
}

/** A process whose input and output are streams; `exited` settles once it has exited. */
export interface StreamingProcess {
  stdin: Writable;
  stdout: Readable;
  /** Its status and what it wrote to stderr; rejects only when it could not be started. */
  exited: Promise<Omit<ProcessRun, 'stdout'>>;
}

/**
 * Starts `name` with stdin and stdout left to the caller, for data too large to hold
 * (an archive through zstd). Stopped as `runProcess` stops its processes. Throws
 * CommandNotFoundError, or the signal's reason once it has aborted, at once.
 */
export function streamProcess(name: string, args: string[], options: StartOptions): StreamingProcess {
  const { child, ended } = start(name, args, options);
  const stderr = lines();
  child.stderr.on('data', stderr.push);
  return { stdin: child.stdin, stdout: child.stdout, exited: ended.then((end) => ({ ...end, stderr: stderr.end() })) };
}

type PipedChild = ChildProcessByStdio<Writable, Readable, Readable>;

interface Started {
  child: PipedChild;
  /** Settles once the process has exited and its streams have closed. */
  ended: Promise<{ code: number; timedOut: boolean; cancelled: boolean }>;
}

/** What both forms share: the PATH lookup, the spawn, and the stop on a timeout or the signal. */
function start(name: string, args: string[], options: StartOptions): Started {
  const cancel = options.signal ?? defaultSignal;
  // A cancelled run starts nothing more (work abandoned by the cancel may still try).
  if (cancel?.aborted) throw cancel.reason;
  const command = findOnPath(name, options.env.PATH ?? '');
  if (!command) throw new CommandNotFoundError(name);
  const timeout = options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined;
  const signal = timeout && cancel ? AbortSignal.any([cancel, timeout]) : (timeout ?? cancel);
  const child = spawn(command, args, { env: options.env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const stop = () => void stopChild(child);
  signal?.addEventListener('abort', stop, { once: true });
  // A command that exits without reading its stdin (a missing plugin, a bad flag)
  // makes the write fail with EPIPE: its exit status says what happened, so the
  // pipe error is not an error of its own (unhandled, it would crash the action).
  child.stdin.on('error', () => {});
  const ended = new Promise<{ code: number; timedOut: boolean; cancelled: boolean }>((resolve, reject) => {
    child.on('error', (error) => {
      signal?.removeEventListener('abort', stop);
      reject(error);
    });
    child.on('close', (code) => {
      signal?.removeEventListener('abort', stop);
      resolve({ code: code ?? 1, timedOut: timeout?.aborted === true, cancelled: cancel?.aborted === true });
    });
  });
  return { child, ended };
}

/** Collects a stream's bytes and hands complete lines to `onLine`; `end` flushes the last one. */
function lines(onLine?: (line: string) => void): { push: (chunk: Buffer) => void; end: () => string } {
  const chunks: Buffer[] = [];
  // A chunk may end inside a multi-byte character: the decoder keeps it for the next one.
  const decoder = new StringDecoder('utf8');
  let partial = '';
  return {
    push: (chunk: Buffer) => {
      chunks.push(chunk);
      if (!onLine) return;
      const parts = (partial + decoder.write(chunk)).split('\n');
      partial = parts.pop()!;
      for (const line of parts) onLine(line);
    },
    end: () => {
      partial += decoder.end();
      if (onLine && partial) onLine(partial);
      partial = '';
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

function findOnPath(name: string, searchPath: string): string | undefined {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}
