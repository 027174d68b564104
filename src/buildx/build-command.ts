/**
 * `docker buildx build`: the command line (pure), the progress stream (pure)
 * and one thin edge that runs it.
 */
import fs from 'node:fs/promises';
import { docker, lastLine } from './docker.ts';
import { UserError } from '../common/errors.ts';

export interface BuildRequest {
  context: string;
  dockerfile: string;
  tags: string[];
  labels: Record<string, string>;
  /** `--annotation` values (`manifest:key=value`, `index:key=value`): the metadata's annotations. */
  annotations?: string[];
  /** The build inputs' flags (src/inputs/build-inputs.ts): build args, target, platforms, attestations, secrets, … */
  options: string[];
  push: boolean;
  /** Load the result into the local image store (the CLI without --push, the `load` input). */
  load: boolean;
  /** `--output` flags from the `outputs` input: they replace the push of the tags. */
  outputs?: string[];
  /** Buildx cache import specs, e.g. `type=local,src=/restored`. */
  cacheFrom: string[];
  /** Buildx cache export specs, e.g. `type=local,dest=/new,mode=max` (a new folder, so the cache never grows). */
  cacheTo: string[];
  builder?: string;
  metadataFile: string;
  /** `call` evaluates the build (e.g. `check`): nothing is exported, pushed or loaded. */
  evaluates?: boolean;
}

export function buildxArgs(request: BuildRequest): string[] {
  const args = ['buildx', 'build', '--progress=rawjson'];
  if (request.builder) args.push('--builder', request.builder);
  args.push('--file', request.dockerfile, '--metadata-file', request.metadataFile);
  for (const tag of request.tags) args.push('--tag', tag);
  for (const [name, value] of Object.entries(request.labels)) args.push('--label', `${name}=${value}`);
  for (const annotation of request.annotations ?? []) args.push('--annotation', annotation);
  args.push(...request.options);
  for (const spec of request.cacheFrom) args.push('--cache-from', spec);
  if (request.evaluates) return [...args, request.context];
  for (const spec of request.cacheTo) args.push('--cache-to', spec);
  if (request.outputs?.length) args.push(...request.outputs);
  else if (request.push) args.push('--push');
  if (request.load && !(request.outputs ?? []).some((flag) => /(^|,)type=docker(,|$)/.test(flag))) args.push('--load');
  args.push(request.context);
  return args;
}

/** One build step as BuildKit reported it. */
export interface BuildStep {
  /** The vertex name, e.g. `[2/4] RUN npm ci`. */
  name: string;
  cached: boolean;
  seconds: number;
  error?: string;
  /** Last lines the step printed (kept for failing steps' annotations). */
  output: string[];
}

interface RawVertex {
  digest: string;
  name?: string;
  started?: string;
  completed?: string;
  cached?: boolean;
  error?: string;
}

interface RawStatus {
  vertexes?: RawVertex[];
  logs?: { vertex: string; data: string }[];
}

const KEPT_OUTPUT_LINES = 20;

/** Folds Buildx's `--progress=rawjson` lines into one record per vertex, in start order. */
export class ProgressReader {
  private readonly vertices = new Map<string, RawVertex>();
  private readonly output = new Map<string, string[]>();

  private pending: string[] | undefined;
  private readonly reported = new Set<string>();

  /** `log` receives a readable line per finished step and per line a step prints. */
  constructor(private readonly log: (line: string) => void = () => {}) {}

  /**
   * Feeds one stderr line. Buildx pretty-prints each status object over many
   * lines, opening with `{` and closing with `}` at column 1; other lines
   * (warnings, the final error) are returned as text.
   */
  read(line: string): string | undefined {
    if (this.pending) {
      this.pending.push(line);
      if (line === '}') {
        const text = this.pending.join('\n');
        this.pending = undefined;
        this.apply(text);
      }
      return undefined;
    }
    if (line === '{') {
      this.pending = [line];
      return undefined;
    }
    if (line.startsWith('{') && line.endsWith('}')) {
      this.apply(line);
      return undefined;
    }
    return line;
  }

  private apply(text: string): void {
    let status: RawStatus;
    try {
      status = JSON.parse(text) as RawStatus;
    } catch {
      return;
    }
    for (const vertex of status.vertexes ?? []) {
      const merged = { ...this.vertices.get(vertex.digest), ...stripUndefined(vertex), digest: vertex.digest };
      this.vertices.set(vertex.digest, merged);
      if (merged.completed && merged.name && !this.reported.has(vertex.digest)) {
        this.reported.add(vertex.digest);
        const seconds = merged.started ? (time(merged.completed) - time(merged.started)) / 1000 : 0;
        const state = merged.error ? `ERROR ${merged.error}` : merged.cached ? 'CACHED' : `DONE ${seconds.toFixed(1)}s`;
        this.log(`${merged.name} … ${state}`);
      }
    }
    for (const log of status.logs ?? []) {
      const printed = Buffer.from(log.data, 'base64').toString('utf8').split('\n').filter((text) => text.trim() !== '');
      const name = this.vertices.get(log.vertex)?.name ?? '';
      for (const text of printed) this.log(`  ${/^\[[^\]]+\]/.exec(name)?.[0] ?? '│'} ${text}`);
      this.output.set(log.vertex, [...(this.output.get(log.vertex) ?? []), ...printed].slice(-KEPT_OUTPUT_LINES));
    }
  }

  steps(): BuildStep[] {
    return [...this.vertices.values()]
      .filter((vertex) => vertex.name)
      .sort((a, b) => time(a.started) - time(b.started))
      .map((vertex) => ({
        name: vertex.name!,
        cached: vertex.cached === true,
        seconds: vertex.started && vertex.completed ? Math.max(0, (time(vertex.completed) - time(vertex.started)) / 1000) : 0,
        error: vertex.error || undefined,
        output: this.output.get(vertex.digest) ?? [],
      }));
  }
}

/**
 * Steps that come from Dockerfile instructions (`[2/4] RUN …`), not BuildKit's
 * own bookkeeping. BuildKit may report one step under several vertices (the
 * solve and the cache export); they are merged into one row.
 */
export function dockerfileSteps(steps: BuildStep[]): BuildStep[] {
  const byName = new Map<string, BuildStep>();
  for (const step of steps.filter((s) => /^\[[^\]]*\d+\/\d+\]/.test(s.name))) {
    const seen = byName.get(step.name);
    byName.set(
      step.name,
      seen
        ? {
            name: step.name,
            cached: seen.cached && step.cached,
            seconds: Math.max(seen.seconds, step.seconds),
            error: seen.error ?? step.error,
            output: seen.output.length ? seen.output : step.output,
          }
        : step,
    );
  }
  return [...byName.values()];
}

export interface BuildResult {
  digest?: string;
  imageId?: string;
  /** What Buildx printed on stdout (the answer of a `call` evaluation). */
  stdout?: string;
  /** The metadata file's `buildx.build.warnings` (BuildKit's build-check findings, Buildx 0.14+). */
  warnings?: unknown;
  /** The whole metadata file Buildx wrote. */
  metadata: Record<string, unknown>;
  steps: BuildStep[];
  seconds: number;
}

export interface BuildHooks {
  env: NodeJS.ProcessEnv;
  /** Receives each non-progress line Buildx prints. */
  log?: (line: string) => void;
  /** Receives each progress line as it arrives, e.g. to write the log. */
  onStep?: (status: string) => void;
}

export async function runBuild(request: BuildRequest, hooks: BuildHooks): Promise<BuildResult> {
  const progress = new ProgressReader(hooks.log);
  const messages: string[] = [];
  const started = Date.now();
  const run = await docker(buildxArgs(request), {
    env: hooks.env,
    onStderrLine: (line) => {
      const text = progress.read(line);
      if (text !== undefined && text.trim() !== '') {
        messages.push(text);
        hooks.log?.(text);
      }
    },
    onStdoutLine: hooks.log,
  });
  const steps = progress.steps();
  const seconds = (Date.now() - started) / 1000;
  // A check that finds something exits non-zero with its findings on stdout: those are the answer, not a failure.
  const answered = request.evaluates && run.stdout.trim().startsWith('{');
  if (run.code !== 0 && !answered) throw new BuildFailure(failureMessage(messages, run.stderr), steps);
  const metadata = await readMetadata(request.metadataFile);
  return {
    digest: metadata['containerimage.digest'] as string | undefined,
    imageId: metadata['containerimage.config.digest'] as string | undefined,
    stdout: run.stdout,
    warnings: metadata['buildx.build.warnings'],
    metadata,
    steps,
    seconds,
  };
}

/** The ID the engine gives a loaded image (its config digest on the classic store, its manifest digest on containerd's). */
export async function loadedImageId(env: NodeJS.ProcessEnv, tag: string | undefined): Promise<string | undefined> {
  if (!tag) return undefined;
  const inspected = await docker(['image', 'inspect', '--format', '{{.Id}}', tag], { env });
  return inspected.code === 0 && inspected.stdout.trim().startsWith('sha256:') ? inspected.stdout.trim() : undefined;
}

/** A build that ran and failed: the steps tell which instruction failed. */
export class BuildFailure extends UserError {
  readonly steps: BuildStep[];
  constructor(message: string, steps: BuildStep[]) {
    super(message);
    this.steps = steps;
  }
}

function failureMessage(messages: string[], stderr: string): string {
  // A flag this Buildx does not know: its usage hint is the last line, the flag the one before.
  const flag = messages.find((line) => /^unknown (flag|shorthand flag):/.test(line.trim()));
  if (flag) return `build failed: Buildx says ${flag.trim()}`;
  const error = [...messages].reverse().find((line) => /^ERROR:/.test(line.trim()));
  return (error ?? lastLine(stderr)).trim().replace(/^ERROR:\s*/, 'build failed: ');
}

async function readMetadata(file: string): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function time(iso: string | undefined): number {
  return iso ? Date.parse(iso) : Number.MAX_SAFE_INTEGER;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
