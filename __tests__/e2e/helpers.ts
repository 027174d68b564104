// Shared pieces of the end-to-end tests: a scratch workspace with the example
// app, a "fresh runner" (builder cache and local images gone), and registry
// look-ups made directly over HTTP, independent of the code under test.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error: plain JavaScript harness shared with the demo and the benchmark
import { nodeBinary as nodeBinaryJs, root, runAction as runActionJs, stackEnv as stackEnvJs } from '../../scripts/run-action.mjs';

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  /** Variables the step exported for later steps (GITHUB_ENV). */
  exported: Record<string, string>;
  summary: string;
  state: Record<string, string>;
  runnerTemp: string;
  seconds: number;
  post: { code: number; stdout: string; stderr: string };
  /** Signals sent to main by `cancelWhen`, with when (ms after the first). */
  signals: { name: string; afterMs: number }[];
}

export interface ActionOptions {
  inputs?: Record<string, string>;
  eventName?: string;
  ref?: string;
  sha?: string;
  workspace: string;
  runnerTemp?: string;
  env?: Record<string, string | undefined>;
  payload?: unknown;
  /** Cancels main like a runner (SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s after) once this is true; polled with the output so far. */
  cancelWhen?: (output: string) => boolean | Promise<boolean>;
  /** Main gets its own empty RUNNER_TEMP at the same path, like a runner of its own (root only). */
  ownRunnerTemp?: boolean;
  /** Runs between main and post, with the state main saved. */
  afterMain?: (state: Record<string, string>) => void | Promise<void>;
  /** A command line that runs main, e.g. `unshare -m …`; node and the script are appended. */
  wrap?: string[];
}

export const runAction = runActionJs as (options: ActionOptions) => Promise<ActionRun>;
export const stack = stackEnvJs() as Record<string, string>;
export const repoRoot = root as string;
/** The Node the action runs on (the `node` devDependency when installed). */
export const nodeBinary = nodeBinaryJs as () => string;

export function dockerEnv(): NodeJS.ProcessEnv {
  return { ...process.env, ...stack };
}

export function docker(...args: string[]): string {
  return execFileSync('docker', args, { env: dockerEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * A fresh "user's" Docker config folder that keeps the user's CLI plugins (Buildx: on
 * the stack, the engine's own version; elsewhere whatever ~/.docker/cli-plugins holds).
 */
export function userDockerConfig(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-docker-config-'));
  const plugins = path.join(dockerEnv().DOCKER_CONFIG || path.join(os.homedir(), '.docker'), 'cli-plugins');
  if (fs.existsSync(plugins)) fs.symlinkSync(plugins, path.join(dir, 'cli-plugins'));
  return dir;
}

/** Whether the engine has `image` (a BuildKit image for docker-container builders, say). */
export function imagePresent(image: string): boolean {
  try {
    docker('image', 'inspect', '--format', '{{.Id}}', image);
    return true;
  } catch {
    return false;
  }
}

/** Whether the stack's engine keeps images in a graph driver (the classic image store), as stock hosted runners do. */
export function classicImageStore(): boolean {
  return !docker('info', '--format', '{{json .DriverStatus}}').includes('io.containerd.snapshotter');
}

/** What a new GitHub runner has: no BuildKit cache, no local images. */
export function freshRunner(): void {
  for (const args of [['buildx', 'prune', '-af'], ['image', 'prune', '-af']]) {
    // The engine runs one prune at a time; another test file's (or a benchmark's) may be under way.
    for (let attempt = 1; ; attempt++) {
      try {
        docker(...args);
        break;
      } catch (error) {
        if (attempt >= 20 || !/prune operation is already running/.test(String((error as { stderr?: string }).stderr ?? error))) throw error;
        execFileSync('sleep', ['0.5']);
      }
    }
  }
}

/** A unique name for this test run, so registries and caches from earlier runs don't interfere. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${crypto.randomBytes(4).toString('hex')}`;
}

/** A scratch copy of an example app as the workspace. */
export function exampleWorkspace(example = 'hello'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-ws-'));
  fs.cpSync(path.join(repoRoot, 'examples', example), dir, { recursive: true });
  return dir;
}

export function runnerTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-runner-'));
}

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/** The registry's own digest for a tag (Docker-Content-Digest), or undefined when the tag is absent. */
export async function registryDigest(ref: string, auth?: { username: string; password: string }): Promise<string | undefined> {
  const match = /^([^/]+)\/(.+):([^:/]+)$/.exec(ref);
  if (!match) throw new Error(`not a tagged reference: ${ref}`);
  const headers: Record<string, string> = { accept: MANIFEST_TYPES };
  if (auth) headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  const response = await fetch(`http://${match[1]}/v2/${match[2]}/manifests/${match[3]}`, { method: 'HEAD', headers });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`HEAD ${ref}: ${response.status}`);
  return response.headers.get('docker-content-digest') ?? undefined;
}

/** Blob uploads the open registry logged for a repository since `fromByte` of its access log. */
export function blobUploads(repository: string, fromByte: number, log = stack.IMAGE_BUILD_REGISTRY_LOG!): number {
  const text = fs.readFileSync(log, 'utf8').slice(fromByte);
  return text.split('\n').filter((line) => line.includes(`PUT /v2/${repository}/blobs/uploads/`) && / 201 /.test(line)).length;
}

/** Manifest PUTs (tags and digests) the open registry logged for a repository since `fromByte` of its access log. */
export function manifestPuts(repository: string, fromByte: number, log = stack.IMAGE_BUILD_REGISTRY_LOG!): string[] {
  const text = fs.readFileSync(log, 'utf8').slice(fromByte);
  return text.split('\n').flatMap((line) => {
    const match = new RegExp(`PUT /v2/${repository}/manifests/([^ ?"]+)`).exec(line);
    return match && / 201 /.test(line) ? [match[1]!] : [];
  });
}

export function logSize(log = stack.IMAGE_BUILD_REGISTRY_LOG!): number {
  return fs.statSync(log).size;
}

/**
 * The rows of the summary's step table: Dockerfile line, platform (multi-platform builds: one
 * entry per platform column), instruction, status (`cached`, `run`, `pulled`, `**failed**`).
 */
export function summarySteps(summary: string): { line: number; platform?: string; name: string; status: string }[] {
  const lines = summary.split('\n');
  const start = lines.findIndex((line) => line.startsWith('| line | step |'));
  if (start < 0) return [];
  const header = tableCells(lines[start]!);
  const columns = header.slice(2, -1).map((name, index) => ({ name, index: index + 2 })).filter((column) => column.name !== 'time');
  const rows = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const cells = tableCells(line);
    const name = /^`([^`]*)`/.exec(cells[1] ?? '')?.[1];
    if (!/^\d+$/.test(cells[0] ?? '') || name === undefined) continue;
    for (const column of columns) {
      const status = /^(cached|run|pulled|\*\*failed\*\*)/.exec(cells[column.index] ?? '')?.[1];
      if (!status) continue;
      rows.push({ line: Number(cells[0]), ...(column.name === 'result' ? {} : { platform: column.name }), name, status });
    }
  }
  return rows;
}

/** The cells of a Markdown table row, `\|` kept inside a cell. */
export function tableCells(row: string): string[] {
  return row.replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((cell) => cell.trim());
}
