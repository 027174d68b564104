/**
 * Reads and checks the step's inputs up front, so that a typo fails in the
 * first second with one error naming the input, not after a ten-minute build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseLoginsInput, type RegistryLogin } from '../buildx/credentials.ts';
import { UserError } from '../common/errors.ts';
import { inputList } from './list.ts';
import { DEFAULT_BAKE_TARGET, type Separators } from '../github/metadata-outputs.ts';

export type PushMode = 'true' | 'false' | 'auto';
export type CacheMode = 'true' | 'false' | 'read-only';
export type CacheBackend = 'actions' | 'registry' | 'local';

export interface Inputs {
  /** Absolute path of the build context folder. */
  context: string;
  /** Absolute path of the Dockerfile. */
  file: string;
  images: string;
  registry?: string;
  username?: string;
  password?: string;
  /** The `logins` input: credentials for registries the job did not log in to. */
  logins: RegistryLogin[];
  tags: string;
  flavor: string;
  labels: string;
  /** metadata-action's `annotations` (`key=value` lines, like labels). */
  annotations: string;
  /** `sep-tags`, `sep-labels`, `sep-annotations`: untrimmed, a newline when not given. */
  separators: Separators;
  /** `bake-target`: the target name in the bake-file outputs. */
  bakeTarget: string;
  push: PushMode;
  cache: CacheMode;
  cacheMode: 'min' | 'max';
  cacheKeyPrefix: string;
  cacheBackend: CacheBackend;
  cacheRef?: string;
  cacheDir?: string;
  skipUnchanged: boolean;
  /** `reuse-mode`: a reused image gets this run's labels (`relabel`), or keeps its digest (`same-digest`). */
  reuseMode: 'relabel' | 'same-digest';
  builder?: string;
  advice: boolean;
  dryRun: boolean;
  githubToken?: string;
  /** Per-platform image digests to join into one index instead of building (`merge-digests`). */
  mergeDigests: string[];
}

export interface BuildArg {
  name: string;
  value: string;
}

/** Looks up one input by its kebab-case name; '' when not given. `raw` keeps blanks (separators may be a space). */
export type InputSource = ((name: string) => string) & { raw?: (name: string) => string };

/** Input names as action.yml declares them: INPUT_<NAME> keeps hyphens, upper-cased. */
export function inputsFromEnv(env: NodeJS.ProcessEnv): InputSource {
  const raw = (name: string) => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
  return Object.assign((name: string) => raw(name).trim(), { raw });
}

export function readInputs(get: InputSource, workspace: string, _env: NodeJS.ProcessEnv = {}): Inputs {
  const contextInput = get('context');
  const context = resolveContext(contextInput, workspace);
  // The checkout itself: the input left out, action.yml's default ".", or {{defaultContext}}.
  const fromCheckout = context === path.resolve(workspace) || contextInput.startsWith(DEFAULT_CONTEXT);
  // An empty workspace: the job has not checked the repository out.
  if (fromCheckout && !get('file') && !hasCheckout(workspace) && !isFile(path.join(context, 'Dockerfile'))) {
    throw new UserError(
      `the workspace ${workspace} is empty, with no checkout of the repository: ` +
        'add "- uses: actions/checkout@v4" before this step, or set "context" to the folder to build',
      { input: 'context' },
    );
  }
  if (!isDirectory(context)) {
    const problem = fs.existsSync(context) ? 'is not a folder' : 'does not exist';
    throw new UserError(`context folder "${contextInput || '.'}" ${problem} (resolved to ${context}); set "context" to a folder in the repository`, { input: 'context' });
  }
  const fileInput = get('file');
  const file = fileInput ? path.resolve(workspace, fileInput) : path.join(context, 'Dockerfile');
  if (!isFile(file)) {
    const shown = fileInput || path.relative(workspace, file) || 'Dockerfile';
    const problem = fs.existsSync(file) ? 'is not a file' : 'does not exist';
    throw new UserError(`Dockerfile "${shown}" ${problem}; set "file" to the Dockerfile's path`, { input: 'file' });
  }
  const cacheBackend = oneOf(get, 'cache-backend', ['actions', 'registry', 'local'], 'actions');
  const cacheDir = get('cache-dir') || undefined;
  if (cacheBackend === 'local' && !cacheDir) {
    throw new UserError('"cache-backend: local" needs "cache-dir", the folder that keeps the cache', { input: 'cache-dir' });
  }
  return {
    context,
    file,
    images: get('images'),
    registry: get('registry') || undefined,
    username: get('username') || undefined,
    password: get('password') || undefined,
    logins: parseLoginsInput(get('logins')),
    tags: get('tags'),
    flavor: get('flavor') || 'latest=auto',
    labels: get('labels'),
    annotations: get('annotations'),
    separators: {
      tags: get.raw?.('sep-tags') || '\n',
      labels: get.raw?.('sep-labels') || '\n',
      annotations: get.raw?.('sep-annotations') || '\n',
    },
    bakeTarget: get('bake-target') || DEFAULT_BAKE_TARGET,
    push: oneOf(get, 'push', ['true', 'false', 'auto'], 'auto'),
    cache: oneOf(get, 'cache', ['true', 'false', 'read-only'], 'true'),
    cacheMode: oneOf(get, 'cache-mode', ['max', 'min'], 'max'),
    cacheKeyPrefix: cacheKeyPrefix(get('cache-key-prefix') || 'image-build'),
    cacheBackend,
    cacheRef: get('cache-ref') || undefined,
    cacheDir: cacheDir ? path.resolve(workspace, cacheDir) : undefined,
    skipUnchanged: bool(get, 'skip-unchanged', true),
    reuseMode: oneOf(get, 'reuse-mode', ['relabel', 'same-digest'], 'relabel'),
    builder: get('builder') || undefined,
    advice: bool(get, 'advice', true),
    dryRun: bool(get, 'dry-run', false),
    githubToken: get('github-token') || undefined,
    mergeDigests: get('merge-digests')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  };
}

/**
 * `NAME=value` items, one a line, in build-push-action's list syntax (a quoted item may span
 * lines; commas do not split); a value may itself contain `=`. A bare `NAME` takes its value
 * from the environment, as Buildx does (and is left out when the variable is unset).
 */
export function parseBuildArgs(text: string, env: NodeJS.ProcessEnv = {}): BuildArg[] {
  let items: string[];
  try {
    items = inputList(text, { ignoreComma: true });
  } catch (error) {
    throw new UserError(`build-args: ${(error as Error).message}`, { input: 'build-args' });
  }
  return items
    .filter((line) => !line.startsWith('#'))
    .flatMap((line) => {
      const eq = line.indexOf('=');
      const name = eq < 0 ? line : line.slice(0, eq).trim();
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        throw new UserError(`build-args: "${line}" is not NAME=value or NAME`, { input: 'build-args' });
      }
      if (eq >= 0) return [{ name, value: line.slice(eq + 1) }];
      const value = env[name];
      return value === undefined ? [] : [{ name, value }];
    });
}

/**
 * SOURCE_DATE_EPOCH from the environment reaches the build as the build arg BuildKit
 * reads for reproducible timestamps (and so takes part in the fingerprint).
 */
export function withSourceDateEpoch(args: BuildArg[], env: NodeJS.ProcessEnv): BuildArg[] {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (!epoch || args.some((arg) => arg.name === 'SOURCE_DATE_EPOCH')) return args;
  if (!/^\d+$/.test(epoch)) throw new UserError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${epoch}"`);
  return [...args, { name: 'SOURCE_DATE_EPOCH', value: epoch }];
}

/** build-push-action's `{{defaultContext}}` (the repository at this commit) is the checkout here; `:sub/dir` a folder in it. */
export const DEFAULT_CONTEXT = '{{defaultContext}}';

/** What Buildx takes as a remote context: a Git repository (`#ref:subdir` may follow) or a tarball's URL. */
const REMOTE_CONTEXT = /^(?:(?:https?|git|ssh):\/\/|git@[^:]+:|github\.com\/)/;

export function resolveContext(input: string, workspace: string): string {
  if (REMOTE_CONTEXT.test(input)) {
    throw new UserError(
      `context "${input}" is a remote context (a Git repository or a tarball URL); image-build builds from a checked-out folder, ` +
        'whose files it hashes exactly as Docker sends them: ' +
        'add "- uses: actions/checkout@v4" (with "repository" and "ref" for another repository) and set "context" to its folder',
      { input: 'context' },
    );
  }
  if (input.startsWith(DEFAULT_CONTEXT)) {
    const rest = input.slice(DEFAULT_CONTEXT.length);
    if (rest !== '' && !rest.startsWith(':')) {
      throw new UserError(`context "${input}": after ${DEFAULT_CONTEXT} only ":<folder>" may follow`, { input: 'context' });
    }
    return path.resolve(workspace, rest.slice(1) || '.');
  }
  return path.resolve(workspace, input || '.');
}

/** A workspace without .git and without any file is one nothing was checked out into. */
function hasCheckout(workspace: string): boolean {
  if (fs.existsSync(path.join(workspace, '.git'))) return true;
  try {
    return fs.readdirSync(workspace).length > 0;
  } catch {
    return false;
  }
}

function cacheKeyPrefix(prefix: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(prefix) || prefix.length > 64) {
    throw new UserError(`cache-key-prefix "${prefix}" may hold only letters, digits, ".", "_" and "-" (64 at most)`, { input: 'cache-key-prefix' });
  }
  return prefix;
}

function oneOf<T extends string>(get: InputSource, name: string, allowed: readonly T[], fallback: T): T {
  const value = get(name);
  if (value === '') return fallback;
  const normalized = value.toLowerCase();
  if ((allowed as readonly string[]).includes(normalized)) return normalized as T;
  throw new UserError(`${name}: "${value}" is not one of ${allowed.map((a) => `"${a}"`).join(', ')}`, { input: name });
}

// The YAML 1.2 core-schema booleans, as @actions/core's getBooleanInput accepts them.
function bool(get: InputSource, name: string, fallback: boolean): boolean {
  const value = get(name);
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new UserError(`${name}: "${value}" is not a boolean; use "true" or "false"`, { input: name });
}

function isDirectory(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function isFile(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
}
