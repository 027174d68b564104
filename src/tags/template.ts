/**
 * The `{{…}}` expression language of metadata-action's patterns, values,
 * prefixes, suffixes, `enable` and labels. metadata-action renders them with
 * Handlebars, handing each render an object whose functions serve as helpers;
 * so does this module, so that the same text renders the same way: `{{#if}}`
 * blocks and subexpressions included, output HTML-escaped, a name the object
 * lacks rendered as nothing.
 */
import Handlebars from 'handlebars/dist/cjs/handlebars.js';
import type { HelperOptions } from 'handlebars';

/** A helper: called with its positional arguments and its `key=value` pairs. */
export type Helper = (params: unknown[], hash: Record<string, unknown>) => unknown;

export type Scope = Record<string, unknown>;

/** One Handlebars of our own: nothing registered on the shared instance leaks in or out. */
const handlebars = Handlebars.create();

/** The helpers Handlebars has built in: names a template may use that no scope defines. */
const BUILT_IN = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log', 'blockHelperMissing', 'helperMissing']);

/** A scope function as Handlebars calls it: the arguments, then an options object with the `key=value` pairs. */
function asHandlebarsHelper(helper: Helper) {
  return (...args: unknown[]) => {
    const options = args.pop() as HelperOptions | undefined;
    return helper(args, options?.hash ?? {});
  };
}

function handlebarsContext(scope: Scope): Scope {
  return Object.fromEntries(Object.entries(scope).map(([name, value]) => [name, typeof value === 'function' ? asHandlebarsHelper(value as Helper) : value]));
}

/** Handlebars' token names, as a user would say them. */
const TOKEN_WORDS: Record<string, string> = { EOF: 'end', CLOSE: '"}}"', CLOSE_UNESCAPED: '"}}}"', OPEN: '"{{"', EQUALS: '"="', INVALID: 'text (an unclosed string?)' };

/**
 * Handlebars' parse errors span several lines (the text, a caret, the tokens it expected):
 * one line here, in words for the common cases.
 */
function oneLine(error: unknown): Error {
  const message = String((error as Error)?.message ?? error);
  const got = /got '([^']+)'\s*$/.exec(message)?.[1];
  const expected = /Expecting ([^\n]*), got/.exec(message)?.[1] ?? '';
  const column = /\n(-*)\^/.exec(message)?.[1]?.length;
  if (got === 'EOF' && /'OPEN_ENDBLOCK'|'OPEN_INVERSE_CHAIN'/.test(expected)) return new Error('a block is not closed: missing "{{/…}}"');
  if (got === 'EOF' && /'CLOSE'/.test(expected)) return new Error('missing "}}"');
  if (got && column !== undefined) return new Error(`unexpected ${TOKEN_WORDS[got] ?? got.toLowerCase().replace(/_/g, ' ')} at column ${column + 1}`);
  return new Error(message.replace(/\s*\n\s*/g, ' ').trim());
}

type AstNode = hbs.AST.Node & { path?: hbs.AST.PathExpression; params?: hbs.AST.Expression[]; hash?: hbs.AST.Hash; program?: hbs.AST.Program; inverse?: hbs.AST.Program; body?: hbs.AST.Statement[] };

/**
 * The names a template reads from its scope that the scope does not have. Inside
 * `{{#each}}` and `{{#with}}` the scope is another object, so those bodies are not looked into.
 */
function unknownNames(program: hbs.AST.Program, scope: Scope): string[] {
  const found: string[] = [];
  const visitPath = (path: hbs.AST.PathExpression | undefined, asHelper: boolean) => {
    if (!path || path.type !== 'PathExpression' || path.data || path.parts.length === 0) return;
    const head = path.parts[0]!;
    if (asHelper && BUILT_IN.has(head)) return;
    if (!Object.prototype.hasOwnProperty.call(scope, head)) found.push(path.original);
  };
  const visit = (node: AstNode | undefined): void => {
    if (!node) return;
    if (node.type === 'Program') return node.body?.forEach((statement) => visit(statement as AstNode));
    if (node.type === 'MustacheStatement' || node.type === 'SubExpression' || node.type === 'BlockStatement') {
      visitPath(node.path, true);
      for (const param of node.params ?? []) param.type === 'PathExpression' ? visitPath(param as hbs.AST.PathExpression, false) : visit(param as AstNode);
      for (const pair of node.hash?.pairs ?? []) pair.value.type === 'PathExpression' ? visitPath(pair.value as hbs.AST.PathExpression, false) : visit(pair.value as AstNode);
      if (node.type === 'BlockStatement' && !['each', 'with'].includes(node.path!.original)) {
        visit(node.program);
        visit(node.inverse);
      }
    }
  };
  visit(program as AstNode);
  return [...new Set(found)];
}

/**
 * Renders `source` against a scope of values and helpers, as metadata-action does. A name the
 * scope does not have renders as nothing, as in Handlebars; `onUnknown` hears of each.
 * Bad syntax, or a name used with arguments that is no helper, throws a one-line Error.
 */
export function render(source: string, scope: Scope, onUnknown?: (name: string) => void): string {
  if (!source.includes('{{')) return source;
  let program: hbs.AST.Program;
  try {
    program = handlebars.parse(source);
  } catch (error) {
    throw oneLine(error);
  }
  if (onUnknown) unknownNames(program, scope).forEach(onUnknown);
  try {
    return handlebars.compile(program)(handlebarsContext(scope));
  } catch (error) {
    throw oneLine(error);
  }
}

/** True when the pattern is exactly one `{{raw}}` expression (spaces allowed), as metadata-action decides it. */
export function isRawStatement(pattern: string): boolean {
  try {
    const program = handlebars.parseWithoutProcessing(pattern);
    const only = program.body[0] as hbs.AST.MustacheStatement | undefined;
    if (program.body.length !== 1 || only?.type !== 'MustacheStatement') return false;
    const path = only.path as hbs.AST.PathExpression;
    return path.parts?.length === 1 && path.parts[0] === 'raw';
  } catch {
    return false;
  }
}
