/**
 * The `tags` input: one tag rule a line, `type=<type>,<attr>=<value>,…`
 * (a line without `type=` is `type=raw` and a bare field is its `value`).
 * Rules are ordered by `priority`, highest first; equal priorities keep
 * their input order.
 */
import { UserError } from '../common/errors.ts';
import { inputLines, splitFields, splitKeyValue } from './list.ts';

export const TAG_TYPES = ['schedule', 'semver', 'pep440', 'match', 'edge', 'ref', 'raw', 'sha'] as const;
export type TagType = (typeof TAG_TYPES)[number];

export const DEFAULT_PRIORITIES: Readonly<Record<TagType, number>> = {
  schedule: 1000,
  semver: 900,
  pep440: 900,
  match: 800,
  edge: 700,
  ref: 600,
  raw: 200,
  sha: 100,
};

/** metadata-action's rules when `tags` is empty. */
export const METADATA_ACTION_DEFAULT_TAGS: readonly string[] = [
  'type=schedule',
  'type=ref,event=branch',
  'type=ref,event=tag',
  'type=ref,event=pr',
];

/** image-build's rules when `tags` is empty. */
export const IMAGE_BUILD_DEFAULT_TAGS: readonly string[] = [
  'type=semver,pattern={{version}}',
  'type=semver,pattern={{major}}.{{minor}}',
  'type=semver,pattern={{major}}',
  'type=ref,event=branch',
  'type=ref,event=pr',
  'type=sha',
];

const COMMON_ATTRS = ['type', 'enable', 'priority', 'prefix', 'suffix', 'value'];
const TYPE_ATTRS: Record<TagType, string[]> = {
  schedule: ['pattern'],
  semver: ['pattern', 'match'],
  pep440: ['pattern', 'match'],
  match: ['pattern', 'group'],
  edge: ['branch'],
  ref: ['event'],
  raw: [],
  sha: ['format'],
};

export interface TagSpec {
  type: TagType;
  /**
   * The attributes as written, plus the defaults metadata-action fills in
   * (`pattern=nightly` for schedule, `prefix=pr-` for ref pr, `prefix=sha-`
   * and `format=short` for sha, `group=0`, `value=`, `branch=`, `enable=true`).
   * Whether `prefix`/`suffix` is present matters: a present one, even empty,
   * replaces the flavor's.
   */
  attrs: Record<string, string>;
  priority: number;
  /** The input line, for messages. */
  source: string;
}

function fail(message: string): never {
  throw new UserError(`tags: ${message}`, { input: 'tags' });
}

function has(attrs: Record<string, string>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(attrs, key);
}

/** Parses one rule. Unknown attributes are kept and reported in `warnings`. */
export function parseTagSpec(line: string, warnings: string[] = []): TagSpec {
  let fields: string[];
  try {
    fields = splitFields(line);
  } catch (error) {
    fail((error as Error).message);
  }
  const attrs: Record<string, string> = {};
  let type: TagType = 'raw';
  for (const field of fields) {
    const { key, value } = splitKeyValue(field);
    if (key === undefined) {
      attrs.value = value;
    } else if (key === 'type') {
      if (!(TAG_TYPES as readonly string[]).includes(value)) {
        fail(`unknown type "${value}" in "${line}" (allowed: ${TAG_TYPES.join(', ')})`);
      }
      type = value as TagType;
    } else {
      attrs[key] = value;
    }
  }
  switch (type) {
    case 'schedule':
      if (!has(attrs, 'pattern')) attrs.pattern = 'nightly';
      break;
    case 'semver':
    case 'pep440':
      if (!has(attrs, 'pattern')) fail(`type=${type} needs a pattern, e.g. pattern={{version}}, in "${line}"`);
      if (!has(attrs, 'value')) attrs.value = '';
      break;
    case 'match':
      if (!has(attrs, 'pattern')) fail(`type=match needs a pattern (a regular expression) in "${line}"`);
      if (!has(attrs, 'group')) attrs.group = '0';
      if (!/^\d+$/.test(attrs.group!)) fail(`group must be a number, not "${attrs.group}", in "${line}"`);
      if (!has(attrs, 'value')) attrs.value = '';
      try {
        matchRegExp(attrs.pattern!);
      } catch (error) {
        fail(`invalid pattern in "${line}": ${(error as Error).message}`);
      }
      break;
    case 'edge':
      if (!has(attrs, 'branch')) attrs.branch = '';
      break;
    case 'ref':
      if (!has(attrs, 'event')) fail(`type=ref needs event=branch, event=tag or event=pr in "${line}"`);
      if (!['branch', 'tag', 'pr'].includes(attrs.event!)) {
        fail(`event must be branch, tag or pr, not "${attrs.event}", in "${line}"`);
      }
      if (attrs.event === 'pr' && !has(attrs, 'prefix')) attrs.prefix = 'pr-';
      break;
    case 'raw':
      if (!has(attrs, 'value')) fail(`type=raw needs a value in "${line}"`);
      break;
    case 'sha':
      if (!has(attrs, 'prefix')) attrs.prefix = 'sha-';
      if (!has(attrs, 'format')) attrs.format = 'short';
      if (attrs.format !== 'short' && attrs.format !== 'long') {
        fail(`format must be short or long, not "${attrs.format}", in "${line}"`);
      }
      break;
  }
  if ((type === 'semver' || type === 'pep440') && has(attrs, 'match') && attrs.match !== '') {
    try {
      matchRegExp(attrs.match!);
    } catch (error) {
      fail(`invalid match in "${line}": ${(error as Error).message}`);
    }
  }
  if (!has(attrs, 'enable')) attrs.enable = 'true';
  let priority = DEFAULT_PRIORITIES[type];
  if (has(attrs, 'priority')) {
    if (!/^-?\d+$/.test(attrs.priority!)) fail(`priority must be a whole number, not "${attrs.priority}", in "${line}"`);
    priority = Number(attrs.priority);
    delete attrs.priority;
  }
  const known = [...COMMON_ATTRS, ...TYPE_ATTRS[type]];
  for (const key of Object.keys(attrs)) {
    if (!known.includes(key)) warnings.push(`tags: attribute "${key}" is not used by type=${type} ("${line}")`);
  }
  return { type, attrs, priority, source: line };
}

/**
 * Parses the `tags` input (or `defaults` when it has no rules) and orders the
 * rules by priority, highest first, stably.
 */
export function parseTags(input: string, defaults: readonly string[] = IMAGE_BUILD_DEFAULT_TAGS, warnings: string[] = []): TagSpec[] {
  let lines = inputLines(input);
  if (lines.length === 0) lines = [...defaults];
  const specs = lines.map((line) => parseTagSpec(line, warnings));
  return specs
    .map((spec, index) => ({ spec, index }))
    .sort((a, b) => b.spec.priority - a.spec.priority || a.index - b.index)
    .map(({ spec }) => spec);
}

/**
 * The regular expression of a `match` pattern: `/body/flags` is a literal
 * with flags, anything else is the body of an expression without flags.
 */
export function matchRegExp(pattern: string): RegExp {
  const literal = /^\/(.+)\/(.*)$/.exec(pattern);
  return literal ? new RegExp(literal[1]!, literal[2]) : new RegExp(pattern);
}
