// Buildx installed only in ~/.docker/cli-plugins (as docker/setup-buildx-action does), and a
// current builder chosen in the user's Docker config: the private DOCKER_CONFIG that holds
// the step's logins must still find that Buildx and keep that builder. The system plugin
// folders are hidden for the run by bind-mounting an empty folder over them in a mount
// namespace of its own (unshare -m), so the only Buildx the build can find is the one the
// private config links to.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dockerEnv, exampleWorkspace, registryDigest, runAction, runnerTempDir, stack, uniqueName, type ActionRun } from './helpers.ts';

const SYSTEM_PLUGIN_DIRS = ['/usr/local/lib/docker/cli-plugins', '/usr/local/libexec/docker/cli-plugins', '/usr/lib/docker/cli-plugins', '/usr/libexec/docker/cli-plugins'];
const present = SYSTEM_PLUGIN_DIRS.filter((dir) => fs.existsSync(dir));
const userPlugin = path.join(os.homedir(), '.docker/cli-plugins/docker-buildx');
const buildx = [...present.map((dir) => path.join(dir, 'docker-buildx')), userPlugin].find((file) => fs.existsSync(file));
const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-no-plugins-'));
// Mounts, then runs the rest of its argv: no shell in between, as sh drops the runner's
// INPUT_BUILD-ARGS-style variables (names with hyphens) from the environment.
const mounter = path.join(empty, '..', `${path.basename(empty)}-mount.cjs`);
fs.writeFileSync(
  mounter,
  "const { execFileSync, spawnSync } = require('node:child_process');\n" +
    "const [empty, ...rest] = process.argv.slice(2); const at = rest.indexOf('--');\n" +
    "for (const dir of rest.slice(0, at)) execFileSync('mount', ['--bind', empty, dir]);\n" +
    "const [command, ...args] = rest.slice(at + 1);\n" +
    "process.exitCode = spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;\n",
);
/** Runs the rest of its argv with every system plugin folder empty. */
const hideSystemPlugins = ['unshare', '-m', '--propagation', 'private', process.execPath, mounter, empty, ...present, '--'];

function inNamespace(args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync(hideSystemPlugins[0]!, [...hideSystemPlugins.slice(1), ...args], { env, encoding: 'utf8' });
}

const canHide = buildx !== undefined && inNamespace(['true'], process.env).status === 0;

describe.skipIf(!canHide)('Buildx only in ~/.docker/cli-plugins, a current builder in the user config', () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-home-'));
  const userConfig = path.join(home, '.docker');
  const contextName = uniqueName('ib-current');
  const image = `${stack.IMAGE_BUILD_AUTH_REGISTRY}/${uniqueName('e2e/plugins')}`;
  let run: ActionRun;

  beforeAll(async () => {
    fs.mkdirSync(path.join(userConfig, 'cli-plugins'), { recursive: true });
    fs.symlinkSync(fs.realpathSync(buildx!), path.join(userConfig, 'cli-plugins/docker-buildx'));
    // The current builder is a Docker context's, reached through a socket path of its own.
    const socket = path.join(home, 'engine.sock');
    fs.symlinkSync(dockerEnv().DOCKER_HOST!.replace(/^unix:\/\//, ''), socket);
    const env = { ...dockerEnv(), HOME: home, DOCKER_CONFIG: userConfig };
    execFileSync('docker', ['context', 'create', contextName, '--docker', `host=unix://${socket}`], { env, stdio: 'ignore' });
    execFileSync('docker', ['context', 'use', contextName], { env, stdio: 'ignore' });
    // Buildx's state folder exists, as setup-buildx-action leaves it (instances, current builder).
    execFileSync('docker', ['buildx', 'inspect'], { env: { ...env, DOCKER_HOST: '' }, stdio: 'ignore' });
    expect(fs.existsSync(path.join(userConfig, 'buildx'))).toBe(true);
    const workspace = exampleWorkspace();
    fs.writeFileSync(path.join(workspace, 'Dockerfile'), `ARG BASE\nFROM \${BASE}\nRUN echo ${uniqueName('plugins')} > /id\n`);
    run = await runAction({
      workspace,
      runnerTemp: runnerTempDir(),
      wrap: hideSystemPlugins,
      inputs: {
        images: image,
        username: stack.IMAGE_BUILD_AUTH_USER!,
        password: stack.IMAGE_BUILD_AUTH_PASSWORD!,
        'build-args': `BASE=${stack.IMAGE_BUILD_AUTH_BASE_IMAGE}`,
        cache: 'false',
      },
      // No DOCKER_HOST: it would override the current context.
      env: { HOME: home, DOCKER_CONFIG: undefined, DOCKER_HOST: undefined },
    });
  });

  it('in that namespace only the user config holds a Buildx (the premise of this test)', () => {
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-bare-config-'));
    expect(inNamespace(['docker', 'buildx', 'version'], { ...dockerEnv(), DOCKER_CONFIG: bare }).status).not.toBe(0);
    expect(inNamespace(['docker', 'buildx', 'version'], { ...dockerEnv(), HOME: home, DOCKER_CONFIG: undefined }).status).toBe(0);
  });

  it('builds and pushes with username/password through the private config', async () => {
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.outputs.built).toBe('true');
    expect(await registryDigest(`${image}:main`, { username: stack.IMAGE_BUILD_AUTH_USER!, password: stack.IMAGE_BUILD_AUTH_PASSWORD! })).toBe(run.outputs.digest);
  });

  it("the build ran on the user's current builder, and Buildx kept its record in the user's Buildx state", () => {
    expect(fs.readdirSync(path.join(userConfig, 'buildx/refs'))).toContain(contextName);
    expect(fs.readdirSync(path.join(userConfig, 'buildx/refs', contextName)).length).toBeGreaterThan(0);
  });
});
