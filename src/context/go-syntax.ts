// Go's string, path and RE2 regexp rules, as Docker's ignore-file code relies
// on them: TrimSpace, path.Clean, and the translation of the regular
// expressions patternmatcher builds into JavaScript RegExps with the same meaning.

/** A pattern Go would refuse; the ignore-file reader turns it into an error at file:line. */
export class PatternError extends Error {}

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
