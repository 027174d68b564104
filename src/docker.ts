/**
 * The one place that starts Docker CLI processes: an argv array, no shell.
 * Secrets never go in argv: a caller that has one passes it as `input` (stdin).
 * Node's spawn is used rather than @actions/exec because a cancelled step must
 * stop its children (cancel.ts), and only spawn hands back the child process.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { stopChild } from './cancel.ts';
import { UserError } from './errors.ts';

export interface DockerRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface DockerOptions {
  env: NodeJS.ProcessEnv;
  input?: string;
  /** Called with each complete stderr line as it arrives (BuildKit progress goes to stderr). */
  onStderrLine?: (line: string) => void;
  onStdoutLine?: (line: string) => void;
  /** Aborting it stops the command (cancel.ts); defaults to the one given to stopChildrenOn. */
  signal?: AbortSignal;
  /** Stops the command after this long (beside the signal); it then ends with a non-zero code. */
  timeoutMs?: number;
}

let defaultSignal: AbortSignal | undefined;

/** Every Docker CLI process started from now on stops when `signal` aborts (the action's cancellation). */
export function stopChildrenOn(signal: AbortSignal | undefined): void {
  defaultSignal = signal;
}

export function docker(args: string[], options: DockerOptions): Promise<DockerRun> {
  const given = options.signal ?? defaultSignal;
  const signal = options.timeoutMs ? AbortSignal.any([...(given ? [given] : []), AbortSignal.timeout(options.timeoutMs)]) : given;
  // A cancelled run starts nothing more (work abandoned by the cancel may still try).
  if (signal?.aborted) return Promise.reject(signal.reason);
  // Found on the PATH the command runs with, not only this process's.
  const command = findOnPath('docker', options.env.PATH ?? '');
  if (!command) return Promise.reject(new UserError('the docker command was not found on PATH; install Docker (with Buildx) on the runner'));
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const stop = () => void stopChild(child);
    signal?.addEventListener('abort', stop, { once: true });
    const stdout = lines(options.onStdoutLine);
    const stderr = lines(options.onStderrLine);
    child.stdout.on('data', stdout.push);
    child.stderr.on('data', stderr.push);
    child.on('error', reject);
    child.on('close', (code) => {
      signal?.removeEventListener('abort', stop);
      resolve({ code: code ?? 1, stdout: stdout.end(), stderr: stderr.end() });
    });
    // A command that exits without reading its stdin (a missing plugin, a bad flag)
    // makes the write fail with EPIPE: its exit status says what happened, so the
    // pipe error is not an error of its own (unhandled, it would crash the action).
    child.stdin.on('error', () => {});
    child.stdin.end(options.input);
  });
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

/**
 * Fails early, with what is missing, when there is no Docker CLI, no daemon or
 * no Buildx: better than a confusing error ten seconds into the build.
 */
/** Resolves with what `buildx inspect` printed about the builder. */
export async function checkDocker(env: NodeJS.ProcessEnv, builder?: string): Promise<string> {
  const inspect = await docker(['buildx', 'inspect', ...(builder ? [builder] : [])], { env });
  // `buildx inspect` exits 0 even when the builder's endpoint is down: it prints an
  // `Error:` line in the builder's header (before `Nodes:`) instead.
  const reason = inspect.code !== 0 ? lastLine(inspect.stderr) : builderError(inspect.stdout);
  if (reason !== undefined) {
    // Only now is Buildx itself in question (one Docker CLI run less when all is well).
    if ((await docker(['buildx', 'version'], { env })).code !== 0) {
      throw new UserError('Docker Buildx is not installed: `docker buildx version` failed. Install the docker-buildx plugin (GitHub-hosted runners have it).');
    }
    if (builder) throw new UserError(`builder "${builder}" is not usable: ${reason}`, { input: 'builder' });
    throw new UserError(`the Docker daemon is not reachable (${reason}); start Docker or set DOCKER_HOST`);
  }
  return inspect.stdout;
}

/** The `Error:` of a `buildx inspect` builder header, if any (node sections are not looked at). */
export function builderError(inspectOutput: string): string | undefined {
  const header = inspectOutput.split(/^Nodes:/m)[0]!;
  return /^Error:\s*(.+)$/m.exec(header)?.[1]?.trim();
}

export function lastLine(text: string): string {
  return text.trim().split('\n').filter(Boolean).pop() ?? 'no output';
}
