/**
 * From ordered tag rules to the version: the main tag, the other tags, and
 * whether `latest` is added. Each enabled rule that yields a value adds it;
 * the first one decides `latest` under `latest=auto`:
 *
 * - semver / pep440: true for a release, false for a pre-release (which also
 *   collapses every pattern to `{{version}}`, or keeps `{{raw}}`);
 * - match and ref event=tag: true;
 * - schedule, edge, ref branch/pr, raw, sha: false.
 */
import * as semver from 'semver';
import { UserError } from '../common/errors.ts';
import type { GitContext } from '../github/git-context.ts';
import { evaluate, globalScope, scheduleScope, shortSha, unknownExpressionWarning } from './expressions.ts';
import type { ExpressionEnv } from './expressions.ts';
import type { Flavor } from './flavor.ts';
import {
  metadataActionPep440,
  isUnstablePep440,
  parsePep440,
  pep440Major,
  pep440Minor,
  pep440Patch,
} from './pep440.ts';
import { toOciTag } from './sanitize.ts';
import { matchRegExp } from './tag-spec.ts';
import type { TagSpec } from './tag-spec.ts';
import { isRawStatement, render } from './template.ts';
import type { Scope } from './template.ts';

export interface Version {
  /** The first tag (highest priority); also the `version` output and label. */
  main: string | undefined;
  /** The other tags, in order, without duplicates. */
  partial: string[];
  /** Whether `latest` is added. */
  latest: boolean;
}

interface State {
  main: string | undefined;
  partial: string[];
  latest: boolean | undefined;
}

export interface VersionEnv extends ExpressionEnv {
  flavor: Flavor;
  /** The repository's default branch, for `type=edge` without `branch=`. */
  defaultBranch?: string;
  warnings: string[];
}

function has(attrs: Record<string, string>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(attrs, key);
}

class VersionBuilder {
  readonly state: State = { main: undefined, partial: [], latest: undefined };
  private readonly scope: Scope;

  constructor(private readonly env: VersionEnv) {
    this.scope = globalScope(env);
  }

  exp(text: string): string {
    return evaluate(text, this.scope, 'tags', this.env.warnings);
  }

  /** Adds the rule's prefix/suffix, or the flavor's when the rule has none. */
  affix(value: string, spec: TagSpec): string {
    const { flavor } = this.env;
    let out = value;
    if (has(spec.attrs, 'prefix')) out = this.exp(spec.attrs.prefix!) + out;
    else if (flavor.prefix !== '') out = evaluate(flavor.prefix, this.scope, 'flavor', this.env.warnings) + out;
    if (has(spec.attrs, 'suffix')) out += this.exp(spec.attrs.suffix!);
    else if (flavor.suffix !== '') out += evaluate(flavor.suffix, this.scope, 'flavor', this.env.warnings);
    return out;
  }

  latestFor(auto: boolean): boolean {
    const mode = this.env.flavor.latest;
    return mode === 'auto' ? auto : mode === 'true';
  }

  add(value: string, autoLatest: boolean, spec: TagSpec): void {
    if (value === '') return;
    const tag = toOciTag(value);
    if (tag === '') {
      this.env.warnings.push(`tags: "${value}" from "${spec.source}" has no characters valid in a tag; skipped`);
      return;
    }
    if (tag !== value.replace(/[^a-zA-Z0-9._-]+/g, '-')) {
      this.env.warnings.push(`tags: "${value}" from "${spec.source}" became "${tag}" to be a valid OCI tag`);
    }
    if (this.state.main === undefined) this.state.main = tag;
    else if (tag !== this.state.main && !this.state.partial.includes(tag)) this.state.partial.push(tag);
    if (this.state.latest === undefined) this.state.latest = this.latestFor(autoLatest);
  }

  warn(message: string): void {
    this.env.warnings.push(message);
  }

  get warnings(): string[] {
    return this.env.warnings;
  }
}

function tagValue(b: VersionBuilder, ctx: GitContext, spec: TagSpec, replaceSlashes: boolean): string | undefined {
  if (spec.attrs.value) return b.exp(spec.attrs.value);
  if (!ctx.ref.startsWith('refs/tags/')) return undefined;
  const tag = ctx.ref.slice('refs/tags/'.length);
  return replaceSlashes ? tag.replace(/\//g, '-') : tag;
}

/** Applies a semver/pep440 rule's `match=` regex: the first group, else the whole match. */
function applyMatch(b: VersionBuilder, spec: TagSpec, value: string): string | undefined {
  const pattern = spec.attrs.match;
  if (!pattern) return value;
  const m = value.match(matchRegExp(pattern));
  if (!m) {
    b.warn(`tags: ${pattern} does not match ${value} ("${spec.source}")`);
    return undefined;
  }
  return m[1] ?? m[0];
}

function renderPattern(pattern: string, scope: Scope, spec: TagSpec, warnings: string[]): string {
  try {
    return render(pattern, scope, (name) => warnings.push(unknownExpressionWarning('tags', name, spec.source)));
  } catch (error) {
    throw new UserError(`tags: bad pattern in "${spec.source}": ${(error as Error).message}`, { input: 'tags' });
  }
}

function procSemver(b: VersionBuilder, ctx: GitContext, spec: TagSpec): void {
  let raw = tagValue(b, ctx, spec, true);
  if (raw === undefined) return;
  raw = applyMatch(b, spec, raw);
  if (raw === undefined) return;
  if (!semver.valid(raw)) {
    b.warn(`tags: ${raw} is not a valid semver (https://semver.org/)`);
    return;
  }
  const v = semver.parse(raw, { loose: true })!;
  const scope: Scope = {
    raw: v.raw,
    version: v.version,
    major: v.major,
    minor: v.minor,
    patch: v.patch,
    prerelease: v.prerelease,
    build: v.build,
  };
  const pattern = spec.attrs.pattern!;
  if (semver.prerelease(raw)) {
    const collapsed = isRawStatement(pattern) ? pattern : '{{version}}';
    b.add(b.affix(renderPattern(collapsed, scope, spec, b.warnings), spec), false, spec);
  } else {
    b.add(b.affix(renderPattern(pattern, scope, spec, b.warnings), spec), true, spec);
  }
}

function procPep440(b: VersionBuilder, ctx: GitContext, spec: TagSpec): void {
  let raw = tagValue(b, ctx, spec, true);
  if (raw === undefined) return;
  raw = applyMatch(b, spec, raw);
  if (raw === undefined) return;
  const v = parsePep440(raw);
  if (!v) {
    b.warn(`tags: ${raw} does not conform to PEP 440 (https://peps.python.org/pep-0440/)`);
    return;
  }
  const pattern = spec.attrs.pattern!;
  if (isUnstablePep440(v)) {
    b.add(b.affix(isRawStatement(pattern) ? raw : metadataActionPep440(v), spec), false, spec);
    return;
  }
  const scope: Scope = {
    raw: () => raw,
    version: () => metadataActionPep440(v),
    major: () => pep440Major(v),
    minor: () => pep440Minor(v),
    patch: () => pep440Patch(v),
  };
  b.add(b.affix(renderPattern(pattern, scope, spec, b.warnings), spec), true, spec);
}

function procMatch(b: VersionBuilder, ctx: GitContext, spec: TagSpec): void {
  const raw = tagValue(b, ctx, spec, false);
  if (raw === undefined) return;
  const m = raw.match(matchRegExp(spec.attrs.pattern!));
  if (!m) {
    b.warn(`tags: ${spec.attrs.pattern} does not match ${raw} ("${spec.source}")`);
    return;
  }
  const group = m[Number(spec.attrs.group)];
  if (group === undefined) {
    b.warn(`tags: group ${spec.attrs.group} does not exist for ${spec.attrs.pattern} ("${spec.source}")`);
    return;
  }
  b.add(b.affix(group, spec), true, spec);
}

function procRef(b: VersionBuilder, ctx: GitContext, spec: TagSpec): void {
  const { ref } = ctx;
  switch (spec.attrs.event) {
    case 'branch':
      if (ref.startsWith('refs/heads/')) b.add(b.affix(ref.slice('refs/heads/'.length), spec), false, spec);
      return;
    case 'tag':
      if (ref.startsWith('refs/tags/')) b.add(b.affix(ref.slice('refs/tags/'.length), spec), true, spec);
      return;
    case 'pr':
      if (ref.startsWith('refs/pull/')) {
        b.add(b.affix(ref.slice('refs/pull/'.length).replace(/\/merge$/, ''), spec), false, spec);
      }
      return;
  }
}

function procEdge(b: VersionBuilder, ctx: GitContext, spec: TagSpec, defaultBranch: string | undefined): void {
  if (!ctx.ref.startsWith('refs/heads/')) return;
  const branch = spec.attrs.branch || defaultBranch;
  if (branch === undefined) {
    b.warn(`tags: the default branch is unknown, so "${spec.source}" has no branch to compare; give branch=`);
    return;
  }
  if (branch !== ctx.ref.slice('refs/heads/'.length)) return;
  b.add(b.affix('edge', spec), false, spec);
}

/** Computes the version from rules already ordered by priority. */
export function computeVersion(specs: readonly TagSpec[], env: VersionEnv): Version {
  const b = new VersionBuilder(env);
  const { ctx } = env;
  for (const spec of specs) {
    const enabled = b.exp(spec.attrs.enable ?? 'true');
    if (enabled !== 'true' && enabled !== 'false') {
      throw new UserError(`tags: enable must be true or false, not "${enabled}", in "${spec.source}"`, { input: 'tags' });
    }
    if (enabled === 'false') continue;
    switch (spec.type) {
      case 'schedule':
        if (/schedule/.test(ctx.eventName)) {
          const value = renderPattern(spec.attrs.pattern!, scheduleScope(env), spec, env.warnings);
          b.add(b.affix(value, spec), false, spec);
        }
        break;
      case 'semver':
        procSemver(b, ctx, spec);
        break;
      case 'pep440':
        procPep440(b, ctx, spec);
        break;
      case 'match':
        procMatch(b, ctx, spec);
        break;
      case 'ref':
        procRef(b, ctx, spec);
        break;
      case 'edge':
        procEdge(b, ctx, spec, env.defaultBranch);
        break;
      case 'raw':
        b.add(b.affix(b.exp(spec.attrs.value!), spec), false, spec);
        break;
      case 'sha':
        if (ctx.sha) {
          const sha = spec.attrs.format === 'long' ? ctx.sha : shortSha(ctx.sha, env.shortShaLength);
          b.add(b.affix(sha, spec), false, spec);
        }
        break;
    }
  }
  return { main: b.state.main, partial: b.state.partial, latest: b.state.latest ?? false };
}
