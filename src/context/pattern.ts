// One .dockerignore pattern → a matcher, the way moby/patternmatcher builds
// it: Go filepath.Match's syntax check, then the choice of an exact, prefix,
// suffix or regular-expression matcher (see ignore.ts for the rules).
import { goRegexpToJs } from './go-syntax.ts';

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
 * The syntax check of Go's filepath.Match (which patternmatcher.New runs on
 * every pattern). Returns an error message, or null when well formed.
 */
export function checkGlobSyntax(p: string): string | null {
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

/** A cleaned pattern (no `!`) → its matcher; throws PatternError (go-syntax.ts) for a bad regexp. */
export function compilePattern(p: string, exclusion: boolean, line: number): IgnorePattern {
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
