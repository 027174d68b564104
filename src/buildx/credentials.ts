/**
 * Registry credentials as the Docker CLI finds them, so that a job that ran
 * docker/login-action (or has a credential helper) needs no `username` or
 * `password` here: per registry, `credHelpers[<registry>]`, else `credsStore`,
 * run as `docker-credential-<name> get`; else the `auths` entry of
 * `$DOCKER_CONFIG/config.json` (`auth`, `username`/`password`, `identitytoken`).
 * The step's own logins go on top; the job's token for ghcr.io is the last resort.
 * A helper runs as a child process like any other (process.ts): the event loop goes on
 * while it works, a cancel stops it, and one that does not answer in time is stopped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isCancelled } from '../common/cancel.ts';
import { UserError, messageOf } from '../common/errors.ts';
import { CommandNotFoundError, runProcess } from '../common/process.ts';
import { parseReference } from '../registry/reference.ts';
import { csvFields } from '../inputs/list.ts';

export interface RegistryLogin {
  registry: string;
  username: string;
  password: string;
  /** An OAuth refresh token from `docker login` (`identitytoken`), used instead of the password at the token service. */
  identityToken?: string;
}

/** What the user's config.json says, as far as credentials and the private copy care. */
export interface DockerConfigFile {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
  [key: string]: unknown;
}

/** Docker Hub's credentials live under its old index URL; helpers are asked for that name too. */
export const DOCKER_HUB_AUTH_KEY = 'https://index.docker.io/v1/';

export function authKey(registry: string): string {
  return registry === 'docker.io' ? DOCKER_HUB_AUTH_KEY : registry;
}

/** The registry a config key names: `https://ghcr.io/v2/` → `ghcr.io`, the Hub's index URL → `docker.io`. */
export function registryOfAuthKey(key: string): string {
  const host = key.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  return ['index.docker.io', 'registry-1.docker.io', 'docker.io'].includes(host) ? 'docker.io' : host;
}

export function readDockerConfigFile(dir: string): DockerConfigFile {
  const file = path.join(dir, 'config.json');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' ? (parsed as DockerConfigFile) : {};
  } catch (error) {
    throw new UserError(`${file} is not valid JSON (${messageOf(error)}); fix or remove it, or point DOCKER_CONFIG elsewhere`);
  }
}

/** The plain (no helper) login an `auths` entry holds, if any. */
export function loginFromAuthEntry(registry: string, entry: NonNullable<DockerConfigFile['auths']>[string]): RegistryLogin | undefined {
  let username = entry.username ?? '';
  let password = entry.password ?? '';
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon >= 0) {
      username = decoded.slice(0, colon);
      password = decoded.slice(colon + 1);
    }
  }
  const identityToken = entry.identitytoken || undefined;
  if (!username && !password && !identityToken) return undefined;
  return { registry, username, password, ...(identityToken ? { identityToken } : {}) };
}

/** Runs `docker-credential-<helper> get`; undefined when it has nothing for the server. */
export type HelperRunner = (helper: string, serverUrl: string) => Promise<{ username: string; secret: string } | undefined>;

/** How long a helper may take (a keychain prompt, a cloud CLI fetching a token) before it is stopped. */
export const HELPER_TIMEOUT_MS = 30_000;

/**
 * The helper protocol: the server URL on stdin, `{ServerURL, Username, Secret}` JSON on
 * stdout. `IMAGE_BUILD_CREDENTIAL_HELPER_TIMEOUT` (seconds) replaces the time limit.
 * A cancel of the step stops the helper and rejects with the cancel's error.
 */
export function runCredentialHelper(env: NodeJS.ProcessEnv, options: { signal?: AbortSignal } = {}): HelperRunner {
  const seconds = Number(env.IMAGE_BUILD_CREDENTIAL_HELPER_TIMEOUT);
  const timeoutMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : HELPER_TIMEOUT_MS;
  return async (helper, serverUrl) => {
    const command = `docker-credential-${helper}`;
    let run;
    try {
      run = await runProcess(command, ['get'], { env, input: serverUrl, timeoutMs, signal: options.signal });
    } catch (error) {
      if (error instanceof CommandNotFoundError) throw new HelperError(`credential helper ${command} is not on PATH`);
      throw error;
    }
    if (run.cancelled) throw new HelperCancelled(command);
    if (run.timedOut) throw new HelperError(`${command} get did not answer for ${serverUrl} within ${timeoutMs / 1000} s and was stopped`);
    if (run.code !== 0) {
      // "credentials not found in native keychain": the helper knows nothing of this server.
      if (/not found/i.test(`${run.stdout}${run.stderr}`)) return undefined;
      throw new HelperError(`${command} get failed for ${serverUrl} (exit status ${run.code})`);
    }
    let parsed: { Username?: string; Secret?: string };
    try {
      parsed = JSON.parse(run.stdout) as { Username?: string; Secret?: string };
    } catch {
      throw new HelperError(`${command} get printed no JSON for ${serverUrl}`);
    }
    return parsed.Secret ? { username: parsed.Username ?? '', secret: parsed.Secret } : undefined;
  };
}

/** A helper that failed; its message never holds what the helper printed (that may be a secret). */
export class HelperError extends Error {}

/** A helper stopped by the step's cancel: the run ends, no other login is tried. */
export class HelperCancelled extends Error {
  constructor(command: string) {
    super(`${command} was stopped: the step was cancelled`);
    this.name = 'HelperCancelled';
  }
}

export interface CredentialOptions {
  /** The user's Docker config folder (DOCKER_CONFIG or ~/.docker). */
  configDir: string;
  /** Logins given to the step (`username`/`password`, `logins`): above the config. */
  explicit: RegistryLogin[];
  /** Below the config: the job's token for ghcr.io. */
  fallback?: RegistryLogin[];
  runHelper: HelperRunner;
  /** Called with every secret found, so the runner masks it before anything could print it. */
  onSecret?: (secret: string) => void;
  warn?: (message: string) => void;
}

/**
 * Per-registry credentials, looked up lazily (a helper runs once per registry,
 * only for registries the run talks to, however many requests ask at once) and
 * remembered for the private config.
 */
export class Credentials {
  private readonly config: DockerConfigFile;
  private readonly found = new Map<string, Promise<RegistryLogin | undefined>>();

  constructor(private readonly options: CredentialOptions) {
    this.config = readDockerConfigFile(options.configDir);
    for (const login of [...options.explicit, ...(options.fallback ?? [])]) this.mask(login);
  }

  async lookup(registry: string): Promise<RegistryLogin | undefined> {
    const explicit = this.options.explicit.find((login) => login.registry === registry);
    if (explicit) return explicit;
    let found = this.found.get(registry);
    if (!found) {
      found = this.fromConfig(registry);
      this.found.set(registry, found);
    }
    return (await found) ?? this.options.fallback?.find((login) => login.registry === registry);
  }

  /** Every login known for `registries`, plus all explicit ones: what the private config must hold. */
  async loginsFor(registries: string[]): Promise<RegistryLogin[]> {
    const logins = new Map<string, RegistryLogin>();
    for (const login of this.options.explicit) logins.set(login.registry, login);
    const looked = await Promise.all(registries.map(async (registry) => [registry, await this.lookup(registry)] as const));
    for (const [registry, login] of looked) if (login) logins.set(registry, login);
    return [...logins.values()];
  }

  private async fromConfig(registry: string): Promise<RegistryLogin | undefined> {
    const helper = this.config.credHelpers?.[registry] ?? this.config.credHelpers?.[authKey(registry)] ?? this.config.credsStore;
    if (helper) {
      try {
        const got = await this.options.runHelper(helper, authKey(registry));
        if (got) {
          // `<token>` is how helpers say the secret is an identity token, not a password.
          const login = got.username === '<token>' ? { registry, username: '', password: '', identityToken: got.secret } : { registry, username: got.username, password: got.secret };
          return this.mask(login);
        }
      } catch (error) {
        // A cancel ends the run: no fallback, no warning.
        if (error instanceof HelperCancelled || isCancelled(error)) throw error;
        this.options.warn?.(`${messageOf(error)}; trying the plain logins of ${path.join(this.options.configDir, 'config.json')} for ${registry}`);
      }
    }
    for (const [key, entry] of Object.entries(this.config.auths ?? {})) {
      if (registryOfAuthKey(key) !== registry) continue;
      const login = loginFromAuthEntry(registry, entry);
      if (login) return this.mask(login);
    }
    return undefined;
  }

  private mask(login: RegistryLogin): RegistryLogin {
    for (const secret of [login.password, login.identityToken]) if (secret) this.options.onSecret?.(secret);
    return login;
  }
}

/**
 * The `logins` input: one `registry=…,username=…,password=…` a line, for jobs
 * that do not log in beforehand. Values may be quoted to hold commas.
 */
export function parseLoginsInput(text: string): RegistryLogin[] {
  const logins: RegistryLogin[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const values: Record<string, string> = {};
    let fields: string[];
    try {
      fields = csvFields(line, { relaxQuotes: true });
    } catch {
      throw new UserError('logins: a line has an unterminated quote; quote whole fields ("password=a,b"), with "" for a quote inside', { input: 'logins' });
    }
    for (const field of fields) {
      const eq = field.indexOf('=');
      const key = eq < 0 ? '' : field.slice(0, eq).trim();
      if (!['registry', 'username', 'password'].includes(key)) {
        // Never echo the line: it may hold a password.
        throw new UserError(`logins: line ${logins.length + 1} has a field other than registry=, username=, password=`, { input: 'logins' });
      }
      values[key] = field.slice(eq + 1);
    }
    if (!values.registry || !values.username || !values.password) {
      throw new UserError(`logins: line ${logins.length + 1} needs registry=, username= and password=`, { input: 'logins' });
    }
    logins.push({ registry: registryOfAuthKey(values.registry), username: values.username, password: values.password });
  }
  return logins;
}

/** The registries of image references (a run's images, base images, cache image); unparsable ones (an unset ARG) are skipped. */
export function registriesOf(refs: string[]): string[] {
  const registries = new Set<string>();
  for (const ref of refs) {
    try {
      registries.add(parseReference(ref).registry);
    } catch {
      // nothing to log in to
    }
  }
  return [...registries];
}
