/**
 * Where a build comes from: event, ref, commit, repository. Read from the
 * runner environment (GITHUB_* variables and the event payload) in the
 * action, or from a local git checkout in the CLI. This is the only module
 * of the tag language that reads the environment or runs commands.
 */
import { existsSync, readFileSync } from 'node:fs';
import { UserError, messageOf } from '../common/errors.ts';
import { runProcess } from '../common/process.ts';

export interface GitContext {
  /** `push`, `pull_request`, `schedule`, … (`push` for a local checkout). */
  eventName: string;
  /** `refs/heads/<branch>`, `refs/tags/<tag>`, `refs/pull/<n>/merge`, or `''` when unknown. */
  ref: string;
  /** Full commit SHA, or `''` when unknown. */
  sha: string;
  /** `owner/name`, or `''` when unknown. */
  repository: string;
  defaultBranch?: string;
  /** The event payload (`{}` when there is none). */
  payload: Record<string, unknown>;
  runId: number;
  runNumber: number;
  runAttempt?: number;
  /** Commit time, for `{{commit_date}}` and the `created` label. */
  commitDate: Date | undefined;
  serverUrl: string;
  workflow?: string;
  actor?: string;
}

/** Repository facts for labels and `type=edge`, from the payload or the GitHub API. */
export interface RepositoryInfo {
  name?: string;
  description?: string;
  htmlUrl?: string;
  /** SPDX id, e.g. `MIT`. */
  license?: string;
  defaultBranch?: string;
}

/** The `DOCKER_METADATA_*` environment switches metadata-action honours. */
export interface MetadataSwitches {
  /** `DOCKER_METADATA_PR_HEAD_SHA`: on pull request events, use the PR head commit instead of the merge commit. */
  prHeadSha: boolean;
  /** `DOCKER_METADATA_SHORT_SHA_LENGTH` (default 7). */
  shortShaLength: number;
  /** `DOCKER_METADATA_ANNOTATIONS_LEVELS` (default `manifest`). */
  annotationsLevels: string[];
  /** `DOCKER_METADATA_SET_OUTPUT_ENV` (default true): also export outputs as `DOCKER_METADATA_OUTPUT_*`. */
  setOutputEnv: boolean;
}

type Env = Record<string, string | undefined>;

export function metadataSwitchesFromEnv(env: Env): MetadataSwitches {
  let shortShaLength = 7;
  const rawLength = env.DOCKER_METADATA_SHORT_SHA_LENGTH;
  if (rawLength !== undefined && rawLength.trim() !== '') {
    if (!/^\s*\d+\s*$/.test(rawLength) || Number(rawLength) < 1) {
      throw new UserError(`DOCKER_METADATA_SHORT_SHA_LENGTH must be a positive whole number, not "${rawLength}"`);
    }
    shortShaLength = Number(rawLength);
  }
  const levels = (env.DOCKER_METADATA_ANNOTATIONS_LEVELS ?? '')
    .split(',')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return {
    prHeadSha: /true/i.test(env.DOCKER_METADATA_PR_HEAD_SHA ?? ''),
    shortShaLength,
    annotationsLevels: levels.length > 0 ? levels : ['manifest'],
    setOutputEnv: !/^\s*false\s*$/i.test(env.DOCKER_METADATA_SET_OUTPUT_ENV ?? 'true'),
  };
}

/** The value at a path of keys in parsed JSON (an event payload), or undefined. */
export function valueAt(obj: unknown, ...keys: string[]): unknown {
  let value = obj;
  for (const key of keys) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function toDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The commit time of `sha` when the payload carries it (push `commits` or `head_commit`). */
export function commitDateFromPayload(payload: Record<string, unknown>, sha: string): Date | undefined {
  const commits = payload.commits;
  if (Array.isArray(commits)) {
    const commit = commits.find((c) => valueAt(c, 'id') === sha);
    const date = toDate(valueAt(commit, 'timestamp'));
    if (date) return date;
  }
  if (valueAt(payload, 'head_commit', 'id') === sha) return toDate(valueAt(payload, 'head_commit', 'timestamp'));
  return undefined;
}

function toInt(value: string | undefined): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isNaN(n) ? 0 : n;
}

function readPayload(path: string | undefined, readFile: (path: string) => string): Record<string, unknown> {
  if (!path) return {};
  let text: string;
  try {
    text = readFile(path);
  } catch {
    return {};
  }
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch (error) {
    throw new UserError(`GITHUB_EVENT_PATH ${path} is not valid JSON: ${messageOf(error)}`);
  }
}

/**
 * The context of a GitHub Actions run, as metadata-action sees it:
 * `pull_request_target` runs get the pull request's merge ref, and with
 * `DOCKER_METADATA_PR_HEAD_SHA=true` pull request runs use the head commit.
 */
export function gitContextFromEnv(
  env: Env,
  readFile: (path: string) => string = (path) => (existsSync(path) ? readFileSync(path, 'utf8') : ''),
): GitContext {
  const payload = readPayload(env.GITHUB_EVENT_PATH, readFile);
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  let ref = env.GITHUB_REF ?? '';
  let sha = env.GITHUB_SHA ?? '';
  if (/pull_request_target/.test(eventName) && payload.number !== undefined && payload.number !== null) {
    ref = `refs/pull/${String(payload.number)}/merge`;
  }
  const switches = metadataSwitchesFromEnv(env);
  if (switches.prHeadSha && /pull_request/.test(eventName)) {
    const head = valueAt(payload, 'pull_request', 'head', 'sha');
    if (typeof head === 'string' && head !== '') sha = head;
  }
  const defaultBranch = valueAt(payload, 'repository', 'default_branch');
  const runAttempt = env.GITHUB_RUN_ATTEMPT ? toInt(env.GITHUB_RUN_ATTEMPT) : undefined;
  return {
    eventName,
    ref,
    sha,
    repository: env.GITHUB_REPOSITORY ?? '',
    defaultBranch: typeof defaultBranch === 'string' && defaultBranch !== '' ? defaultBranch : undefined,
    payload,
    runId: toInt(env.GITHUB_RUN_ID),
    runNumber: toInt(env.GITHUB_RUN_NUMBER),
    runAttempt,
    commitDate: commitDateFromPayload(payload, sha),
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    workflow: env.GITHUB_WORKFLOW || undefined,
    actor: env.GITHUB_ACTOR || undefined,
  };
}

/**
 * True when labels or `type=edge` would lack a fact the payload does not
 * carry (default branch, repository description/license/URL), so the
 * caller may fetch it with {@link fetchRepositoryInfo}.
 */
export function needsRepositoryInfo(ctx: GitContext): boolean {
  const repo = valueAt(ctx.payload, 'repository');
  if (!repo || typeof repo !== 'object') return ctx.repository !== '';
  return valueAt(repo, 'default_branch') === undefined || valueAt(repo, 'html_url') === undefined;
}

export interface FetchOptions {
  fetch?: typeof globalThis.fetch;
  /** Where a warning goes (the entry point's log: core.warning in the action). */
  warn: (message: string) => void;
  timeoutMs?: number;
}

/**
 * `GET {apiUrl}/repos/{repo}` for labels and the default branch. Never
 * throws: on any failure it warns and returns undefined.
 */
export async function fetchRepositoryInfo(
  apiUrl: string,
  repo: string,
  token: string | undefined,
  options: FetchOptions,
): Promise<RepositoryInfo | undefined> {
  const { warn } = options;
  const doFetch = options.fetch ?? globalThis.fetch;
  if (!repo) return undefined;
  const url = `${(apiUrl || 'https://api.github.com').replace(/\/+$/, '')}/repos/${repo}`;
  try {
    const headers: Record<string, string> = {
      accept: 'application/vnd.github+json',
      'user-agent': 'image-build',
      'x-github-api-version': '2022-11-28',
    };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await doFetch(url, { headers, signal: AbortSignal.timeout(options.timeoutMs ?? 15_000) });
    if (!response.ok) {
      warn(`Could not read repository ${repo} from the GitHub API (HTTP ${response.status}); labels may lack its description, license and URL`);
      return undefined;
    }
    const data = (await response.json()) as Record<string, unknown>;
    const info: RepositoryInfo = {};
    if (typeof data.name === 'string') info.name = data.name;
    if (typeof data.description === 'string') info.description = data.description;
    if (typeof data.html_url === 'string') info.htmlUrl = data.html_url;
    const spdx = valueAt(data, 'license', 'spdx_id');
    if (typeof spdx === 'string') info.license = spdx;
    if (typeof data.default_branch === 'string') info.defaultBranch = data.default_branch;
    return info;
  } catch (error) {
    warn(`Could not read repository ${repo} from the GitHub API: ${messageOf(error)}; continuing without it`);
    return undefined;
  }
}

export type CommitDateSource = 'payload' | 'checkout' | 'api' | 'now';

export interface CommitDateOptions extends FetchOptions {
  /** The checkout (GITHUB_WORKSPACE), where `git show` can read the commit. */
  workspace: string;
  apiUrl: string;
  token: string | undefined;
  now?: Date;
  /** Replaces running git (tests). */
  gitShow?: (dir: string, sha: string) => Promise<string | undefined>;
}

/**
 * The commit's time for `{{commit_date}}` and the `created` label: from the event
 * payload (push events carry it), else the checkout (`git show -s --format=%cI`),
 * else the GitHub API (`GET /repos/{repo}/commits/{sha}`, as metadata-action reads it),
 * and only then the current time, with a warning saying so.
 */
export async function resolveCommitDate(ctx: GitContext, options: CommitDateOptions): Promise<{ date: Date; source: CommitDateSource }> {
  if (ctx.commitDate) return { date: ctx.commitDate, source: 'payload' };
  const { warn } = options;
  if (ctx.sha) {
    const shown = await (options.gitShow ?? ((dir, sha) => git(dir, ['show', '-s', '--format=%cI', sha])))(options.workspace, ctx.sha);
    const fromCheckout = shown ? toDate(shown.trim()) : undefined;
    if (fromCheckout) return { date: fromCheckout, source: 'checkout' };
    const fromApi = ctx.repository ? await fetchCommitDate(options.apiUrl, ctx.repository, ctx.sha, options.token, options) : undefined;
    if (fromApi) return { date: fromApi, source: 'api' };
  }
  const now = options.now ?? new Date();
  warn(
    `The time of commit ${ctx.sha ? ctx.sha.slice(0, 12) : '(unknown)'} is in neither the event, a checkout nor the GitHub API; ` +
      '{{commit_date}} and the created label use the current time. Check out the repository (actions/checkout) before this step to fix that.',
  );
  return { date: now, source: 'now' };
}

async function fetchCommitDate(apiUrl: string, repo: string, sha: string, token: string | undefined, options: FetchOptions): Promise<Date | undefined> {
  const url = `${(apiUrl || 'https://api.github.com').replace(/\/+$/, '')}/repos/${repo}/commits/${sha}`;
  try {
    const headers: Record<string, string> = { accept: 'application/vnd.github+json', 'user-agent': 'image-build', 'x-github-api-version': '2022-11-28' };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await (options.fetch ?? globalThis.fetch)(url, { headers, signal: AbortSignal.timeout(options.timeoutMs ?? 15_000) });
    if (!response.ok) return undefined;
    const data = (await response.json()) as unknown;
    return toDate(valueAt(data, 'commit', 'committer', 'date'));
  } catch {
    return undefined;
  }
}

/** One git command's output (argv, no shell; stopped on a cancel); undefined when it fails or git is missing. */
async function git(dir: string, args: string[]): Promise<string | undefined> {
  try {
    const { code, stdout } = await runProcess('git', args, { env: process.env, cwd: dir });
    return code === 0 ? stdout.trim() : undefined;
  } catch {
    return undefined;
  }
}

/** `owner/name` and web URL from a GitHub-style remote URL, if it is one. */
export function repositoryFromRemote(url: string): { repository: string; serverUrl: string } | undefined {
  const m =
    /^(?:https?:\/\/(?:[^@/]+@)?|ssh:\/\/(?:[^@/]+@)?|[^@/]+@)([^/:]+)(?::\d+)?[:/]([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url.trim());
  if (!m) return undefined;
  return { repository: `${m[2]}/${m[3]}`, serverUrl: `https://${m[1]}` };
}

/**
 * The context of a local checkout, for the CLI: a `push` of the tag pointing
 * at HEAD when there is one (the highest version if several), else of the
 * current branch. Throws a UserError outside a git work tree.
 */
export async function gitContextFromCheckout(dir: string): Promise<GitContext> {
  const sha = await git(dir, ['rev-parse', '--verify', 'HEAD']);
  if (sha === undefined) {
    throw new UserError(`${dir} is not a git checkout with a commit (git rev-parse HEAD failed)`);
  }
  const tags = (await git(dir, ['tag', '--points-at', 'HEAD', '--sort=-version:refname'])) ?? '';
  const tag = tags.split('\n').map((t) => t.trim()).find((t) => t !== '');
  const branch = await git(dir, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  let ref = '';
  if (tag) ref = `refs/tags/${tag}`;
  else if (branch) ref = `refs/heads/${branch}`;
  const dateText = await git(dir, ['log', '-1', '--format=%cI', 'HEAD']);
  const commitDate = dateText ? toDate(dateText) : undefined;
  const originHead = await git(dir, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']);
  const defaultBranch = originHead ? originHead.replace(/^origin\//, '') : undefined;
  const remote = await git(dir, ['remote', 'get-url', 'origin']);
  const fromRemote = remote ? repositoryFromRemote(remote) : undefined;
  return {
    eventName: 'push',
    ref,
    sha,
    repository: fromRemote?.repository ?? '',
    defaultBranch,
    payload: {},
    runId: 0,
    runNumber: 0,
    commitDate,
    serverUrl: fromRemote?.serverUrl ?? 'https://github.com',
  };
}
