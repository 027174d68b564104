// action.yml as GitHub's runner loads it before the step starts: valid YAML 1.2, the
// action metadata schema, and defaults that mean what the code does without them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/inputs/action-inputs.ts';
// @ts-expect-error: plain JavaScript harness shared with the demo and the benchmark
import * as harness from '../../scripts/run-action.mjs';
import { checkActionMetadata, formatProblems, parseStrict, root } from '../workflow-lint.ts';

const actionMetadata = harness.actionMetadata as () => { runs: Record<string, string>; inputs: Record<string, unknown> };
const runnerInputs = harness.runnerInputs as (meta: unknown, given: Record<string, unknown>, githubToken: string) => Record<string, string>;

const actionYml = fs.readFileSync(path.join(root, 'action.yml'), 'utf8');

describe('action.yml', () => {
  it('parses as YAML 1.2 and meets the action metadata schema', () => {
    const problems = checkActionMetadata(actionYml);
    expect(problems, formatProblems('action.yml', problems)).toEqual([]);
  });

  it('is what the e2e harness runs: main and post from runs, inputs from inputs', () => {
    const meta = actionMetadata();
    expect(meta.runs).toMatchObject({ using: 'node24', main: 'dist/index.cjs', post: 'dist/post.cjs' });
    expect(Object.keys(meta.inputs).length).toBeGreaterThan(50);
  });

  // Each of these once reached a runner, or would have: the checks name the line.
  it.each([
    ['a ": " in a plain description', 'description: With `cache-backend: registry`, the cache image reference.', /\[yaml\]/, 118],
    ['an unquoted boolean default', 'default: true', /default true is a boolean; quote it/, undefined],
    ['a duplicate key', 'description: Build stage to stop at.\n    description: again', /\[yaml\].*(unique|duplicate)/i, undefined],
  ])('refuses %s', (_, line, message, lineNumber) => {
    // Put the bad line in place of cache-ref's description (line 118 when it first shipped).
    const broken = actionYml.replace(/^( {2}cache-ref:\n {4})description: .*$/m, `$1${line}`);
    expect(broken).not.toBe(actionYml);
    const problems = checkActionMetadata(broken);
    const shown = formatProblems('action.yml', problems);
    expect(shown).toMatch(message);
    if (lineNumber) expect(problems[0]?.line).toBe(actionYml.split('\n').findIndex((l) => l.startsWith('  cache-ref:')) + 2);
  });

  it('refuses a runtime other than node24 and a missing post script', () => {
    const problems = formatProblems('action.yml', checkActionMetadata(actionYml.replace('using: node24', 'using: node20').replace('post: dist/post.cjs', 'post: dist/gone.cjs')));
    expect(problems).toMatch(/runs.using is "node20", not "node24"/);
    expect(problems).toMatch(/runs.post names dist\/gone.cjs, which does not exist/);
  });
});

describe('the runner harness', () => {

  it('sets each left-out input to its action.yml default and ${{ github.token }} to the token', () => {
    const env = runnerInputs(actionMetadata(), { images: 'ghcr.io/acme/app', push: false }, 'ghs_test');
    expect(env).toMatchObject({ INPUT_IMAGES: 'ghcr.io/acme/app', INPUT_PUSH: 'false', INPUT_CONTEXT: '.', INPUT_CACHE: 'true', 'INPUT_GITHUB-TOKEN': 'ghs_test' });
    expect(env).not.toHaveProperty('INPUT_TAGS');
  });

  it('refuses an input action.yml does not declare', () => {
    expect(() => runnerInputs(actionMetadata(), { tagz: 'x' }, 't')).toThrow(/not declared in action.yml: tagz/);
  });
});

describe("action.yml's defaults and the code's own", () => {
  // A runner always sets the defaults, the CLI and the unit tests never do: both must read alike.
  it('read into the same inputs', () => {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'action-defaults-'));
    fs.writeFileSync(path.join(workspace, 'Dockerfile'), 'FROM scratch\n');
    const env = runnerInputs(actionMetadata(), {}, 'ghs_test');
    const fromRunner = readInputs((name) => (env[`INPUT_${name.toUpperCase()}`] ?? '').trim(), workspace);
    const fromCode = readInputs(() => '', workspace);
    expect({ ...fromRunner, githubToken: undefined }).toEqual(fromCode);
  });

  it('are all strings, as the runner hands them over', () => {
    const { value } = parseStrict(actionYml);
    const inputs = (value as { inputs: Record<string, { default?: unknown }> }).inputs;
    const defaults = Object.values(inputs).flatMap((input) => ('default' in input ? [input.default] : []));
    expect(defaults.length).toBeGreaterThan(5);
    for (const value of defaults) expect(typeof value).toBe('string');
  });
});
