// Secrets: the password of the htpasswd registry goes in, and must come out nowhere
// but the `::add-mask::` command that masks it: not in the log, the outputs, the
// summary, the state, files left under RUNNER_TEMP, or the argv of any process that
// ran meanwhile. The private DOCKER_CONFIG is gone after main + post on every exit
// path, and the user's own ~/.docker/config.json is not touched.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleWorkspace, registryDigest, repoRoot, runAction, runnerTempDir, stack, uniqueName, type ActionRun } from './helpers.ts';
import { filesUnder, watchArgv } from './leaks.ts';
// @ts-expect-error: plain JavaScript emulator shared with the stack
import { startCacheService } from '../../scripts/cache-service.mjs';

const user = stack.IMAGE_BUILD_AUTH_USER!;
const password = stack.IMAGE_BUILD_AUTH_PASSWORD!;
const forms = {
  password,
  'base64(user:password)': Buffer.from(`${user}:${password}`).toString('base64'),
  'base64(password)': Buffer.from(password).toString('base64'),
};
const SECRETS_STATE = 'image-build-secrets-dir';

/** Which secret forms occur in `text`. */
function leaks(text: string): string[] {
  return Object.entries(forms)
    .filter(([, value]) => text.includes(value))
    .map(([name]) => name);
}

function secretDirsUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isDirectory() && /^image-build-(secrets|docker)-/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('secrets: a known password leaks nowhere', () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-home-'));
  const userConfig = path.join(home, '.docker', 'config.json');
  // The user's own config: a login for another registry, some settings.
  const userConfigText = `${JSON.stringify({ auths: { 'registry.example.com': { auth: Buffer.from('someone:else').toString('base64') } }, detachKeys: 'ctrl-e,e' }, null, '\t')}\n`;
  const image = `${stack.IMAGE_BUILD_AUTH_REGISTRY}/${uniqueName('e2e/secret')}`;
  let service: { url: string; close(): Promise<void> };
  let run: ActionRun;
  let argv: Set<string>;
  let userConfigBefore: fs.Stats;

  beforeAll(async () => {
    fs.mkdirSync(path.dirname(userConfig), { recursive: true });
    // A runner whose Buildx is only in ~/.docker/cli-plugins (setup-buildx-action) keeps it in this HOME too.
    const plugins = path.join(os.homedir(), '.docker', 'cli-plugins');
    if (fs.existsSync(plugins)) fs.symlinkSync(plugins, path.join(home, '.docker', 'cli-plugins'));
    fs.writeFileSync(userConfig, userConfigText, { mode: 0o600 });
    userConfigBefore = fs.statSync(userConfig);
    service = await startCacheService({ port: 0, dir: fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-cache-svc-')), log: () => {} });
    const workspace = exampleWorkspace();
    // Steps no other run has cached, so that BuildKit runs them (and their processes) for real.
    fs.writeFileSync(path.join(workspace, 'Dockerfile'), `ARG BASE\nFROM \${BASE}\nRUN echo ${uniqueName('secret')} > /id && sleep 1\nCOPY src/ /app/src/\n`);
    ({ result: run, argv } = await watchArgv(() =>
      runAction({
        workspace,
        runnerTemp: runnerTempDir(),
        inputs: {
          images: image,
          username: user,
          password,
          // The base image is on the authenticated registry too: BuildKit pulls with the private config.
          'build-args': `BASE=${stack.IMAGE_BUILD_AUTH_BASE_IMAGE}`,
          'cache-key-prefix': uniqueName('secrets'),
        },
        env: { HOME: home, ACTIONS_RESULTS_URL: service.url },
      }),
    ));
  });

  afterAll(async () => {
    await service?.close();
  });

  it('the run pushed with the credentials', async () => {
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.built).toBe('true');
    expect(await registryDigest(`${image}:main`, { username: user, password })).toBe(run.outputs.digest);
  });

  it('masks the password, and prints it in no other line', () => {
    const lines = run.stdout.split('\n');
    expect(lines).toContain(`::add-mask::${password}`);
    const others = lines.filter((line) => !line.startsWith('::add-mask::')).join('\n');
    expect(leaks(others)).toEqual([]);
    expect(leaks(run.stderr)).toEqual([]);
    expect(leaks(run.post.stdout + run.post.stderr)).toEqual([]);
  });

  it('not in the outputs, the summary or the saved state', () => {
    expect(Object.keys(run.outputs).length).toBeGreaterThan(5);
    for (const [name, value] of Object.entries(run.outputs)) expect(leaks(value), `output ${name}`).toEqual([]);
    expect(run.summary.length).toBeGreaterThan(0);
    expect(leaks(run.summary)).toEqual([]);
    expect(leaks(JSON.stringify(run.state))).toEqual([]);
  });

  it('the private DOCKER_CONFIG is gone, and no file left under RUNNER_TEMP holds the password', () => {
    expect(run.state[SECRETS_STATE]).toMatch(/image-build-secrets-/);
    expect(fs.existsSync(run.state[SECRETS_STATE]!)).toBe(false);
    expect(secretDirsUnder(run.runnerTemp)).toEqual([]);
    for (const file of filesUnder(run.runnerTemp)) expect(leaks(fs.readFileSync(file, 'latin1')), file).toEqual([]);
  });

  it('no process argv held it (every command line seen during the run)', () => {
    // The poller did see the build: the Buildx command line is among what it saw.
    expect([...argv].some((line) => /\bbuildx build\b/.test(line) && line.includes(image))).toBe(true);
    const leaking = [...argv].filter((line) => leaks(line).length > 0);
    expect(leaking).toEqual([]);
  });

  it("the user's ~/.docker/config.json is byte-identical and untouched", () => {
    expect(fs.readFileSync(userConfig, 'utf8')).toBe(userConfigText);
    const after = fs.statSync(userConfig);
    expect(after.mtimeMs).toBe(userConfigBefore.mtimeMs);
    expect(after.mode).toBe(userConfigBefore.mode);
  });
});

describe('post step: removes the private config when main could not', () => {
  const post = path.join(repoRoot, 'dist/post.cjs');

  /** A secrets folder as main leaves it: a Docker config with a login inside. */
  function leftoverSecrets(runnerTemp: string): string {
    const secretsDir = path.join(runnerTemp, `image-build-secrets-${uniqueName('killed')}`);
    const configDir = path.join(secretsDir, 'image-build-docker-0123456789ab');
    fs.mkdirSync(configDir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(configDir, 'config.json'), JSON.stringify({ auths: { [stack.IMAGE_BUILD_AUTH_REGISTRY!]: { auth: forms['base64(user:password)'] } } }));
    return secretsDir;
  }

  it('post alone, with the state of a killed main, removes the folder', () => {
    const runnerTemp = runnerTempDir();
    const secretsDir = leftoverSecrets(runnerTemp);
    const result = spawnSync(process.execPath, [post], {
      env: { PATH: process.env.PATH, RUNNER_TEMP: runnerTemp, [`STATE_${SECRETS_STATE}`]: secretsDir },
      encoding: 'utf8',
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(fs.existsSync(secretsDir)).toBe(false);
    expect(fs.readdirSync(runnerTemp)).toEqual([]);
  });

  it('post without state (main failed before saving it) does nothing and succeeds', () => {
    const runnerTemp = runnerTempDir();
    const result = spawnSync(process.execPath, [post], { env: { PATH: process.env.PATH, RUNNER_TEMP: runnerTemp }, encoding: 'utf8' });
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it('main killed mid-build (SIGKILL): the config existed, and post removes it', async () => {
    const runnerTemp = runnerTempDir();
    const workspace = exampleWorkspace();
    // A build that takes long enough to be killed in the middle of it.
    fs.writeFileSync(path.join(workspace, 'Dockerfile'), `ARG BASE\nFROM \${BASE}\nRUN echo ${uniqueName('slow')} && sleep 20\n`);
    let sawConfig = false;
    const killed: number[] = [];
    let leftBehind: string[] = [];
    const watcher = setInterval(() => {
      if (killed.length) return;
      sawConfig ||= filesUnder(runnerTemp).some((file) => /image-build-docker-[^/]+\/config\.json$/.test(file));
      // Main of this run (found by its RUNNER_TEMP), once its `docker buildx build` child runs.
      const main = processesWithEnv(`RUNNER_TEMP=${runnerTemp}`).find((pid) => cmdline(pid).includes('dist/index.cjs'));
      if (!sawConfig || main === undefined) return;
      const family = [main, ...descendants(main)];
      if (!family.some((pid) => /\bbuildx build\b/.test(cmdline(pid)))) return;
      // Kill main and the Docker CLI it started, by pid.
      for (const pid of family) tryKill(pid);
      killed.push(...family);
      leftBehind = secretDirsUnder(runnerTemp);
    }, 20);
    try {
      const run = await runAction({
        workspace,
        runnerTemp,
        inputs: {
          images: `${stack.IMAGE_BUILD_AUTH_REGISTRY}/${uniqueName('e2e/killed')}`,
          username: user,
          password,
          'build-args': `BASE=${stack.IMAGE_BUILD_AUTH_BASE_IMAGE}`,
          cache: 'false',
          'skip-unchanged': 'false',
        },
      });
      expect(sawConfig).toBe(true);
      expect(killed.length).toBeGreaterThan(0);
      // Main could not clean up: the config was still there when it died…
      expect(leftBehind.length).toBeGreaterThan(0);
      expect(run.code).not.toBe(0);
      expect(run.state[SECRETS_STATE]).toMatch(/image-build-secrets-/);
      // …and post removed it.
      expect(run.post.code, run.post.stdout + run.post.stderr).toBe(0);
      expect(secretDirsUnder(runnerTemp)).toEqual([]);
    } finally {
      clearInterval(watcher);
    }
  });
});

function pids(): number[] {
  return fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
}

function cmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

function processesWithEnv(entry: string): number[] {
  return pids().filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(entry);
    } catch {
      return false;
    }
  });
}

function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const pid of pids()) {
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so split after the last ')'.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      parentOf.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone
    }
  }
  const found: number[] = [];
  let frontier = [root];
  while (frontier.length) {
    const children = [...parentOf].filter(([, parent]) => frontier.includes(parent)).map(([pid]) => pid);
    found.push(...children);
    frontier = children;
  }
  return found;
}

function tryKill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
