// Where the demo and the stack's own logins find Buildx (scripts/stack/engine.sh:
// link_login_plugins): the stack's engine, or a Buildx only in ~/.docker/cli-plugins
// (docker/setup-buildx-action, many laptops), or in $DOCKER_CONFIG. The private login
// config then answers `docker buildx` with that very plugin.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const engine = path.resolve(import.meta.dirname, '../../scripts/stack/engine.sh');

/** A folder with cli-plugins/docker-buildx: a script that says which one it is. */
function pluginDir(root: string, name: string): string {
  const dir = path.join(root, name);
  fs.mkdirSync(path.join(dir, 'cli-plugins'), { recursive: true });
  const plugin = path.join(dir, 'cli-plugins', 'docker-buildx');
  fs.writeFileSync(plugin, `#!/bin/sh\necho "buildx from ${name}"\n`, { mode: 0o755 });
  return dir;
}

function linkPlugins(loginConfig: string, clientConfig: string, env: NodeJS.ProcessEnv): { code: number | null; stderr: string } {
  const script = 'SAY_AS=stack; . "$1"; link_login_plugins "$2" "$3"';
  const result = spawnSync('bash', ['-c', script, 'bash', engine, loginConfig, clientConfig], { encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });
  return { code: result.status, stderr: result.stderr };
}

describe('link_login_plugins', () => {
  const cases = [
    { where: "the stack's own engine", client: true, home: true, dockerConfig: false, expected: 'client' },
    { where: '~/.docker/cli-plugins only', client: false, home: true, dockerConfig: false, expected: 'home/.docker' },
    { where: "the user's DOCKER_CONFIG", client: false, home: true, dockerConfig: true, expected: 'user-config' },
    { where: 'nowhere (a system folder, found whatever the config)', client: false, home: false, dockerConfig: false, expected: undefined },
  ];
  it.each(cases)('Buildx in $where', ({ client, home, dockerConfig, expected }) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stack-plugins-'));
    const clientConfig = client ? pluginDir(root, 'client') : path.join(root, 'client');
    if (home) pluginDir(root, 'home/.docker');
    const userConfig = dockerConfig ? pluginDir(root, 'user-config') : undefined;
    const loginConfig = path.join(root, 'login');
    // A stale folder from an earlier layout is replaced by the link.
    fs.mkdirSync(path.join(loginConfig, 'cli-plugins'), { recursive: true });

    const linked = linkPlugins(loginConfig, clientConfig, { HOME: path.join(root, 'home'), ...(userConfig ? { DOCKER_CONFIG: userConfig } : {}) });
    expect(linked.code, linked.stderr).toBe(0);

    const plugins = path.join(loginConfig, 'cli-plugins');
    if (!expected) {
      expect(fs.existsSync(plugins)).toBe(false);
      return;
    }
    expect(fs.realpathSync(plugins)).toBe(fs.realpathSync(path.join(root, expected, 'cli-plugins')));
    const answer = spawnSync(path.join(plugins, 'docker-buildx'), { encoding: 'utf8' });
    expect(answer.stdout.trim()).toBe(`buildx from ${expected}`);
  });

  it('the docker CLI runs the linked plugin under the private config', () => {
    const docker = spawnSync('docker', ['--version'], { encoding: 'utf8' });
    if (docker.status !== 0) {
      console.log('stack-plugins: no docker CLI on PATH; the CLI half is skipped');
      return;
    }
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stack-plugins-cli-'));
    const home = path.join(root, 'home');
    // The CLI runs a plugin only when it answers its metadata call.
    const plugin = path.join(home, '.docker', 'cli-plugins', 'docker-buildx');
    fs.mkdirSync(path.dirname(plugin), { recursive: true });
    fs.writeFileSync(
      plugin,
      '#!/bin/sh\nif [ "$1" = docker-cli-plugin-metadata ]; then echo \'{"SchemaVersion":"0.1.0","Vendor":"test","Version":"v0.0.0-home"}\'; exit 0; fi\necho "home buildx: $*"\n',
      { mode: 0o755 },
    );
    const loginConfig = path.join(root, 'login');
    expect(linkPlugins(loginConfig, path.join(root, 'client'), { HOME: home }).code).toBe(0);
    const run = spawnSync('docker', ['buildx', 'version'], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: path.join(root, 'elsewhere'), DOCKER_CONFIG: loginConfig } });
    expect(run.stdout.trim()).toBe('home buildx: buildx version');
  });
});
