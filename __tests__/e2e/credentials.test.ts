// Credentials the job already has: `docker login` (as login-action does) to the htpasswd
// registry and to a Bearer-token registry of the test's own (token-registry.ts: real
// distribution 2.8 behind a token service that hands out identity tokens), then the
// action with no credential inputs pushes to both in one step. The same through a
// `credHelpers` helper script on PATH, and with DOCKER_CONFIG somewhere else than HOME.
// A helper that never answers is stopped at the time limit (the config's plain login
// then serves), and a cancel while it runs ends the step on the first signal.
// No password, identity token or helper secret leaks into the log, argv, outputs,
// summary or files left behind.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerEnv, exampleWorkspace, registryDigest, runAction, runnerTempDir, stack, uniqueName, type ActionRun } from './helpers.ts';
import { alive } from '../processes.ts';
import { leaksOf, watchArgv } from './leaks.ts';
import { startTokenRegistry, type TokenRegistry } from './token-registry.ts';

const authRegistry = stack.IMAGE_BUILD_AUTH_REGISTRY!;
const authUser = stack.IMAGE_BUILD_AUTH_USER!;
const authPassword = stack.IMAGE_BUILD_AUTH_PASSWORD!;

/** `docker login` with the password on stdin, asynchronously (the token service answers from this process). */
function dockerLogin(configDir: string, registry: string, user: string, password: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile('docker', ['login', '-u', user, '--password-stdin', registry], { env: { ...dockerEnv(), DOCKER_CONFIG: configDir } }, (error, _stdout, stderr) =>
      error ? reject(new Error(`docker login ${registry}: ${stderr}`)) : resolve(),
    );
    child.stdin!.end(password);
  });
}

function workspaceWithUniqueStep(): string {
  const workspace = exampleWorkspace();
  fs.writeFileSync(path.join(workspace, 'Dockerfile'), `ARG BASE\nFROM \${BASE}\nRUN echo ${uniqueName('creds')} > /id\nCOPY src/ /app/src/\n`);
  return workspace;
}

let tokens: TokenRegistry;
beforeAll(async () => {
  tokens = await startTokenRegistry();
});
afterAll(async () => {
  await tokens?.close();
});

/** Runs the action pushing one image to the htpasswd registry and one to the token registry, with no credential inputs. */
async function pushToBoth(env: Record<string, string | undefined>): Promise<{ run: ActionRun; argv: Set<string>; images: string[] }> {
  const images = [`${authRegistry}/${uniqueName('e2e/creds')}`, `${tokens.host}/${uniqueName('e2e/creds')}`];
  const { result: run, argv } = await watchArgv(() =>
    runAction({
      workspace: workspaceWithUniqueStep(),
      runnerTemp: runnerTempDir(),
      inputs: { images: images.join('\n'), 'build-args': `BASE=${stack.IMAGE_BUILD_AUTH_BASE_IMAGE}`, cache: 'false' },
      env,
    }),
  );
  return { run, argv, images };
}

async function expectPushedToBoth(run: ActionRun, images: string[]): Promise<void> {
  expect(run.code, run.stdout + run.stderr).toBe(0);
  expect(run.outputs.built).toBe('true');
  expect(await registryDigest(`${images[0]}:main`, { username: authUser, password: authPassword })).toBe(run.outputs.digest);
  expect(await tokens.digest(`${images[1]}:main`)).toBe(run.outputs.digest);
}

describe('credentials from docker login (auths in ~/.docker/config.json)', () => {
  let home: string;
  let run: ActionRun;
  let argv: Set<string>;
  let images: string[];
  let identityTokens: string[];

  beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-home-'));
    const config = path.join(home, '.docker');
    await dockerLogin(config, authRegistry, authUser, authPassword);
    await dockerLogin(config, tokens.host, tokens.user, tokens.password);
    identityTokens = tokens.refreshTokens();
    tokens.requests.length = 0;
    ({ run, argv, images } = await pushToBoth({ HOME: home, DOCKER_CONFIG: undefined }));
  });

  it('docker login stored a password for one registry and an identity token for the other', () => {
    const saved = JSON.parse(fs.readFileSync(path.join(home, '.docker/config.json'), 'utf8')) as { auths: Record<string, { auth?: string; identitytoken?: string }> };
    expect(saved.auths[authRegistry]?.auth).toBeTruthy();
    expect(saved.auths[tokens.host]?.identitytoken).toBe(identityTokens[0]);
  });

  it('pushes to both registries in one step, with no username or password input', async () => {
    await expectPushedToBoth(run, images);
  });

  it('the action and BuildKit exchanged the identity token at the token service (OAuth refresh_token grant)', () => {
    const grants = tokens.requests.filter((request) => request.method === 'POST').map((request) => `${request.clientId}:${request.grant}`);
    expect(grants).toContain('image-build:refresh_token');
    expect(grants.some((grant) => grant.endsWith(':refresh_token') && !grant.startsWith('image-build:'))).toBe(true);
    expect(tokens.requests.filter((request) => request.grant === 'rejected')).toEqual([]);
  });

  it('masks the password and the identity token, and leaks neither', () => {
    expect(run.stdout).toContain(`::add-mask::${authPassword}`);
    expect(run.stdout).toContain(`::add-mask::${identityTokens[0]}`);
    expect(leaksOf(run, argv, { password: authPassword, identityToken: identityTokens[0]! }, [authUser, tokens.user, ''])).toEqual([]);
    expect(fs.readdirSync(run.runnerTemp).filter((name) => /^image-build-(secrets|docker)-/.test(name))).toEqual([]);
  });
});

describe('credentials from a credential helper (credHelpers) on PATH', () => {
  let run: ActionRun;
  let argv: Set<string>;
  let images: string[];
  let helperLog: string;
  let helperSecret: string;

  beforeAll(async () => {
    // The identity token comes from a login of our own, kept only in the helper's store.
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-login-'));
    await dockerLogin(scratch, tokens.host, tokens.user, tokens.password);
    helperSecret = (JSON.parse(fs.readFileSync(path.join(scratch, 'config.json'), 'utf8')) as { auths: Record<string, { identitytoken: string }> }).auths[tokens.host]!.identitytoken;
    fs.rmSync(scratch, { recursive: true, force: true });

    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-helper-'));
    const store = path.join(bin, 'store.json');
    helperLog = path.join(bin, 'calls.log');
    fs.writeFileSync(store, JSON.stringify({ [authRegistry]: { Username: authUser, Secret: authPassword }, [tokens.host]: { Username: '<token>', Secret: helperSecret } }), { mode: 0o600 });
    // The helper protocol: `get`, the server on stdin, JSON on stdout; "not found" otherwise.
    fs.writeFileSync(
      path.join(bin, 'docker-credential-imagebuildtest'),
      `#!/bin/sh\n[ "$1" = get ] || exit 1\nread -r server\necho "get $server" >> '${helperLog}'\n` +
        `exec '${process.execPath}' -e 'const s=require(process.argv[1])[process.argv[2]]; if(!s){console.log("credentials not found in native keychain");process.exit(1)} console.log(JSON.stringify({ServerURL:process.argv[2],...s}))' '${store}' "$server"\n`,
      { mode: 0o755 },
    );
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-home-'));
    fs.mkdirSync(path.join(home, '.docker'));
    fs.writeFileSync(path.join(home, '.docker/config.json'), JSON.stringify({ credHelpers: { [authRegistry]: 'imagebuildtest', [tokens.host]: 'imagebuildtest' } }));
    ({ run, argv, images } = await pushToBoth({ HOME: home, DOCKER_CONFIG: undefined, PATH: `${bin}:${dockerEnv().PATH}` }));
  });

  it('pushes to both registries with what the helper gave', async () => {
    await expectPushedToBoth(run, images);
    const calls = fs.readFileSync(helperLog, 'utf8').split('\n').filter(Boolean);
    expect(new Set(calls)).toEqual(new Set([`get ${authRegistry}`, `get ${tokens.host}`]));
  });

  it('masks what the helper printed and leaks it nowhere', () => {
    expect(run.stdout).toContain(`::add-mask::${authPassword}`);
    expect(run.stdout).toContain(`::add-mask::${helperSecret}`);
    expect(leaksOf(run, argv, { password: authPassword, helperSecret }, [authUser, ''])).toEqual([]);
  });
});

describe('DOCKER_CONFIG pointing elsewhere than ~/.docker', () => {
  it('reads the logins there, pushes to both, and leaves that config untouched', async () => {
    const config = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-docker-config-'));
    await dockerLogin(config, authRegistry, authUser, authPassword);
    await dockerLogin(config, tokens.host, tokens.user, tokens.password);
    const before = fs.readFileSync(path.join(config, 'config.json'), 'utf8');
    const emptyHome = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-home-'));
    const { run, argv, images } = await pushToBoth({ HOME: emptyHome, DOCKER_CONFIG: config });
    await expectPushedToBoth(run, images);
    expect(leaksOf(run, argv, { password: authPassword, identityToken: tokens.refreshTokens().at(-1)! }, [authUser, ''])).toEqual([]);
    expect(fs.readFileSync(path.join(config, 'config.json'), 'utf8')).toBe(before);
    expect(fs.readdirSync(emptyHome)).toEqual([]);
  });
});

describe('a registry without credentials', () => {
  it('fails before building, naming the registry and how to log in to it; the other registry gets nothing', async () => {
    const open = `${stack.IMAGE_BUILD_REGISTRY}/${uniqueName('e2e/creds-open')}`;
    const locked = `${authRegistry}/${uniqueName('e2e/creds-locked')}`;
    const run = await runAction({
      workspace: workspaceWithUniqueStep(),
      inputs: { images: `${open}\n${locked}`, 'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`, cache: 'false' },
      env: { HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-home-')), DOCKER_CONFIG: undefined },
    });
    expect(run.code).not.toBe(0);
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`registry ${authRegistry} requires a login`);
    expect(errors[0]).toContain(`docker/login-action with registry: ${authRegistry}`);
    expect(errors[0]).toContain('"logins"');
    expect(run.stdout).not.toContain('::group::Build');
    expect(await registryDigest(`${open}:main`)).toBeUndefined();
  });
});

describe('a credential helper that never answers', () => {
  /** A `docker-credential-hang` that writes its pid, then waits a minute; a config that names it for the htpasswd registry, beside that registry's plain login. */
  function hangingHelper(): { env: Record<string, string | undefined>; pidFile: string } {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-helper-'));
    const pidFile = path.join(bin, 'hang.pid');
    fs.writeFileSync(path.join(bin, 'docker-credential-hang'), `#!/bin/sh\necho $$ > '${pidFile}'\nexec sleep 60\n`, { mode: 0o755 });
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-home-'));
    fs.mkdirSync(path.join(home, '.docker'));
    const auth = Buffer.from(`${authUser}:${authPassword}`).toString('base64');
    fs.writeFileSync(path.join(home, '.docker/config.json'), JSON.stringify({ credHelpers: { [authRegistry]: 'hang' }, auths: { [authRegistry]: { auth } } }));
    return { env: { HOME: home, DOCKER_CONFIG: undefined, PATH: `${bin}:${dockerEnv().PATH}` }, pidFile };
  }

  const helperAlive = (pidFile: string) => alive(Number(fs.readFileSync(pidFile, 'utf8')));

  it('is stopped at the time limit with one warning; the plain login of the config pushes', async () => {
    const { env, pidFile } = hangingHelper();
    const image = `${authRegistry}/${uniqueName('e2e/creds-hang')}`;
    const run = await runAction({
      workspace: workspaceWithUniqueStep(),
      inputs: { images: image, 'build-args': `BASE=${stack.IMAGE_BUILD_AUTH_BASE_IMAGE}`, cache: 'false' },
      env: { ...env, IMAGE_BUILD_CREDENTIAL_HELPER_TIMEOUT: '2' },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const warnings = run.stdout.split('\n').filter((line) => line.startsWith('::warning::docker-credential-hang'));
    expect(warnings).toEqual([expect.stringContaining(`docker-credential-hang get did not answer for ${authRegistry} within 2 s and was stopped; trying the plain logins of`)]);
    expect(await registryDigest(`${image}:main`, { username: authUser, password: authPassword })).toBe(run.outputs.digest);
    expect(helperAlive(pidFile)).toBe(false);
    expect(run.stdout).toContain(`::add-mask::${authPassword}`);
  });

  it("a cancel while it runs stops the step at once, the helper with it", async () => {
    const { env, pidFile } = hangingHelper();
    const run = await runAction({
      workspace: workspaceWithUniqueStep(),
      inputs: { images: `${authRegistry}/${uniqueName('e2e/creds-hang')}`, 'build-args': `BASE=${stack.IMAGE_BUILD_AUTH_BASE_IMAGE}`, cache: 'false' },
      env,
      cancelWhen: () => fs.existsSync(pidFile),
    });
    expect(run.code).not.toBe(0);
    // SIGINT was enough: no SIGTERM 7.5 s later, as a blocked event loop would have needed.
    expect(run.signals.map((signal) => signal.name)).toEqual(['SIGINT']);
    expect(run.stdout).toContain('the step was cancelled (SIGINT)');
    expect(run.stdout).not.toContain('::warning::docker-credential-hang');
    expect(helperAlive(pidFile)).toBe(false);
  });
});
