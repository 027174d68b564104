/**
 * Registry credentials live in a private DOCKER_CONFIG under RUNNER_TEMP for
 * the length of the step: never on a command line, never in the user's own
 * ~/.docker/config.json. BuildKit reads them through the Buildx client.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { authKey, readDockerConfigFile, type RegistryLogin } from './credentials.ts';

export type { RegistryLogin } from './credentials.ts';

export interface PrivateDockerConfig {
  dir: string;
  remove(): void;
}

/**
 * What the Docker CLI keeps beside config.json and the private config shares:
 * plugins (setup-buildx-action installs Buildx in `cli-plugins/`), Buildx's
 * builders and current-builder choice (`buildx/`), and Docker contexts.
 */
const SHARED_ENTRIES = ['cli-plugins', 'buildx', 'contexts'];

/**
 * Creates the private config: the user's config.json (proxies, current context,
 * plugin dirs, other logins) with `logins` written as plain entries, linked to the
 * user's plugins, Buildx state and contexts, so the same Buildx and builder run.
 * `credsStore` is dropped (it would hide the written logins); a `credHelpers` entry
 * stays only for a registry that has no login here.
 */
export function createDockerConfig(tempRoot: string, logins: RegistryLogin[], originalDir = defaultDockerConfigDir()): PrivateDockerConfig {
  const dir = path.join(tempRoot, `image-build-docker-${crypto.randomBytes(6).toString('hex')}`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const shared of SHARED_ENTRIES) {
    const source = path.join(originalDir, shared);
    // Buildx's state is always the user's: a builder made in this step (own-builder.ts) outlives the private config.
    if (shared === 'buildx') fs.mkdirSync(source, { recursive: true });
    if (fs.existsSync(source)) fs.symlinkSync(source, path.join(dir, shared));
  }
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(privateConfig(readDockerConfigFile(originalDir), logins)), { mode: 0o600 });
  return { dir, remove: () => removeDockerConfig(dir) };
}

/** The private config.json's content (pure). */
export function privateConfig(original: ReturnType<typeof readDockerConfigFile>, logins: RegistryLogin[]): Record<string, unknown> {
  const { credsStore: _store, credHelpers, auths, ...rest } = original;
  const written: Record<string, Record<string, string>> = { ...(auths as Record<string, Record<string, string>> | undefined) };
  for (const login of logins) {
    // The CLI rejects the whole file over an `auth` without a user name (a helper's `<token>` login has none).
    const entry: Record<string, string> = login.username ? { auth: Buffer.from(`${login.username}:${login.password}`).toString('base64') } : {};
    if (login.identityToken) entry.identitytoken = login.identityToken;
    if (Object.keys(entry).length === 0) continue;
    written[authKey(login.registry)] = entry;
  }
  const config: Record<string, unknown> = { ...rest, auths: written };
  const covered = new Set(logins.flatMap((login) => [login.registry, authKey(login.registry)]));
  const helpers = Object.entries(credHelpers ?? {}).filter(([registry]) => !covered.has(registry));
  if (helpers.length) config.credHelpers = Object.fromEntries(helpers);
  return config;
}

export function removeDockerConfig(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export function defaultDockerConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DOCKER_CONFIG || path.join(env.HOME || os.homedir(), '.docker');
}

/** The action state under which main tells the post step which folder to remove. */
export const SECRETS_STATE = 'image-build-secrets-dir';
