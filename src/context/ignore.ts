// Docker's .dockerignore rules, ported (not copied) from the behaviour of
// moby/patternmatcher (ignorefile.ReadAll + patternmatcher.New) and of the
// way BuildKit's fsutil walks a context with it:
//
// - `#` starts a comment only in column 1; other lines are trimmed of
//   surrounding white space; empty lines are skipped; a UTF-8 BOM is dropped.
// - `!` makes an exception (re-include); `! foo` is `!foo`; a lone `!` is an error.
// - Patterns are cleaned like Go's `path.Clean` (so `./a`, `a/`, `a//b`,
//   `a/../b` work) and a leading `/` is dropped.
// - A pattern becomes one of four matchers, exactly as patternmatcher picks
//   them: an exact string, a prefix (`foo**`, `foo/**`), a suffix (`**foo`,
//   `**/foo`), or a regular expression built by the same translation
//   (`*` → `[^/]*`, `?` → `[^/]`, `**/` → `(.*/)?`, `[`/`]`/`^` and `\x`
//   passed to the regexp engine) and interpreted with Go RE2 rules.
// - Last matching pattern wins; a directory's matches are inherited by
//   everything below it (so `dir` excludes `dir/a/b`, and `!dir/a/b` can
//   re-include a child of an excluded `dir`).
// - Matching is case-sensitive.
// - The pattern syntax is checked like Go's `filepath.Match` does (unclosed
//   or empty character classes, a trailing `\`) and like Go's regexp compiler
//   (bad ranges, unknown escapes); a bad pattern is a UserError at file:line.
import { UserError } from '../errors.ts';

export type PatternKind = 'exact' | 'prefix' | 'suffix' | 'regexp';

export interface IgnorePattern {
  /** The pattern after cleaning, without its `!`. */
  readonly pattern: string;
  /** True for an exception (`!pattern`): a match re-includes the path. */
  readonly exclusion: boolean;
  /** 1-based line in the ignore file (0 when not from a file). */
  readonly line: number;
  readonly kind: PatternKind;
  /** Does this pattern match the slash-separated relative path itself? */
  test(path: string): boolean;
  /**
   * Could this pattern match some path that starts with `dirSlash`
   * (a directory path ending in `/`)? Conservative: true when unsure.
   */
  mayMatchBelow(dirSlash: string): boolean;
}

/**
 * Per-pattern match flags of a directory, handed down to its entries (the
 * equivalent of patternmatcher's MatchInfo): a child inherits every pattern
 * its parent matched.
 */
export type MatchState = Uint8Array;

export interface MatchResult {
  /** True when the path is excluded from the context. */
  excluded: boolean;
  /** Flags to pass as `parent` when matching this path's entries (directories). */
  state: MatchState;
}

export class IgnoreMatcher {
  readonly patterns: readonly IgnorePattern[];
  /** True when some pattern is an exception (`!`). */
  readonly hasExceptions: boolean;
  private readonly exceptions: readonly IgnorePattern[];

  constructor(patterns: readonly IgnorePattern[]) {
    this.patterns = patterns;
    this.exceptions = patterns.filter((p) => p.exclusion);
    this.hasExceptions = this.exceptions.length > 0;
  }

  get empty(): boolean {
    return this.patterns.length === 0;
  }

  /**
   * Match `path` (relative, `/`-separated, no leading `/`) given the state of
   * its parent directory (`null` for entries of the context root, or when
   * the parent state is unknown: then every ancestor is tested directly).
   */
  match(path: string, parent: MatchState | null): MatchResult {
    const pats = this.patterns;
    const state = new Uint8Array(pats.length);
    let matched = false;
    for (let i = 0; i < pats.length; i++) {
      const p = pats[i]!;
      let m = parent !== null && parent[i] === 1;
      if (!m) {
        // Only evaluate what can change the outcome: an exclude pattern
        // while not excluded, an exception while excluded.
        if (p.exclusion !== matched) continue;
        m = p.test(path);
        if (!m && parent === null) {
          let slash = path.indexOf('/');
          while (slash !== -1 && !m) {
            m = p.test(path.slice(0, slash));
            slash = path.indexOf('/', slash + 1);
          }
        }
      }
      if (m) {
        state[i] = 1;
        matched = !p.exclusion;
      }
    }
    return { excluded: matched, state };
  }

  /** Is `path` excluded? (Tests ancestors directly; for one-off checks.) */
  excludes(path: string): boolean {
    return this.match(path, null).excluded;
  }

  /**
   * May the walk skip the excluded directory `dir` entirely? True when no
   * exception pattern could re-include anything below it. (A child of an
   * excluded directory inherits the exclusion, so only an exception that
   * matches a deeper path directly can bring something back.)
   */
  canSkipExcludedDir(dir: string): boolean {
    if (!this.hasExceptions) return true;
    const dirSlash = dir + '/';
    for (const p of this.exceptions) {
      if (p.mayMatchBelow(dirSlash)) return false;
    }
    return true;
  }
}

/** Parse .dockerignore text into a matcher. `file` is used in error messages. */
export function parseIgnoreFile(text: string, file?: string): IgnoreMatcher {
  return compilePatterns(readIgnoreLines(text), file);
}

/** Compile patterns as Docker would receive them (`!` prefix for exceptions). */
export function compileIgnorePatterns(patterns: readonly string[], file?: string): IgnoreMatcher {
  return compilePatterns(
    patterns.map((text, i) => ({ text, line: file ? i + 1 : 0 })),
    file,
  );
}

interface RawPattern {
  text: string;
  line: number;
}

/** ignorefile.ReadAll: the lines that are patterns, normalised. */
export function readIgnoreLines(text: string): RawPattern[] {
  const out: RawPattern[] = [];
  const lines = text.split('\n');
  // A final newline does not start another line.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n]!;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (n === 0 && line.startsWith('\uFEFF')) line = line.slice(1);
    if (line.startsWith('#')) continue;
    let pattern = goTrimSpace(line);
    if (pattern === '') continue;
    const invert = pattern[0] === '!';
    if (invert) pattern = goTrimSpace(pattern.slice(1));
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern[0] === '/') pattern = pattern.slice(1);
    }
    if (invert) pattern = '!' + pattern;
    out.push({ text: pattern, line: n + 1 });
  }
  return out;
}

function compilePatterns(raw: readonly RawPattern[], file?: string): IgnoreMatcher {
  const patterns: IgnorePattern[] = [];
  for (const { text, line } of raw) {
    const where = { file, line: line > 0 ? line : undefined };
    const at = file ? ` (${file}${line > 0 ? `:${line}` : ''})` : '';
    let p = goTrimSpace(text);
    if (p === '') continue;
    p = cleanPath(p);
    let exclusion = false;
    if (p[0] === '!') {
      if (p.length === 1) {
        throw new UserError(`illegal exclusion pattern: "!"${at}`, where);
      }
      exclusion = true;
      p = p.slice(1);
    }
    const syntax = checkGlobSyntax(p);
    if (syntax) throw new UserError(`bad pattern "${text}": ${syntax}${at}`, where);
    let compiled: CompiledPattern;
    try {
      compiled = compilePattern(p, exclusion, line);
    } catch (error) {
      if (error instanceof PatternError) {
        throw new UserError(`bad pattern "${text}": ${error.message}${at}`, where);
      }
      throw error;
    }
    patterns.push(compiled);
  }
  return new IgnoreMatcher(patterns);
}

class PatternError extends Error {}

// ---------------------------------------------------------------------------
// Go helpers

/** unicode.IsSpace, the set Go's strings.TrimSpace trims. */
function isGoSpace(c: number): boolean {
  if (c <= 0xff) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0;
  return (
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

export function goTrimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isGoSpace(s.charCodeAt(start))) start++;
  while (end > start && isGoSpace(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
}

/** Go's path.Clean. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p[0] === '/';
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const joined = out.join('/');
  if (rooted) return '/' + joined;
  return joined === '' ? '.' : joined;
}

/**
 * The syntax check of Go's filepath.Match (which patternmatcher.New runs on
 * every pattern). Returns an error message, or null when well formed.
 */
function checkGlobSyntax(p: string): string | null {
  const cps = Array.from(p);
  let i = 0;
  const n = cps.length;
  // getEsc: one class character (possibly escaped); must be followed by more.
  const getEsc = (): string | null => {
    if (i >= n || cps[i] === '-' || cps[i] === ']') return 'syntax error in pattern';
    if (cps[i] === '\\') {
      i++;
      if (i >= n) return 'syntax error in pattern';
    }
    i++;
    if (i >= n) return 'syntax error in pattern';
    return null;
  };
  while (i < n) {
    const c = cps[i]!;
    if (c === '[') {
      i++;
      if (i < n && cps[i] === '^') i++;
      let nrange = 0;
      for (;;) {
        if (i < n && cps[i] === ']' && nrange > 0) {
          i++;
          break;
        }
        const e1 = getEsc();
        if (e1) return e1;
        if (cps[i] === '-') {
          i++;
          const e2 = getEsc();
          if (e2) return e2;
        }
        nrange++;
      }
    } else if (c === '\\') {
      i++;
      if (i >= n) return 'syntax error in pattern';
      i++;
    } else {
      i++;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// Pattern compilation (patternmatcher's translation to a Go regexp)

type Token =
  | { t: 'lit'; c: string }
  | { t: 'seg' } // [^/]*
  | { t: 'one' } // [^/]
  | { t: 'dss' } // (.*/)?
  | { t: 'any' }; // .*

interface CompiledPattern extends IgnorePattern {}

function compilePattern(p: string, exclusion: boolean, line: number): CompiledPattern {
  const cps = Array.from(p);
  let re = '^';
  let kind: PatternKind = 'exact';
  const tokens: Token[] = [];
  // True when the regexp uses something the prefix analysis does not model
  // (character classes, `^`, letter escapes): then assume it may match.
  let complex = false;
  let k = 0;
  for (let i = 0; k < cps.length; i++) {
    const ch = cps[k++]!;
    if (ch === '*') {
      if (cps[k] === '*') {
        k++;
        if (cps[k] === '/') k++;
        if (k >= cps.length) {
          if (kind === 'exact') {
            kind = 'prefix';
          } else {
            re += '.*';
            kind = 'regexp';
          }
          tokens.push({ t: 'any' });
        } else {
          re += '(.*/)?';
          kind = 'regexp';
          tokens.push({ t: 'dss' });
        }
        if (i === 0) kind = 'suffix';
      } else {
        re += '[^/]*';
        kind = 'regexp';
        tokens.push({ t: 'seg' });
      }
    } else if (ch === '?') {
      re += '[^/]';
      kind = 'regexp';
      tokens.push({ t: 'one' });
    } else if ('.+()|{}$'.includes(ch)) {
      re += '\\' + ch;
      tokens.push({ t: 'lit', c: ch });
    } else if (ch === '\\') {
      if (k < cps.length) {
        const next = cps[k++]!;
        re += '\\' + next;
        kind = 'regexp';
        if (isAsciiPunct(next)) tokens.push({ t: 'lit', c: next });
        else complex = true;
      } else {
        re += '\\';
        tokens.push({ t: 'lit', c: '\\' });
      }
    } else if (ch === '[' || ch === ']') {
      re += ch;
      kind = 'regexp';
      if (ch === '[') complex = true;
      tokens.push({ t: 'lit', c: ch });
    } else {
      re += ch;
      if (ch === '^') complex = true;
      tokens.push({ t: 'lit', c: ch });
    }
  }

  const base = { pattern: p, exclusion, line, kind };
  switch (kind) {
    case 'exact':
      return {
        ...base,
        test: (path) => path === p,
        mayMatchBelow: (dirSlash) => p.startsWith(dirSlash),
      };
    case 'prefix': {
      const prefix = p.slice(0, -2);
      return {
        ...base,
        test: (path) => path.startsWith(prefix),
        mayMatchBelow: (dirSlash) => prefix.startsWith(dirSlash) || dirSlash.startsWith(prefix),
      };
    }
    case 'suffix': {
      const suffix = p.slice(2);
      const bare = suffix[0] === '/' ? suffix.slice(1) : null;
      return {
        ...base,
        test: (path) => path.endsWith(suffix) || path === bare,
        mayMatchBelow: () => true,
      };
    }
    case 'regexp': {
      re += '$';
      const regexp = goRegexpToJs(re);
      return {
        ...base,
        test: (path) => regexp.test(path),
        mayMatchBelow: complex ? () => true : (dirSlash) => tokensMayMatchBelow(tokens, dirSlash),
      };
    }
  }
}

function isAsciiPunct(c: string): boolean {
  const code = c.codePointAt(0)!;
  return code < 0x80 && !/[0-9A-Za-z]/.test(c);
}

/**
 * Can the token sequence (an anchored glob) match some string that starts
 * with `prefix` and has at least one more character? NFA simulation.
 */
function tokensMayMatchBelow(tokens: readonly Token[], prefix: string): boolean {
  const n = tokens.length;
  // State: position p (0..n) or inner state of a `dss` at p (encoded as -(p+1)).
  const close = (states: Set<number>): Set<number> => {
    const stack = [...states];
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (s < 0 || s >= n) continue;
      const tok = tokens[s]!;
      const add = (x: number) => {
        if (!states.has(x)) {
          states.add(x);
          stack.push(x);
        }
      };
      if (tok.t === 'seg' || tok.t === 'any') add(s + 1);
      else if (tok.t === 'dss') {
        add(s + 1);
        add(-(s + 1));
      }
    }
    return states;
  };
  let states = close(new Set([0]));
  for (const c of prefix) {
    const next = new Set<number>();
    for (const s of states) {
      if (s < 0) {
        const p = -s - 1;
        next.add(s);
        if (c === '/') next.add(p + 1);
        continue;
      }
      if (s >= n) continue;
      const tok = tokens[s]!;
      switch (tok.t) {
        case 'lit':
          if (tok.c === c) next.add(s + 1);
          break;
        case 'seg':
          if (c !== '/') next.add(s);
          break;
        case 'one':
          if (c !== '/') next.add(s + 1);
          break;
        case 'any':
          next.add(s);
          break;
        case 'dss':
          break; // handled by its inner state and by the closure
      }
    }
    states = close(next);
    if (states.size === 0) return false;
  }
  for (const s of states) if (s < n) return true;
  return false;
}

// ---------------------------------------------------------------------------
// Go RE2 (the subset patternmatcher produces) to a JavaScript RegExp

const MAX_RUNE = 0x10ffff;
type Range = [number, number];

const PERL_CLASSES: Record<string, Range[]> = {
  d: [[0x30, 0x39]],
  s: [
    [0x09, 0x0a],
    [0x0c, 0x0d],
    [0x20, 0x20],
  ],
  w: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x5f, 0x5f],
    [0x61, 0x7a],
  ],
};

const POSIX_CLASSES: Record<string, Range[]> = {
  alnum: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x61, 0x7a],
  ],
  alpha: [
    [0x41, 0x5a],
    [0x61, 0x7a],
  ],
  ascii: [[0x00, 0x7f]],
  blank: [
    [0x09, 0x09],
    [0x20, 0x20],
  ],
  cntrl: [
    [0x00, 0x1f],
    [0x7f, 0x7f],
  ],
  digit: [[0x30, 0x39]],
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [
    [0x21, 0x2f],
    [0x3a, 0x40],
    [0x5b, 0x60],
    [0x7b, 0x7e],
  ],
  space: [
    [0x09, 0x0d],
    [0x20, 0x20],
  ],
  upper: [[0x41, 0x5a]],
  word: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x5f, 0x5f],
    [0x61, 0x7a],
  ],
  xdigit: [
    [0x30, 0x39],
    [0x41, 0x46],
    [0x61, 0x66],
  ],
};

const UNICODE_CATEGORIES = new Set(['C', 'L', 'M', 'N', 'P', 'S', 'Z']);

function negate(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= MAX_RUNE) out.push([next, MAX_RUNE]);
  return out;
}

const cpEscape = (c: number): string => `\\u{${c.toString(16)}}`;

function literalJs(c: number): string {
  const ch = String.fromCodePoint(c);
  return /[0-9A-Za-z_]/.test(ch) || c > 0x7f ? ch : cpEscape(c);
}

function rangesJs(ranges: readonly Range[]): string {
  return ranges.map(([lo, hi]) => (lo === hi ? cpEscape(lo) : `${cpEscape(lo)}-${cpEscape(hi)}`)).join('');
}

function isAlnum(c: string): boolean {
  return /^[0-9A-Za-z]$/.test(c);
}

function unhex(c: string | undefined): number {
  return c !== undefined && /^[0-9A-Fa-f]$/.test(c) ? parseInt(c, 16) : -1;
}

/**
 * Translate a Go regexp (Perl flags, as regexp.Compile uses) into an
 * equivalent JavaScript RegExp, for the constructs that patternmatcher's
 * output can contain. Throws PatternError where Go's compiler would fail.
 */
export function goRegexpToJs(src: string): RegExp {
  const s = Array.from(src);
  let i = 0;
  let out = '';
  // What the last item was, for quantifier checks: 'none' (start, `(`,
  // assertion), 'atom', or 'quant' (a quantifier).
  let last: 'none' | 'atom' | 'quant' = 'none';
  let depth = 0;

  // Parse one escape (s[i] === '\\') that stands for a single rune; returns
  // the rune or throws.
  const parseEscapeRune = (): number => {
    i++; // backslash
    const c = s[i++];
    if (c === undefined) throw new PatternError('trailing backslash at end of expression');
    const code = c.codePointAt(0)!;
    if (code < 0x80 && !isAlnum(c)) return code;
    const octal = (d: string | undefined): boolean => d !== undefined && d >= '0' && d <= '7';
    // Octal: \0, or \1-\7 followed by another octal digit (a lone \1 is a backreference).
    if (c === '0' || (c >= '1' && c <= '7' && octal(s[i]))) {
      let r = code - 0x30;
      for (let j = 1; j < 3 && octal(s[i]); j++) r = r * 8 + (s[i++]!.codePointAt(0)! - 0x30);
      return r;
    }
    switch (c) {
      case 'x': {
        const x = unhex(s[i]);
        const y = unhex(s[i + 1]);
        if (x < 0 || y < 0) break;
        i += 2;
        return x * 16 + y;
      }
      case 'a':
        return 0x07;
      case 'f':
        return 0x0c;
      case 'n':
        return 0x0a;
      case 'r':
        return 0x0d;
      case 't':
        return 0x09;
      case 'v':
        return 0x0b;
    }
    throw new PatternError(`invalid escape sequence: \\${c}`);
  };

  // \d \s \w (and negations), or \pL / \PL: returns JS class content or null.
  const parseClassEscape = (): { ranges?: Range[]; js?: string } | null => {
    if (s[i] !== '\\') return null;
    const c = s[i + 1];
    if (c === undefined) return null;
    const lower = c.toLowerCase();
    if ((c === 'd' || c === 's' || c === 'w' || c === 'D' || c === 'S' || c === 'W') && PERL_CLASSES[lower]) {
      i += 2;
      const r = PERL_CLASSES[lower]!;
      return { ranges: c === lower ? r : negate(r) };
    }
    if (c === 'p' || c === 'P') {
      const name = s[i + 2];
      if (name === '{' || name === undefined || !UNICODE_CATEGORIES.has(name)) {
        throw new PatternError(`invalid character class range: \\${c}${name ?? ''}`);
      }
      i += 3;
      return { js: `\\${c}{${name}}` };
    }
    return null;
  };

  const parseClass = (): string => {
    i++; // [
    let negated = false;
    if (s[i] === '^') {
      negated = true;
      i++;
    }
    let body = '';
    let first = true;
    while (i >= s.length || s[i] !== ']' || first) {
      if (i >= s.length) throw new PatternError('missing closing ]');
      first = false;
      // POSIX [:name:]
      if (s[i] === '[' && s[i + 1] === ':') {
        const rest = s.slice(i + 2).join('');
        const end = rest.indexOf(':]');
        if (end >= 0) {
          let name = rest.slice(0, end);
          let neg = false;
          if (name.startsWith('^')) {
            neg = true;
            name = name.slice(1);
          }
          const r = POSIX_CLASSES[name];
          if (!r) throw new PatternError(`invalid character class range: [:${rest.slice(0, end)}:]`);
          body += rangesJs(neg ? negate(r) : r);
          i += 2 + Array.from(rest.slice(0, end)).length + 2;
          continue;
        }
      }
      const esc = parseClassEscape();
      if (esc) {
        body += esc.js ?? rangesJs(esc.ranges!);
        continue;
      }
      const classChar = (): number => {
        if (i >= s.length) throw new PatternError('missing closing ]');
        if (s[i] === '\\') return parseEscapeRune();
        return s[i++]!.codePointAt(0)!;
      };
      const lo = classChar();
      let hi = lo;
      if (i + 1 < s.length && s[i] === '-' && s[i + 1] !== ']') {
        i++;
        hi = classChar();
        if (hi < lo) throw new PatternError('invalid character class range');
      }
      body += lo === hi ? cpEscape(lo) : `${cpEscape(lo)}-${cpEscape(hi)}`;
    }
    i++; // ]
    if (body === '' && !negated) return '[]';
    return `[${negated ? '^' : ''}${body}]`;
  };

  while (i < s.length) {
    const c = s[i]!;
    switch (c) {
      case '(':
        out += '(?:';
        depth++;
        i++;
        last = 'none';
        break;
      case ')':
        if (depth === 0) throw new PatternError('unexpected )');
        out += ')';
        depth--;
        i++;
        last = 'atom';
        break;
      case '|':
        out += '|';
        i++;
        last = 'none';
        break;
      case '*':
      case '+':
      case '?': {
        if (last === 'none') throw new PatternError(`missing argument to repetition operator: ${c}`);
        if (last === 'quant') throw new PatternError(`invalid nested repetition operator: ${c}`);
        out += c;
        i++;
        if (s[i] === '?') {
          out += '?';
          i++;
        }
        last = 'quant';
        break;
      }
      case '^':
        out += '^';
        i++;
        last = 'none';
        break;
      case '$':
        out += '$';
        i++;
        last = 'none';
        break;
      case '.':
        out += '[^\\n]';
        i++;
        last = 'atom';
        break;
      case '[':
        out += parseClass();
        last = 'atom';
        break;
      case '\\': {
        const n = s[i + 1];
        if (n === 'A') {
          out += '^';
          i += 2;
          last = 'none';
          break;
        }
        if (n === 'z') {
          out += '$';
          i += 2;
          last = 'none';
          break;
        }
        if (n === 'b' || n === 'B') {
          out += '\\' + n;
          i += 2;
          last = 'none';
          break;
        }
        if (n === 'C') throw new PatternError('invalid escape sequence: \\C');
        if (n === 'Q') {
          i += 2;
          const rest = s.slice(i).join('');
          const end = rest.indexOf('\\E');
          const lit = end >= 0 ? rest.slice(0, end) : rest;
          for (const ch of lit) out += literalJs(ch.codePointAt(0)!);
          i += Array.from(lit).length + (end >= 0 ? 2 : 0);
          if (lit !== '') last = 'atom';
          break;
        }
        const esc = parseClassEscape();
        if (esc) {
          out += esc.js ?? `[${rangesJs(esc.ranges!)}]`;
          last = 'atom';
          break;
        }
        out += literalJs(parseEscapeRune());
        last = 'atom';
        break;
      }
      default:
        out += literalJs(c.codePointAt(0)!);
        i++;
        last = 'atom';
    }
  }
  if (depth !== 0) throw new PatternError('missing closing )');
  try {
    return new RegExp(out, 'u');
  } catch (error) {
    throw new PatternError(error instanceof Error ? error.message : String(error));
  }
}
