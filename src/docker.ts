/**
 * The one place that starts Docker CLI processes. Secrets never go in argv:
 * a caller that has one passes it as `input` (stdin).
 */
import { spawn } from 'node:child_process';
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
}

let defaultSignal: AbortSignal | undefined;

/** Every Docker CLI process started from now on stops when `signal` aborts (the action's cancellation). */
export function stopChildrenOn(signal: AbortSignal | undefined): void {
  defaultSignal = signal;
}

export function docker(args: string[], options: DockerOptions): Promise<DockerRun> {
  const signal = options.signal ?? defaultSignal;
  // A cancelled run starts nothing more (work abandoned by the cancel may still try).
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const child = spawn('docker', args, { env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const stop = () => void stopChild(child);
    signal?.addEventListener('abort', stop, { once: true });
    child.on('close', () => signal?.removeEventListener('abort', stop));
    const stdout = collect(child.stdout, options.onStdoutLine);
    const stderr = collect(child.stderr, options.onStderrLine);
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new UserError('the docker command was not found on PATH; install Docker (with Buildx) on the runner') : error);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: stdout(), stderr: stderr() }));
    // A command that exits without reading its stdin (a missing plugin, a bad flag)
    // makes the write fail with EPIPE: its exit status says what happened, so the
    // pipe error is not an error of its own (unhandled, it would crash the action).
    child.stdin.on('error', () => {});
    if (options.input) child.stdin.end(options.input);
    else child.stdin.end();
  });
}

function collect(stream: NodeJS.ReadableStream, onLine?: (line: string) => void): () => string {
  const chunks: string[] = [];
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    chunks.push(chunk);
    if (!onLine) return;
    const lines = (partial + chunk).split('\n');
    partial = lines.pop()!;
    for (const line of lines) onLine(line);
  });
  stream.on('end', () => {
    if (onLine && partial) onLine(partial);
  });
  return () => chunks.join('');
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
