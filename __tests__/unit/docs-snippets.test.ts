// Every YAML snippet in README.md and docs/ is something a user pastes: it must parse,
// and, completed into a workflow the way its shape says, pass actionlint and the
// workflow schema. Each image-build step uses only inputs action.yml declares, and
// reads only outputs it declares.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatProblems, lintWorkflow, parseStrict, root } from '../workflow-lint.ts';

interface Snippet {
  file: string;
  line: number;
  text: string;
}

const SELF = /^(acme\/image-build@|\.\/?$)/;

// actionlint 1.7.7's table of popular actions predates these inputs; each is in the action's
// own action.yml at the version the snippet names.
const NEWER_THAN_ACTIONLINT = [/input "name" is not defined in action "docker\/setup-buildx-action@v3"/]; // added in v3.11.0

function snippets(): Snippet[] {
  const files = ['README.md', ...fs.readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  return files.flatMap((file) => {
    const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
    const found: Snippet[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (!/^```ya?ml\s*$/.test(lines[i]!)) continue;
      const end = lines.findIndex((l, j) => j > i && l.startsWith('```'));
      found.push({ file, line: i + 2, text: dedent(lines.slice(i + 1, end).join('\n')) });
      i = end;
    }
    return found;
  });
}

function dedent(text: string): string {
  const lines = text.split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n') + '\n';
}

/** A snippet completed into a workflow: a whole `jobs:`, a job (`steps:`), a step list, or one step's `with:`. */
function asWorkflow(value: unknown): Record<string, unknown> {
  const job = (body: Record<string, unknown>) => ({ on: 'push', jobs: { image: { 'runs-on': 'ubuntu-latest', ...body } } });
  if (Array.isArray(value)) return job({ steps: value });
  const map = value as Record<string, unknown>;
  if ('jobs' in map) return { on: 'push', ...map };
  if ('steps' in map) return job(map);
  return job({ steps: [{ uses: 'acme/image-build@v1', with: map }] });
}

interface Step {
  uses?: string;
  id?: string;
  with?: Record<string, unknown>;
}

function selfSteps(workflow: Record<string, unknown>): Step[] {
  return Object.values(workflow.jobs as Record<string, { steps?: Step[] }>).flatMap((job) => (job.steps ?? []).filter((step) => SELF.test(step.uses ?? '')));
}

const actionYml = YAML.parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')) as Record<'inputs' | 'outputs', Record<string, unknown>>;
const all = snippets();

describe('workflow snippets in README.md and docs/', () => {
  it('there are snippets to check', () => {
    expect(all.length).toBeGreaterThanOrEqual(10);
  });

  it.each(all.map((s) => [`${s.file}:${s.line}`, s] as const))('%s parses and lints as a workflow', async (where, snippet) => {
    const { value, problems } = parseStrict(snippet.text);
    expect(problems, formatProblems(where, problems)).toEqual([]);
    const workflow = asWorkflow(value);
    const linted = (await lintWorkflow(YAML.stringify(workflow), `${where}.yml`)).filter((p) => !NEWER_THAN_ACTIONLINT.some((known) => known.test(p.message)));
    expect(linted, formatProblems(where, linted)).toEqual([]);

    for (const step of selfSteps(workflow)) {
      const unknown = Object.keys(step.with ?? {}).filter((name) => !(name in actionYml.inputs));
      expect(unknown, `${where}: inputs action.yml does not declare`).toEqual([]);
      if (!step.id) continue;
      const read = [...snippet.text.matchAll(new RegExp(`steps\\.${step.id}\\.outputs\\.([\\w-]+)`, 'g'))].map((m) => m[1]!);
      expect(read.filter((name) => !(name in actionYml.outputs)), `${where}: outputs action.yml does not declare`).toEqual([]);
    }
  });

  it('a broken snippet is caught: a `: ` in a plain value, an unknown input of a known action', async () => {
    expect(parseStrict('with:\n  description: a: b\n').problems).not.toEqual([]);
    const linted = await lintWorkflow(YAML.stringify(asWorkflow([{ uses: 'actions/checkout@v4', with: { tagz: 'x' } }])), 'x.yml');
    expect(formatProblems('x.yml', linted)).toMatch(/input "tagz" is not defined/);
  });
});

describe("the project's own workflows", () => {
  const dir = path.join(root, '.github/workflows');
  const files = fs.readdirSync(dir).filter((file) => /\.ya?ml$/.test(file));

  it.each(files)('%s lints clean, and its uses: ./ steps give only inputs action.yml declares', async (file) => {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const linted = await lintWorkflow(text, file);
    expect(linted, formatProblems(file, linted)).toEqual([]);
    for (const step of selfSteps(YAML.parse(text) as Record<string, unknown>)) {
      expect(Object.keys(step.with ?? {}).filter((name) => !(name in actionYml.inputs)), file).toEqual([]);
    }
  });
});
