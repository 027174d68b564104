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
import { UserError } from '../common/errors.ts';
import { cleanPath, goTrimSpace, PatternError } from './go-syntax.ts';
import { checkGlobSyntax, compilePattern, type IgnorePattern } from './pattern.ts';

export type { IgnorePattern, PatternKind } from './pattern.ts';

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
    let compiled: IgnorePattern;
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
