/**
 * PEP 440 (Python) versions: validity, the normalised form, and the parts the
 * `type=pep440` patterns use. Written from the specification
 * (https://peps.python.org/pep-0440/#normalization).
 */

export interface Pep440Version {
  epoch: string;
  release: string[];
  pre?: { label: 'a' | 'b' | 'rc'; number: string };
  post?: string;
  dev?: string;
  local?: string[];
}

const PATTERN = new RegExp(
  [
    '^\\s*v?',
    '(?:(?<epoch>\\d+)!)?',
    '(?<release>\\d+(?:\\.\\d+)*)',
    '(?:[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>\\d+)?)?',
    '(?:-(?<postN1>\\d+)|[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>\\d+)?)?',
    '(?:[-_.]?(?<devL>dev)[-_.]?(?<devN>\\d+)?)?',
    '(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?',
    '\\s*$',
  ].join(''),
  'i',
);

/** Strips leading zeros from a digit string ("007" → "7", "0" → "0"). */
function int(digits: string): string {
  return digits.replace(/^0+(?=\d)/, '');
}

function preLabel(label: string): 'a' | 'b' | 'rc' {
  switch (label.toLowerCase()) {
    case 'a':
    case 'alpha':
      return 'a';
    case 'b':
    case 'beta':
      return 'b';
    default:
      return 'rc'; // c, rc, pre, preview
  }
}

/** Parses a PEP 440 version; undefined when it does not conform. */
export function parsePep440(input: string): Pep440Version | undefined {
  const m = PATTERN.exec(input);
  if (!m || !m.groups) return undefined;
  const g = m.groups;
  const version: Pep440Version = {
    epoch: int(g.epoch ?? '0'),
    release: g.release!.split('.').map(int),
  };
  if (g.preL) version.pre = { label: preLabel(g.preL), number: int(g.preN ?? '0') };
  if (g.postN1 !== undefined) version.post = int(g.postN1);
  else if (g.postL) version.post = int(g.postN2 ?? '0');
  if (g.devL) version.dev = int(g.devN ?? '0');
  if (g.local) version.local = g.local.toLowerCase().split(/[-_.]/).map((s) => (/^\d+$/.test(s) ? int(s) : s));
  return version;
}

export function isValidPep440(input: string): boolean {
  return parsePep440(input) !== undefined;
}

/** The normalised form: `1.0dev4` → `1.0.dev4`, `v1.1beta2` → `1.1b2`, `1.2-1` → `1.2.post1`. */
export function formatPep440(v: Pep440Version, localSeparator = '.'): string {
  let out = v.epoch !== '0' ? `${v.epoch}!` : '';
  out += v.release.join('.');
  if (v.pre) out += `${v.pre.label}${v.pre.number}`;
  if (v.post !== undefined) out += `.post${v.post}`;
  if (v.dev !== undefined) out += `.dev${v.dev}`;
  if (v.local) out += `+${v.local.join(localSeparator)}`;
  return out;
}

/**
 * The version as metadata-action writes it into a tag: normalised, except that its PEP 440
 * library joins the segments of a local version with commas (`1.0+ubuntu,1`), which tag
 * sanitising then turns into `-`. Tags keep metadata-action's names.
 */
export function metadataActionPep440(v: Pep440Version): string {
  return formatPep440(v, ',');
}

/** Normalises a version string; throws when it is not PEP 440. */
export function normalizePep440(input: string): string {
  const v = parsePep440(input);
  if (!v) throw new Error(`${input} is not a PEP 440 version`);
  return formatPep440(v);
}

/** A pre-, post- or dev-release: such versions only get their full version as a tag. */
export function isUnstablePep440(v: Pep440Version): boolean {
  return v.pre !== undefined || v.post !== undefined || v.dev !== undefined;
}

export function pep440Major(v: Pep440Version): string {
  return v.release[0]!;
}

export function pep440Minor(v: Pep440Version): string {
  return v.release[1] ?? '0';
}

export function pep440Patch(v: Pep440Version): string {
  return v.release[2] ?? '0';
}
