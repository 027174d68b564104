// The build input table: build-push-action's list syntax, the flags each input becomes,
// its role in the fingerprint, secrets kept off the command line, and action.yml
// declaring every row with the table's own description.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { BUILD_INPUTS, BUILD_OUTPUTS, HANDLED_ELSEWHERE, buildOptionFlags, fingerprintOptions, readBuildOptions, type BuildOptions } from '../../src/inputs/build-inputs.ts';
import { outputFlags, planOutputs } from '../../src/buildx/output-flags.ts';
import { isUserError } from '../../src/common/errors.ts';
import { inputList } from '../../src/inputs/list.ts';
import { indexAnnotations, indexOf } from '../../src/pipeline/merge.ts';

const root = path.resolve(import.meta.dirname, '../..');
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'build-inputs-'));
fs.writeFileSync(path.join(workspace, 'token.txt'), 'file-secret');
const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/app', GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '2' };

function read(given: Record<string, string>): BuildOptions {
  return readBuildOptions((name) => given[name] ?? '', { workspace, env });
}

function flags(given: Record<string, string>, secretsDir = workspace): string[] {
  return buildOptionFlags(read(given), { secretsDir });
}

/** build-push-action v6's inputs (its action.yml). */
const BUILD_PUSH_ACTION_V6 = [
  'add-hosts', 'allow', 'annotations', 'attests', 'build-args', 'build-contexts', 'builder', 'cache-from', 'cache-to', 'call', 'cgroup-parent',
  'context', 'file', 'labels', 'load', 'network', 'no-cache', 'no-cache-filters', 'outputs', 'platforms', 'provenance', 'pull', 'push', 'sbom',
  'secrets', 'secret-envs', 'secret-files', 'shm-size', 'ssh', 'tags', 'target', 'ulimit', 'github-token',
];

describe('list inputs are split as build-push-action splits them', () => {
  const cases: [string, string, { ignoreComma?: boolean; quote?: boolean }, string[]][] = [
    ['commas and lines', 'a, b\nc', {}, ['a', 'b', 'c']],
    ['ignoreComma keeps a line whole', 'type=a,ref=b\ntype=c', { ignoreComma: true }, ['type=a,ref=b', 'type=c']],
    ['a quoted field keeps its comma', '"a,b",c', {}, ['a,b', 'c']],
    ['ignoreComma joins fields again without their quotes', 'type=image,"name=a,b"', { ignoreComma: true }, ['type=image,name=a,b']],
    ['a quote inside a field is a character', 'name=a"b', {}, ['name=a"b']],
    ['"" inside quotes is one quote', '"say ""hi"""', {}, ['say "hi"']],
    ['a quoted field spans lines', '"KEY=line1\nline2"\nOTHER=x', { ignoreComma: true }, ['KEY=line1\nline2', 'OTHER=x']],
    ['blank lines and blank items go', '\n a \n\n,\n', {}, ['a']],
    ['# is no comment', '#x', {}, ['#x']],
    ['quote: false leaves quotes alone', 'type=local,dest="a b"', { ignoreComma: true, quote: false }, ['type=local,dest="a b"']],
    ['CRLF lines', 'a\r\nb', {}, ['a', 'b']],
  ];
  it.each(cases)('%s', (_name, text, options, expected) => {
    expect(inputList(text, options)).toEqual(expected);
  });

  it('an unclosed quote is one error naming the input', () => {
    try {
      read({ 'cache-from': '"type=gha' });
      throw new Error('no error');
    } catch (error) {
      expect(isUserError(error) && error.input).toBe('cache-from');
    }
  });
});

describe('each input becomes its Buildx flags', () => {
  const cases: [string, Record<string, string>, string[]][] = [
    ['nothing set: no attestations', {}, ['--provenance=false']],
    ['add-hosts', { 'add-hosts': 'a:1.2.3.4,b:5.6.7.8' }, ['--add-host', 'a:1.2.3.4', '--add-host', 'b:5.6.7.8']],
    ['allow', { allow: 'network.host' }, ['--allow', 'network.host']],
    ['annotations: no flag here (the metadata turns them into --annotation)', { annotations: 'org.example.a=b' }, []],
    ['build-args', { 'build-args': 'A=1' }, ['--build-arg', 'A=1']],
    ['build-contexts: a folder made absolute', { 'build-contexts': 'lib=../lib\nbase=docker-image://alpine:3' }, ['--build-context', `lib=${path.resolve(workspace, '../lib')}`, '--build-context', 'base=docker-image://alpine:3']],
    ['cache-from: type=gha is left to the managed cache', { 'cache-from': 'type=gha\ntype=registry,ref=r/c:x' }, ['--cache-from', 'type=registry,ref=r/c:x']],
    ['cache-from: a bare reference is a registry cache', { 'cache-from': 'r/c:x' }, ['--cache-from', 'type=registry,ref=r/c:x']],
    ['cache-to: local passes', { 'cache-to': 'type=local,dest=/tmp/c' }, ['--cache-to', 'type=local,dest=/tmp/c']],
    ['call', { call: 'check' }, ['--call', 'check,format=json']],
    ['cgroup-parent', { 'cgroup-parent': 'ci' }, ['--cgroup-parent', 'ci']],
    ['network', { network: 'host' }, ['--network', 'host']],
    ['no-cache', { 'no-cache': 'true' }, ['--no-cache']],
    ['no-cache-filters', { 'no-cache-filters': 'a,b' }, ['--no-cache-filter', 'a', '--no-cache-filter', 'b']],
    ['platforms', { platforms: 'linux/amd64\nlinux/arm64' }, ['--platform', 'linux/amd64,linux/arm64']],
    ['provenance true: the run as builder id', { provenance: 'true' }, ['--attest', 'type=provenance,builder-id=https://github.com/acme/app/actions/runs/42/attempts/2']],
    ['provenance false', { provenance: 'false' }, ['--attest', 'type=provenance,disabled=true']],
    ['provenance mode=max', { provenance: 'mode=max' }, ['--attest', 'type=provenance,mode=max,builder-id=https://github.com/acme/app/actions/runs/42/attempts/2']],
    ['sbom true', { sbom: 'true' }, ['--provenance=false', '--attest', 'type=sbom,disabled=false']],
    ['attests: provenance and sbom inputs win over their type', { provenance: 'mode=min', attests: 'type=provenance,mode=max\ntype=sbom' }, ['--attest', 'type=provenance,mode=min,builder-id=https://github.com/acme/app/actions/runs/42/attempts/2', '--attest', 'type=sbom']],
    ['attests: a provenance entry gets the run as builder id', { attests: 'type=provenance,mode=min' }, ['--attest', 'type=provenance,mode=min,builder-id=https://github.com/acme/app/actions/runs/42/attempts/2']],
    ['attests: a builder id given is kept', { attests: 'type=provenance,builder-id=me' }, ['--attest', 'type=provenance,builder-id=me']],
    ['build-args: a quoted value over several lines is one argument', { 'build-args': '"MULTILINE=aaaa\nbbbb\nccc"\nA=1' }, ['--build-arg', 'MULTILINE=aaaa\nbbbb\nccc', '--build-arg', 'A=1']],
    ['build-args: a comma stays in its value', { 'build-args': 'LIST=a,b,c' }, ['--build-arg', 'LIST=a,b,c']],
    ['pull', { pull: 'true' }, ['--pull']],
    ['secret-envs', { 'secret-envs': 'token=GH_TOKEN' }, ['--secret', 'id=token,env=GH_TOKEN']],
    ['secret-files', { 'secret-files': 'token=token.txt' }, ['--secret', `id=token,src=${path.join(workspace, 'token.txt')}`]],
    ['secrets in Buildx form', { secrets: 'id=token,src=token.txt\nid=gh,env=GH_TOKEN' }, ['--secret', `id=token,src=${path.join(workspace, 'token.txt')}`, '--secret', 'id=gh,env=GH_TOKEN']],
    ['shm-size', { 'shm-size': '2g' }, ['--shm-size', '2g']],
    ['ssh', { ssh: 'default' }, ['--ssh', 'default']],
    ['target', { target: 'app' }, ['--target', 'app']],
    ['ulimit', { ulimit: 'nofile=1024:1024' }, ['--ulimit', 'nofile=1024:1024']],
  ];
  it.each(cases)('%s', (_name, given, expected) => {
    // Without a provenance input the table turns Buildx's default attestation off; that flag is checked once, below.
    const off = (list: string[]) => list.filter((flag) => flag !== '--provenance=false');
    expect(off(flags(given))).toEqual(off(expected));
    expect(flags(given).includes('--provenance=false')).toBe(!given.provenance && !given.attests?.includes('type=provenance'));
  });

  it('a KEY=value secret reaches Buildx as a private file, never as the value', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secrets-'));
    const argv = flags({ secrets: '"token=s3cr3t,with comma"\nother=two' }, dir);
    expect(argv.join(' ')).not.toMatch(/s3cr3t|two/);
    const file = argv[argv.indexOf('--secret') + 1]!.replace(/^id=token,src=/, '');
    expect(fs.readFileSync(file, 'utf8')).toBe('s3cr3t,with comma');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('a KEY=value secret keeps the blanks around its value, as build-push-action reads secrets (trimWhitespace: false)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secrets-'));
    const options = readBuildOptions(Object.assign((name: string) => (name === 'secrets' ? 'token=  padded  ' : ''), { raw: (name: string) => (name === 'secrets' ? 'token=  padded  \n' : '') }), { workspace, env });
    const argv = buildOptionFlags(options, { secretsDir: dir });
    const file = argv[argv.indexOf('--secret') + 1]!.replace(/^id=token,src=/, '');
    expect(fs.readFileSync(file, 'utf8')).toBe('  padded  ');
  });

  it('a secret file that does not exist is one error naming the input', () => {
    expect(() => read({ 'secret-files': 'token=missing.txt' })).toThrow(/secret-files: the file of secret "token"/);
  });

  it('outputs: a quoted field keeps its comma, and reaches Buildx as written', () => {
    const options = read({ outputs: 'type=image,"name=r.example/a,r.example/b",push-by-digest=true,push=true' });
    expect(options.outputs.byDigest).toEqual(['r.example/a', 'r.example/b']);
    expect(outputFlags(options.outputs, { dockerDriver: false, layoutDir: '/x' }).flags).toEqual(['--output', 'type=image,"name=r.example/a,r.example/b",push-by-digest=true,push=true']);
  });

  it('attests: the run URL stays out of the fingerprint', async () => {
    const resolve = { contextHash: async () => '', imageDigest: async () => '' };
    expect(await fingerprintOptions(read({ attests: 'type=provenance,mode=min' }), resolve)).toEqual({ attests: ['type=provenance,mode=min'] });
  });

  it('build-args without a name are refused', () => {
    expect(() => read({ 'build-args': '=x' })).toThrow(/build-args/);
  });

  it('a malformed secret is an error that does not show its text', () => {
    expect(() => read({ secrets: 'novalue' })).toThrow(/not KEY=value \(its text is not shown/);
  });

  it('a multi-line secret: quoted, one secret with its lines; unquoted, one error that says to quote it, not a secret cut to its first line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secrets-'));
    const argv = flags({ secrets: '"KEY=-----BEGIN KEY-----\nbody\n-----END KEY-----"' }, dir);
    const file = argv[argv.indexOf('--secret') + 1]!.replace(/^id=KEY,src=/, '');
    expect(fs.readFileSync(file, 'utf8')).toBe('-----BEGIN KEY-----\nbody\n-----END KEY-----');
    expect(() => read({ secrets: 'KEY=-----BEGIN KEY-----\nbody\n-----END KEY-----' })).toThrow(/secrets: an entry is not KEY=value .*double quotes around the whole entry/);
  });
});

describe('the fingerprint takes the inputs whose role is fingerprint, and only when set', () => {
  const resolve = { contextHash: async (dir: string) => `hash-of-${path.basename(dir)}`, imageDigest: async () => 'sha256:abc' };

  it('nothing set: nothing added (fingerprints of earlier builds stay the same)', async () => {
    expect(await fingerprintOptions(read({}), resolve)).toEqual({});
  });

  it('secrets, ssh, caches and outputs are not part of it', async () => {
    const parts = await fingerprintOptions(read({ secrets: 'a=b', ssh: 'default', 'cache-from': 'type=gha', load: 'true', outputs: 'type=docker' }), resolve);
    expect(parts).toEqual({});
  });

  it('a local build context by its hash, an image by its digest', async () => {
    const parts = await fingerprintOptions(read({ 'build-contexts': 'lib=../lib\nbase=docker-image://alpine:3' }), resolve);
    expect(parts['build-contexts']).toEqual([
      ['base', 'docker-image://alpine:3@sha256:abc'],
      ['lib', 'hash-of-lib'],
    ]);
  });

  it('provenance counts by what the user asked for, not the run URL', async () => {
    const a = await fingerprintOptions(readBuildOptions((n) => (n === 'provenance' ? 'mode=max' : ''), { workspace, env: { ...env, GITHUB_RUN_ID: '1' } }), resolve);
    const b = await fingerprintOptions(readBuildOptions((n) => (n === 'provenance' ? 'mode=max' : ''), { workspace, env: { ...env, GITHUB_RUN_ID: '2' } }), resolve);
    expect(a).toEqual(b);
    expect(a.provenance).toBe('mode=max');
  });

  it.each([
    ['no-cache', 'true'],
    ['network', 'none'],
    ['add-hosts', 'a:1.1.1.1'],
    ['sbom', 'true'],
  ])('%s changes it', async (name, value) => {
    expect(Object.keys(await fingerprintOptions(read({ [name]: value }), resolve))).toEqual([name]);
  });
});

describe('outputs', () => {
  it('push-by-digest pushes no tag and names its repository', () => {
    const plan = planOutputs(['type=image,name=r.example/app,push-by-digest=true,name-canonical=true,push=true']);
    expect(plan).toMatchObject({ pushesTags: false, byDigest: ['r.example/app'], loads: false });
  });

  it('on the docker driver, push-by-digest becomes an OCI layout the action pushes', () => {
    const plan = planOutputs(['type=image,name=r.example/app,push-by-digest=true,push=true']);
    expect(outputFlags(plan, { dockerDriver: true, layoutDir: '/l' })).toEqual({ flags: ['--output', 'type=oci,dest=/l,tar=false'], pushLayout: true });
    expect(outputFlags(plan, { dockerDriver: false, layoutDir: '/l' }).pushLayout).toBe(false);
  });

  it.each([
    ['type=docker', { loads: true, pushesTags: false }],
    ['type=image,push=true', { pushesTags: true }],
    ['type=registry', { pushesTags: true }],
    ['type=oci,dest=/tmp/x.tar', { pushesTags: false, loads: false }],
    ['/tmp/out', { pushesTags: false }],
  ])('%s', (spec, expected) => {
    expect(planOutputs([spec])).toMatchObject(expected);
  });

  it.each([
    ['type=oci', /needs dest=/],
    ['type=nope', /type "nope" is not one of/],
    ['type=image,push-by-digest=true,push=true', /names no repository/],
  ])('%s is refused', (spec, message) => {
    expect(() => planOutputs([spec])).toThrow(message);
  });
});

describe('the merged index', () => {
  const image = (digest: string, architecture: string) => ({ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest, size: 1, platform: { os: 'linux', architecture } });
  const attestation = (digest: string, of: string) => ({
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    digest,
    size: 1,
    platform: { os: 'unknown', architecture: 'unknown' },
    annotations: { 'vnd.docker.reference.digest': of, 'vnd.docker.reference.type': 'attestation-manifest' },
  });

  it('is the same whatever order the digests come in, each image followed by its attestation', () => {
    const a = indexOf([image('sha256:a', 'arm64'), attestation('sha256:x', 'sha256:a'), image('sha256:b', 'amd64')], {});
    const b = indexOf([image('sha256:b', 'amd64'), image('sha256:a', 'arm64'), attestation('sha256:x', 'sha256:a')], {});
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.manifests.map((m) => m.digest)).toEqual(['sha256:b', 'sha256:a', 'sha256:x']);
  });

  it('takes index-level and bare annotations, not manifest-level ones', () => {
    expect(indexAnnotations(['index:org.opencontainers.image.title=app', 'manifest:x=y', 'org.example.z=1', 'manifest,index:both=yes'])).toEqual({
      both: 'yes',
      'org.example.z': '1',
      'org.opencontainers.image.title': 'app',
    });
  });
});

describe('action.yml and the table agree', () => {
  const { inputs, outputs } = YAML.parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')) as Record<'inputs' | 'outputs', Record<string, { description: string }>>;

  it.each(Object.entries(BUILD_INPUTS))('%s is declared with the table description', (name, row) => {
    expect(inputs[name]?.description).toBe(row.description);
  });

  it('every build-push-action v6 input is a row of the table or read by another module', () => {
    const covered = new Set<string>([...Object.keys(BUILD_INPUTS), ...HANDLED_ELSEWHERE]);
    expect(BUILD_PUSH_ACTION_V6.filter((name) => !covered.has(name))).toEqual([]);
    for (const name of HANDLED_ELSEWHERE) expect(inputs, name).toHaveProperty([name]);
  });

  it('every build-push-action v6 output is declared', () => {
    for (const name of BUILD_OUTPUTS) expect(outputs, name).toHaveProperty([name]);
  });

  it('the README migration table names every build-push-action input', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Moving from build-push-action'));
    for (const name of BUILD_PUSH_ACTION_V6) expect(table, name).toContain(`\`${name}\``);
  });
});
