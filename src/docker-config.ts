/**
 * Registry credentials live in a private DOCKER_CONFIG under RUNNER_TEMP for
 * the length of the step: never on a command line, never in the user's own
 * ~/.docker/config.json. BuildKit reads them through the Buildx client.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RegistryLogin {
  registry: string;
  username: string;
  password: string;
}

export interface PrivateDockerConfig {
  dir: string;
  remove(): void;
}

/**
 * Creates the private config. Plugins, Buildx builders and Docker contexts
 * stay the user's: they are linked from the original config folder, and the
 * current context is carried over, so `builder:` and remote engines still work.
 */
export function createDockerConfig(tempRoot: string, logins: RegistryLogin[], originalDir = defaultDockerConfigDir()): PrivateDockerConfig {
  const dir = path.join(tempRoot, `image-build-docker-${crypto.randomBytes(6).toString('hex')}`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const shared of ['cli-plugins', 'buildx', 'contexts']) {
    const source = path.join(originalDir, shared);
    if (fs.existsSync(source)) fs.symlinkSync(source, path.join(dir, shared));
  }
  const auths: Record<string, { auth: string }> = {};
  for (const login of logins) {
    auths[authKey(login.registry)] = { auth: Buffer.from(`${login.username}:${login.password}`).toString('base64') };
  }
  const config: Record<string, unknown> = { auths };
  const currentContext = readCurrentContext(originalDir);
  if (currentContext) config.currentContext = currentContext;
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config), { mode: 0o600 });
  return { dir, remove: () => removeDockerConfig(dir) };
}

// Docker keeps Docker Hub's credentials under its old index URL.
function authKey(registry: string): string {
  return registry === 'docker.io' ? 'https://index.docker.io/v1/' : registry;
}

export function removeDockerConfig(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export function defaultDockerConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DOCKER_CONFIG || path.join(os.homedir(), '.docker');
}

function readCurrentContext(originalDir: string): string | undefined {
  try {
    const config = JSON.parse(fs.readFileSync(path.join(originalDir, 'config.json'), 'utf8')) as { currentContext?: string };
    return config.currentContext;
  } catch {
    return undefined;
  }
}

/** The action state under which main tells the post step which folder to remove. */
export const SECRETS_STATE = 'image-build-secrets-dir';

/**
 * The plain `auth` entries of a Docker config, for the CLI's registry calls.
 * Credential helpers are not run: their registries are reached anonymously.
 */
export function loginsFromDockerConfig(dir = defaultDockerConfigDir()): RegistryLogin[] {
  try {
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as { auths?: Record<string, { auth?: string }> };
    return Object.entries(config.auths ?? {}).flatMap(([registry, entry]) => {
      if (!entry.auth) return [];
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      return colon < 0 ? [] : [{ registry: registryOfAuthKey(registry), username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }];
    });
  } catch {
    return [];
  }
}

function registryOfAuthKey(key: string): string {
  const host = key.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  return host === 'index.docker.io' ? 'docker.io' : host;
}
