/**
 * OCI labels (and annotations) as metadata-action produces them: title,
 * description, url, source, version, created, revision, licenses, then the
 * user's `key=value` lines (global expressions allowed) overriding them,
 * sorted by key. Lines without `=` are dropped; an empty value is kept.
 *
 * Deviation: `org.opencontainers.image.created` is the commit time (so that
 * rebuilding a commit gives the same labels), falling back to the build time
 * only when the commit time is unknown.
 */
import type { GitContext, RepositoryInfo } from '../github/git-context.ts';
import { evaluate } from './expressions.ts';
import { inputLines } from './list.ts';
import type { Scope } from './template.ts';

const OCI = 'org.opencontainers.image.';

/** Repository facts for the labels: the explicit info first, then the event payload, then the context. */
export function resolveRepositoryInfo(ctx: GitContext, repo: RepositoryInfo | undefined): RepositoryInfo {
  const payloadRepo = (ctx.payload as { repository?: Record<string, unknown> } | undefined)?.repository;
  const fromPayload: RepositoryInfo = {};
  if (payloadRepo && typeof payloadRepo === 'object') {
    if (typeof payloadRepo.name === 'string') fromPayload.name = payloadRepo.name;
    if (typeof payloadRepo.description === 'string') fromPayload.description = payloadRepo.description;
    if (typeof payloadRepo.html_url === 'string') fromPayload.htmlUrl = payloadRepo.html_url;
    const license = payloadRepo.license as { spdx_id?: unknown } | null | undefined;
    if (license && typeof license.spdx_id === 'string') fromPayload.license = license.spdx_id;
    if (typeof payloadRepo.default_branch === 'string') fromPayload.defaultBranch = payloadRepo.default_branch;
  }
  const fromContext: RepositoryInfo = {};
  if (ctx.repository) {
    fromContext.name = ctx.repository.split('/').pop();
    if (ctx.serverUrl) fromContext.htmlUrl = `${ctx.serverUrl.replace(/\/+$/, '')}/${ctx.repository}`;
  }
  if (ctx.defaultBranch) fromContext.defaultBranch = ctx.defaultBranch;
  const source = repo ?? fromPayload;
  return {
    name: source.name ?? fromPayload.name ?? fromContext.name,
    description: source.description ?? fromPayload.description,
    htmlUrl: source.htmlUrl ?? fromPayload.htmlUrl ?? fromContext.htmlUrl,
    license: source.license ?? fromPayload.license,
    defaultBranch: source.defaultBranch ?? fromPayload.defaultBranch ?? fromContext.defaultBranch,
  };
}

export interface LabelInputs {
  ctx: GitContext;
  repo: RepositoryInfo;
  version: string | undefined;
  created: Date;
  /** The user's lines (the `labels` or `annotations` input). */
  extra: string;
  inputName: string;
  scope: Scope;
}

/** The labels, sorted by key. */
export function computeLabels(inputs: LabelInputs): Record<string, string> {
  const { ctx, repo } = inputs;
  const entries: Array<[string, string]> = [
    [`${OCI}title`, repo.name ?? ''],
    [`${OCI}description`, repo.description ?? ''],
    [`${OCI}url`, repo.htmlUrl ?? ''],
    [`${OCI}source`, repo.htmlUrl ?? ''],
    [`${OCI}version`, inputs.version ?? ''],
    [`${OCI}created`, inputs.created.toISOString()],
    [`${OCI}revision`, ctx.sha ?? ''],
    [`${OCI}licenses`, repo.license ?? ''],
  ];
  for (const line of inputLines(inputs.extra)) {
    const rendered = evaluate(line, inputs.scope, inputs.inputName);
    const at = rendered.indexOf('=');
    if (at < 0) continue;
    entries.push([rendered.slice(0, at), rendered.slice(at + 1)]);
  }
  const merged = new Map<string, string>();
  for (const [key, value] of entries) merged.set(key, value);
  const sorted = [...merged.entries()].sort((a, b) => a[0].localeCompare(b[0], 'en'));
  return Object.fromEntries(sorted);
}

/** `key=value` lines, the form of the `labels` output. */
export function labelLines(labels: Record<string, string>): string[] {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`);
}
