/**
 * The global expressions available in `value`, `prefix`, `suffix`, `enable`,
 * flavor prefix/suffix and `labels`: `{{branch}}`, `{{tag}}`, `{{sha}}`,
 * `{{base_ref}}`, `{{is_default_branch}}`, `{{is_not_default_branch}}`,
 * `{{date '<format>' tz='<zone>'}}` and `{{commit_date '<format>' tz='<zone>'}}`.
 */
import { UserError } from '../common/errors.ts';
import { valueAt, type GitContext } from '../github/git-context.ts';
import { formatDate } from './datefmt.ts';
import { render } from './template.ts';
import type { Helper, Scope } from './template.ts';

export const DEFAULT_SHORT_SHA_LENGTH = 7;

export interface ExpressionEnv {
  ctx: GitContext;
  /** The build time, for `{{date}}`. */
  now: Date;
  shortShaLength: number;
}

export function shortSha(sha: string, length = DEFAULT_SHORT_SHA_LENGTH): string {
  return length >= sha.length ? sha : sha.slice(0, length);
}

function dateHelper(date: Date): Helper {
  return (params, hash) => {
    let timeZone = 'UTC';
    for (const [key, value] of Object.entries(hash)) {
      if (key !== 'tz') throw new Error(`unknown attribute "${key}" (only tz= is allowed)`);
      timeZone = String(value);
    }
    const format = params[0];
    return formatDate(date, format === undefined || format === null ? undefined : String(format), timeZone);
  };
}

export function branchOf(ref: string): string {
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : '';
}

export function tagOf(ref: string): string {
  return ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : '';
}

/** `{{base_ref}}`: the pushed tag's base branch, or the pull request's target branch. */
export function baseRefOf(ctx: GitContext): string {
  const pushBase = valueAt(ctx.payload, 'base_ref');
  if (ctx.ref.startsWith('refs/tags/') && pushBase !== undefined && pushBase !== null) {
    return String(pushBase).replace(/^refs\/heads\//, '');
  }
  const prBase = valueAt(ctx.payload, 'pull_request', 'base', 'ref');
  if (ctx.ref.startsWith('refs/pull/') && prBase !== undefined && prBase !== null) return String(prBase);
  return '';
}

/**
 * `{{is_default_branch}}` as metadata-action decides it: the ref without
 * `refs/heads/` equals the default branch, or the event is one that always
 * runs on the default branch (create, discussion, issues, schedule).
 */
export function isDefaultBranch(ctx: GitContext): boolean {
  const branch = ctx.ref.replace(/^refs\/heads\//, '');
  if (branch === '') return false;
  const defaultBranch = ctx.defaultBranch ?? valueAt(ctx.payload, 'repository', 'default_branch');
  if (defaultBranch !== undefined && defaultBranch === branch) return true;
  return /create|discussion|issues|schedule/.test(ctx.eventName);
}

/** The scope of all global expressions. */
export function globalScope(env: ExpressionEnv): Scope {
  const { ctx } = env;
  const commitDate = ctx.commitDate ?? env.now;
  return {
    branch: () => branchOf(ctx.ref),
    tag: () => tagOf(ctx.ref),
    sha: () => shortSha(ctx.sha, env.shortShaLength),
    base_ref: () => baseRefOf(ctx),
    is_default_branch: () => String(isDefaultBranch(ctx)),
    is_not_default_branch: () => String(!isDefaultBranch(ctx)),
    date: dateHelper(env.now),
    commit_date: dateHelper(commitDate),
  };
}

/** The scope of `type=schedule` patterns: only the date expressions. */
export function scheduleScope(env: ExpressionEnv): Scope {
  return {
    date: dateHelper(env.now),
    commit_date: dateHelper(env.ctx.commitDate ?? env.now),
  };
}

/** The warning for a `{{name}}` the scope lacks: Handlebars renders it as nothing, and so do we. */
export function unknownExpressionWarning(input: string, name: string, text: string): string {
  return `${input}: {{${name}}} in "${text}" is not an expression known here, so it renders as nothing`;
}

/** Renders `text` in `scope`; a bad expression is a UserError naming the input, an unknown name a warning. */
export function evaluate(text: string, scope: Scope, input: string, warnings?: string[]): string {
  try {
    return render(text, scope, warnings && ((name) => warnings.push(unknownExpressionWarning(input, name, text))));
  } catch (error) {
    throw new UserError(`${input}: bad expression in "${text}": ${(error as Error).message}`, { input });
  }
}
