// readInputs, table-driven: what each closed input accepts (and how it is
// normalised), and the one UserError, naming the input, for what it does not.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isUserError, UserError } from '../../src/common/errors.ts';
import { readBuildOptions } from '../../src/inputs/build-inputs.ts';
import { parseBuildArgs, readInputs, withSourceDateEpoch, type Inputs } from '../../src/inputs/action-inputs.ts';

let workspace: string;

beforeAll(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'inputs-test-'));
  fs.mkdirSync(path.join(workspace, 'app'));
  fs.writeFileSync(path.join(workspace, 'app', 'Dockerfile'), 'FROM scratch\n');
  fs.writeFileSync(path.join(workspace, 'Dockerfile'), 'FROM scratch\n');
  fs.mkdirSync(path.join(workspace, 'a-folder-named-Dockerfile', 'Dockerfile'), { recursive: true });
});

function read(given: Record<string, string>): Inputs {
  return readInputs((name) => given[name] ?? '', workspace);
}

function errorOf(given: Record<string, string>): UserError {
  try {
    read(given);
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  throw new Error(`no error for ${JSON.stringify(given)}`);
}

describe('accepted values', () => {
  const accepted: [string, Record<string, string>, Partial<Inputs>][] = [
    ['defaults', {}, { push: 'auto', cache: 'true', cacheMode: 'max', cacheBackend: 'actions', skipUnchanged: true, dryRun: false, advice: true, cacheKeyPrefix: 'image-build', flavor: 'latest=auto' }],
    ['push false', { push: 'false' }, { push: 'false' }],
    ['push in capitals', { push: 'TRUE' }, { push: 'true' }],
    ['cache read-only', { cache: 'read-only' }, { cache: 'read-only' }],
    ['cache-mode min', { 'cache-mode': 'Min' }, { cacheMode: 'min' }],
    ['cache-backend local with cache-dir', { 'cache-backend': 'local', 'cache-dir': 'cache' }, { cacheBackend: 'local' }],
    ['skip-unchanged False', { 'skip-unchanged': 'False' }, { skipUnchanged: false }],
    ['dry-run TRUE', { 'dry-run': 'TRUE' }, { dryRun: true }],
  ];
  it.each(accepted)('%s', (_name, given, expected) => {
    expect(read(given)).toMatchObject(expected);
  });

  it('resolves context and file against the workspace', () => {
    const inputs = read({ context: 'app' });
    expect(inputs.context).toBe(path.join(workspace, 'app'));
    expect(inputs.file).toBe(path.join(workspace, 'app', 'Dockerfile'));
  });
});

describe('contexts people write', () => {
  it.each([
    ['{{defaultContext}}', ''],
    ['{{defaultContext}}:app', 'app'],
    ['{{defaultContext}}:app/', 'app'],
  ])('%s is the checkout folder %s', (context, folder) => {
    const inputs = read({ context });
    expect(inputs.context).toBe(path.join(workspace, folder));
    expect(inputs.file).toBe(path.join(workspace, folder, 'Dockerfile'));
  });

  it('{{defaultContext}} followed by anything but :folder is an error on context', () => {
    const error = errorOf({ context: '{{defaultContext}}/app' });
    expect(error.input).toBe('context');
    expect(error.message).toMatch(/only ":<folder>" may follow/);
  });

  it.each([[''], ['.'], ['{{defaultContext}}']])('context %j in a workspace with no checkout: one error saying to add actions/checkout', (context) => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'inputs-empty-'));
    let error: UserError | undefined;
    try {
      readInputs((name) => (name === 'context' ? context : ''), empty);
    } catch (caught) {
      error = caught as UserError;
    }
    expect(error?.input).toBe('context');
    expect(error?.message).toContain('add "- uses: actions/checkout@v4" before this step');
  });

  it('a checkout without a Dockerfile at its root still says which Dockerfile is missing', () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'inputs-repo-'));
    fs.mkdirSync(path.join(repo, '.git'));
    expect(() => readInputs(() => '', repo)).toThrow(/Dockerfile "Dockerfile" does not exist/);
  });
});

describe('build-args as Buildx reads them', () => {
  it('a bare NAME takes its value from the environment; unset, it is left out; empty lines are skipped', () => {
    expect(parseBuildArgs('A=1\n\nFROM_ENV\n  \nUNSET\nEMPTY\n', { FROM_ENV: 'x=y', EMPTY: '' })).toEqual([
      { name: 'A', value: '1' },
      { name: 'FROM_ENV', value: 'x=y' },
      { name: 'EMPTY', value: '' },
    ]);
  });

  it('SOURCE_DATE_EPOCH from the environment becomes a build arg, unless build-args sets it', () => {
    expect(withSourceDateEpoch([{ name: 'A', value: '1' }], { SOURCE_DATE_EPOCH: '1700000000' })).toEqual([
      { name: 'A', value: '1' },
      { name: 'SOURCE_DATE_EPOCH', value: '1700000000' },
    ]);
    expect(withSourceDateEpoch([{ name: 'SOURCE_DATE_EPOCH', value: '5' }], { SOURCE_DATE_EPOCH: '1700000000' })).toEqual([{ name: 'SOURCE_DATE_EPOCH', value: '5' }]);
    expect(withSourceDateEpoch([], {})).toEqual([]);
    expect(() => withSourceDateEpoch([], { SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/whole seconds since 1970/);
  });

  it('the build-args input reads both from the environment it is given', () => {
    const options = readBuildOptions((name) => (name === 'build-args' ? 'TOKEN_NAME' : ''), { workspace, env: { TOKEN_NAME: 'v', SOURCE_DATE_EPOCH: '0' } });
    expect(options['build-args']).toEqual([{ name: 'TOKEN_NAME', value: 'v' }, { name: 'SOURCE_DATE_EPOCH', value: '0' }]);
  });
});

describe('rejected values: one UserError naming the input and what is accepted', () => {
  const rejected: [string, Record<string, string>, string, RegExp][] = [
    ['push', { push: 'yes' }, 'push', /"yes" is not one of "true", "false", "auto"/],
    ['cache', { cache: 'on' }, 'cache', /"on" is not one of "true", "false", "read-only"/],
    ['cache-mode', { 'cache-mode': 'all' }, 'cache-mode', /"all" is not one of "max", "min"/],
    ['cache-backend', { 'cache-backend': 'gha' }, 'cache-backend', /"gha" is not one of "actions"/],
    ['skip-unchanged', { 'skip-unchanged': 'on' }, 'skip-unchanged', /"on" is not a boolean; use "true" or "false"/],
    ['dry-run', { 'dry-run': 'yes' }, 'dry-run', /"yes" is not a boolean/],
    ['dry-run in mixed case', { 'dry-run': 'tRUE' }, 'dry-run', /"tRUE" is not a boolean/],
    ['advice', { advice: '0' }, 'advice', /"0" is not a boolean/],
    ['local backend without cache-dir', { 'cache-backend': 'local' }, 'cache-dir', /needs "cache-dir"/],
    ['cache-key-prefix with a slash', { 'cache-key-prefix': 'a/b' }, 'cache-key-prefix', /only letters, digits/],
    ['cache-key-prefix too long', { 'cache-key-prefix': 'x'.repeat(65) }, 'cache-key-prefix', /64 at most/],
    ['missing context', { context: 'nope' }, 'context', /context folder "nope" does not exist/],
    ['context that is a file', { context: 'Dockerfile' }, 'context', /context folder "Dockerfile" is not a folder/],
    ['missing file', { file: 'docker/Dockerfile' }, 'file', /Dockerfile "docker\/Dockerfile" does not exist/],
    ['file that is a folder', { file: 'a-folder-named-Dockerfile/Dockerfile' }, 'file', /is not a file/],
    ['context without a Dockerfile', { context: 'a-folder-named-Dockerfile/Dockerfile' }, 'file', /Dockerfile ".*Dockerfile\/Dockerfile" does not exist/],
  ];
  it.each(rejected)('%s', (_name, given, input, says) => {
    const error = errorOf(given);
    expect(error.input).toBe(input);
    expect(error.message).toMatch(says);
  });
});
