/**
 * The `{{…}}` expression language of metadata-action's patterns, values,
 * prefixes, suffixes, `enable` and labels: a small subset of Handlebars,
 * written here so that the same text renders the same way.
 *
 * Supported: text, `{{name}}`, `{{name arg… key=value…}}` (string, number,
 * boolean and path arguments), `{{{name}}}` and `{{&name}}` (no escaping),
 * comments `{{! … }}` / `{{!-- … --}}`, `\{{` for a literal `{{`, and the `~`
 * whitespace-control marks. Like Handlebars, `{{…}}` output is HTML-escaped,
 * a name that resolves to nothing renders as an empty string, and a name used
 * with arguments must be a helper. Block expressions (`{{#if}}`…) are not
 * supported and are reported as errors.
 */

export type Param =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'path'; parts: string[] };

export interface Mustache {
  kind: 'mustache';
  parts: string[];
  params: Param[];
  hash: Record<string, Param>;
  escape: boolean;
}

export type Node = { kind: 'text'; value: string } | Mustache;

/** A helper: called with its positional arguments and its `key=value` pairs. */
export type Helper = (params: unknown[], hash: Record<string, unknown>) => unknown;

export type Scope = Record<string, unknown>;

const ID = /^[^\s!"#%&'()*+,./;<=>@[\\\]^`{|}~]+/;
const NUMBER = /^-?\d+(?:\.\d+)?(?=[\s}~)]|$)/;

/** Parses a template. Throws an Error with a readable message on bad syntax. */
export function parseTemplate(source: string): Node[] {
  const nodes: Node[] = [];
  let text = '';
  let trimNextText = false;
  let i = 0;
  const flushText = (trimEnd: boolean) => {
    let value = text;
    if (trimEnd) value = value.replace(/\s+$/, '');
    if (value !== '') nodes.push({ kind: 'text', value });
    text = '';
  };
  while (i < source.length) {
    if (source.startsWith('\\{{', i)) {
      text += '{{';
      i += 3;
      continue;
    }
    if (!source.startsWith('{{', i)) {
      const ch = source[i]!;
      if (trimNextText && /\s/.test(ch)) {
        i++;
        continue;
      }
      trimNextText = false;
      text += ch;
      i++;
      continue;
    }
    trimNextText = false;
    // a mustache
    let start = i + 2;
    let triple = false;
    if (source[start] === '{') {
      triple = true;
      start++;
    }
    const close = triple ? '}}}' : '}}';
    if (source.startsWith('!--', start + (source[start] === '~' ? 1 : 0))) {
      const end = source.indexOf('--', start + 3);
      const endClose = end < 0 ? -1 : source.indexOf('}}', end);
      if (endClose < 0) throw new Error(`unclosed comment in "${source}"`);
      i = endClose + 2;
      continue;
    }
    const end = source.indexOf(close, start);
    if (end < 0) throw new Error(`missing "${close}" in "${source}"`);
    let inner = source.slice(start, end);
    i = end + close.length;
    let trimBefore = false;
    if (inner.startsWith('~')) {
      trimBefore = true;
      inner = inner.slice(1);
    }
    if (inner.endsWith('~')) {
      trimNextText = true;
      inner = inner.slice(0, -1);
    }
    flushText(trimBefore);
    if (inner.trimStart().startsWith('!')) continue; // comment
    let escape = !triple;
    let body = inner.trim();
    if (body.startsWith('&')) {
      escape = false;
      body = body.slice(1).trim();
    }
    if (/^[#/^>]/.test(body) || /^else\b/.test(body)) {
      throw new Error(`block expressions such as "{{${body}}}" are not supported`);
    }
    nodes.push(parseMustache(body, escape, source));
  }
  flushText(false);
  return nodes;
}

function parseMustache(body: string, escape: boolean, source: string): Mustache {
  let rest = body;
  const next = (): Param | undefined => {
    rest = rest.trimStart();
    if (rest === '') return undefined;
    const quote = rest[0];
    if (quote === "'" || quote === '"') {
      let value = '';
      let j = 1;
      for (; j < rest.length; j++) {
        const ch = rest[j]!;
        if (ch === '\\' && rest[j + 1] === quote) {
          value += quote;
          j++;
        } else if (ch === quote) {
          break;
        } else {
          value += ch;
        }
      }
      if (j >= rest.length) throw new Error(`unterminated string in "${source}"`);
      rest = rest.slice(j + 1);
      return { kind: 'string', value };
    }
    const num = NUMBER.exec(rest);
    if (num) {
      rest = rest.slice(num[0].length);
      return { kind: 'number', value: Number(num[0]) };
    }
    const path = readPath();
    if (path.length === 1 && (path[0] === 'true' || path[0] === 'false')) {
      return { kind: 'boolean', value: path[0] === 'true' };
    }
    if (path.length === 1 && (path[0] === 'null' || path[0] === 'undefined')) return { kind: 'null' };
    return { kind: 'path', parts: path };
  };
  const readPath = (): string[] => {
    const parts: string[] = [];
    for (;;) {
      const m = ID.exec(rest);
      if (!m) throw new Error(`unexpected "${rest[0]}" in "{{${body}}}" of "${source}"`);
      parts.push(m[0]);
      rest = rest.slice(m[0].length);
      if ((rest[0] === '.' || rest[0] === '/') && ID.test(rest.slice(1))) {
        rest = rest.slice(1);
        continue;
      }
      return parts;
    }
  };
  rest = rest.trimStart();
  if (rest === '') throw new Error(`empty expression "{{}}" in "${source}"`);
  const parts = readPath();
  const params: Param[] = [];
  const hash: Record<string, Param> = {};
  for (;;) {
    rest = rest.trimStart();
    if (rest === '') break;
    const key = /^([^\s!"#%&'()*+,./;<=>@[\\\]^`{|}~]+)=/.exec(rest);
    if (key) {
      rest = rest.slice(key[0].length);
      const value = next();
      if (!value) throw new Error(`missing value for "${key[1]}" in "{{${body}}}"`);
      hash[key[1]!] = value;
      continue;
    }
    if (Object.keys(hash).length > 0) {
      throw new Error(`positional argument after key=value in "{{${body}}}"`);
    }
    const param = next();
    if (param) params.push(param);
  }
  return { kind: 'mustache', parts, params, hash, escape };
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
  '=': '&#x3D;',
};

/** Handlebars' HTML escaping of `{{…}}` output. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`=]/g, (ch) => ESCAPES[ch]!);
}

function lookup(scope: Scope, parts: string[]): unknown {
  let value: unknown = scope;
  for (const part of parts) {
    if (part === 'this' && value === scope) continue;
    if (value === null || value === undefined) return undefined;
    if (typeof value !== 'object' && typeof value !== 'function') return undefined;
    value = Object.prototype.hasOwnProperty.call(value, part)
      ? (value as Record<string, unknown>)[part]
      : undefined;
  }
  return value;
}

function paramValue(scope: Scope, param: Param): unknown {
  switch (param.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return param.value;
    case 'null':
      return undefined;
    case 'path': {
      const value = lookup(scope, param.parts);
      return typeof value === 'function' ? (value as Helper)([], {}) : value;
    }
  }
}

function stringify(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => (v === null || v === undefined ? '' : String(v))).join(',');
  return String(value);
}

/**
 * Renders a parsed template against a scope of values and helpers. A name the scope
 * does not have renders as nothing, as in Handlebars; `onUnknown` hears of it.
 */
export function renderNodes(nodes: Node[], scope: Scope, onUnknown?: (name: string) => void): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') {
      out += node.value;
      continue;
    }
    const target = lookup(scope, node.parts);
    let value: unknown;
    if (typeof target === 'function') {
      const params = node.params.map((p) => paramValue(scope, p));
      const hash: Record<string, unknown> = {};
      for (const [k, p] of Object.entries(node.hash)) hash[k] = paramValue(scope, p);
      value = (target as Helper)(params, hash);
    } else if (node.params.length > 0 || Object.keys(node.hash).length > 0) {
      throw new Error(`unknown expression "${node.parts.join('.')}"`);
    } else {
      value = target;
      if (value === undefined && !Object.prototype.hasOwnProperty.call(scope, node.parts[0] === 'this' ? node.parts[1] ?? '' : node.parts[0]!)) onUnknown?.(node.parts.join('.'));
    }
    const text = stringify(value);
    out += node.escape ? escapeHtml(text) : text;
  }
  return out;
}

/** Parses and renders in one step. */
export function render(source: string, scope: Scope, onUnknown?: (name: string) => void): string {
  if (!source.includes('{{')) return source.replace(/\\\{\{/g, '{{');
  return renderNodes(parseTemplate(source), scope, onUnknown);
}

/** True when the pattern is exactly one `{{raw}}` expression (spaces allowed). */
export function isRawStatement(pattern: string): boolean {
  let nodes: Node[];
  try {
    nodes = parseTemplate(pattern);
  } catch {
    return false;
  }
  const only = nodes[0];
  return nodes.length === 1 && only !== undefined && only.kind === 'mustache' && only.parts.length === 1 && only.parts[0] === 'raw';
}
