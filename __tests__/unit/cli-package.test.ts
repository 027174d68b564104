// The CLI as people install it: `npm pack`, `npm install -g` of the tarball, then the
// `image-build` command on the machine's own Node (not the project's Node 24).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const packageVersion = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

/** The first `node` on PATH outside this project's node_modules: the machine's own. */
function machineNodeDir(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir.includes('node_modules') || !dir) continue;
    if (fs.existsSync(path.join(dir, 'node'))) return dir;
  }
  return undefined;
}

const nodeDir = machineNodeDir();
if (!nodeDir) console.log('cli-package.test.ts skipped: no node on PATH outside node_modules');

describe.skipIf(!nodeDir)('the installed CLI', () => {
  const env = { ...process.env, PATH: `${nodeDir}${path.delimiter}${process.env.PATH}` };
  let bin = '';
  let nodeVersion = '';

  beforeAll(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-pack-'));
    const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: root, env, encoding: 'utf8' }).trim().split('\n').pop()!;
    execFileSync('npm', ['install', '--global', '--silent', '--no-audit', '--no-fund', '--prefix', path.join(dir, 'prefix'), path.join(dir, tarball)], { env });
    bin = path.join(dir, 'prefix', 'bin', 'image-build');
    nodeVersion = execFileSync(path.join(nodeDir!, 'node'), ['--version'], { encoding: 'utf8' }).trim();
    console.log(`the CLI installed from ${tarball}, run on the machine's Node ${nodeVersion}`);
  }, 120_000);

  const run = (...args: string[]) => spawnSync(bin, args, { env, encoding: 'utf8', cwd: root });

  it('answers --version with the package version, on a Node of 20 or later', () => {
    expect(Number(nodeVersion.replace(/^v/, '').split('.')[0])).toBeGreaterThanOrEqual(20);
    const version = run('--version');
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout).toBe(`${packageVersion}\n`);
  });

  it.each(['context', 'tags', 'build', 'advise'])('%s --help prints its usage and exits 0', (command) => {
    const help = run(command, '--help');
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toContain(`image-build ${command}`);
  });

  it('hashes a context as the action does', () => {
    const hash = run('context', 'hash', 'examples/hello');
    expect(hash.status, hash.stderr).toBe(0);
    expect(hash.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
  });

  it('a missing --file is an error (exit 1, one line)', () => {
    const missing = run('context', 'hash', 'examples/hello', '--file', 'nope');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('image-build: --file nope: no such file\n');
  });

  it('an error on a Dockerfile line names the file once', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-bad-')), 'Dockerfile');
    fs.writeFileSync(file, 'FROM busybox\nFOO bar\n');
    const bad = run('advise', file);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(`image-build: ${file}:2: unknown instruction "FOO"\n`);
  });

  it('an unknown command is a usage error (exit 2)', () => {
    expect(run('frobnicate').status).toBe(2);
  });
});
