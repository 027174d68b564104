// Registry authentication as the distribution spec and Docker do it: ping `/v2/` once
// per registry to learn its challenge, then answer every request with Basic
// credentials or a Bearer token from the challenge's token service. Tokens are kept
// per scope set until they expire, so a run asks for each scope once.
import { parseWwwAuthenticate, pickChallenge, type Challenge } from './challenge.ts';
import { apiHost } from './reference.ts';
import { RegistryError, registryErrorSuffix } from './registry-error.ts';
import { type HttpRequest, type HttpTransport } from './transport.ts';

export interface RegistryCredentials {
  username: string;
  password: string;
  /**
   * An OAuth refresh token (`identitytoken` of a Docker login): exchanged at the
   * token service by a POST with `grant_type=refresh_token`, in place of the password.
   */
  identityToken?: string;
}

/**
 * Credentials for a registry as the user named it (`ghcr.io`, `127.0.0.1:15001`, `docker.io`);
 * a promise when finding them runs something (a credential helper).
 */
export type CredentialLookup = (registry: string) => RegistryCredentials | undefined | Promise<RegistryCredentials | undefined>;
export type CredentialSource = ReadonlyMap<string, RegistryCredentials> | CredentialLookup;

/** Token lifetime when the token service does not say (the spec's default). */
const DEFAULT_TOKEN_SECONDS = 60;
/** Renew a little early, so a token does not expire between our check and the registry's. */
const TOKEN_EXPIRY_MARGIN_MS = 10_000;

interface CachedToken {
  token: string;
  expiresAt: number;
}

interface RegistryAuthState {
  /** The `/v2/` ping, shared by concurrent first requests. */
  ping?: Promise<void>;
  /** What the registry asks for; undefined when it answered `/v2/` without one. */
  challenge?: Challenge;
  /** Keyed by the sorted, space-joined scopes. Promises, so concurrent requests share one fetch. */
  tokens: Map<string, Promise<CachedToken>>;
}

export class Authenticator {
  private readonly states = new Map<string, RegistryAuthState>();
  private readonly lookup: CredentialLookup;

  constructor(
    private readonly transport: HttpTransport,
    credentials: CredentialSource | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.lookup =
      typeof credentials === 'function' ? credentials : (registry) => credentials?.get(registry);
  }

  /** The user name for messages; never the password. */
  async username(registry: string): Promise<string | undefined> {
    return (await this.lookup(registry))?.username;
  }

  /** The `Authorization` header for a request needing `scopes`, or undefined when none is needed. */
  async authorization(registry: string, scopes: string[]): Promise<string | undefined> {
    const state = this.state(registry);
    state.ping ??= this.ping(registry, state).catch((error: unknown) => {
      state.ping = undefined; // let a later call try again
      throw error;
    });
    await state.ping;
    return state.challenge && this.answer(registry, state.challenge, scopes, false);
  }

  /**
   * After a 401: take the registry's new challenge, drop the token for these scopes and
   * return a fresh header to retry with, or undefined when a retry would send the same thing.
   */
  async reauthorize(
    registry: string,
    scopes: string[],
    wwwAuthenticate: string | null,
    previous: string | undefined,
  ): Promise<string | undefined> {
    const state = this.state(registry);
    const challenge = pickChallenge(parseWwwAuthenticate(wwwAuthenticate ?? ''));
    if (challenge) state.challenge = challenge;
    if (!state.challenge) return undefined;
    state.tokens.delete(scopeKey(scopes)); // rejected: never hand it out again
    // The challenge may name the scope it wants (e.g. `pull` on a mount's source repository).
    const wanted = union(scopes, (challenge?.params.scope ?? '').split(' '));
    const header = await this.answer(registry, state.challenge, wanted, true);
    return header === previous ? undefined : header;
  }

  private state(registry: string): RegistryAuthState {
    let state = this.states.get(registry);
    if (!state) {
      state = { tokens: new Map() };
      this.states.set(registry, state);
    }
    return state;
  }

  private async ping(registry: string, state: RegistryAuthState): Promise<void> {
    const url = new URL('/v2/', this.transport.baseUrl(apiHost(registry)));
    const response = await this.transport.send({ method: 'GET', url, kind: 'ping', registry });
    if (response.status === 200) return;
    if (response.status === 401) {
      state.challenge = pickChallenge(parseWwwAuthenticate(response.headers.get('www-authenticate') ?? ''));
      if (state.challenge) return;
      throw new RegistryError(
        `registry ${registry} requires authentication but sent no Basic or Bearer challenge`,
        { registry, status: 401 },
      );
    }
    const hint =
      response.status === 404
        ? ' (is it a container registry? /v2/ was not found)'
        : response.attempts > 1
          ? ` (after ${response.attempts} attempts)`
          : '';
    throw new RegistryError(`registry ${registry} answered ${response.status} to GET /v2/${hint}`, {
      registry,
      status: response.status,
    });
  }

  private async answer(registry: string, challenge: Challenge, scopes: string[], fresh: boolean): Promise<string | undefined> {
    const credentials = await this.lookup(registry);
    if (challenge.scheme === 'basic') {
      return credentials && basicAuthorization(credentials);
    }
    const tokens = this.state(registry).tokens;
    const key = scopeKey(scopes);
    const cached = fresh ? undefined : tokens.get(key);
    if (cached) {
      const { token, expiresAt } = await cached;
      if (expiresAt > this.now()) return `Bearer ${token}`;
    }
    const fetching = this.fetchToken(registry, challenge, scopes, credentials);
    tokens.set(key, fetching);
    fetching.catch(() => {
      if (tokens.get(key) === fetching) tokens.delete(key);
    });
    return `Bearer ${(await fetching).token}`;
  }

  private async fetchToken(
    registry: string,
    challenge: Challenge,
    scopes: string[],
    credentials: RegistryCredentials | undefined,
  ): Promise<CachedToken> {
    const { realm, service } = challenge.params;
    let url: URL;
    try {
      url = new URL(realm ?? '');
    } catch {
      throw new RegistryError(`registry ${registry} sent a Bearer challenge without a valid token service URL (realm)`, {
        registry,
      });
    }
    // The registry's own rule holds for its token service: plain http only to loopback or to
    // a host the engine lists as insecure (asked only for such a realm).
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && (await this.transport.schemes.allowsPlain(url.host)))) {
      throw new RegistryError(
        `registry ${registry} names token service ${url.origin}; refusing anything but https for a host that is neither loopback nor an insecure registry of the engine`,
        { registry },
      );
    }
    if (service) url.searchParams.set('service', service);
    for (const scope of scopes) url.searchParams.append('scope', scope);

    const requestedAt = this.now();
    const response = credentials?.identityToken
      ? await this.transport.send(refreshTokenRequest(url, registry, credentials.identityToken))
      : // The token service takes the registry credentials as Basic; without any, the token is anonymous.
        await this.transport.send({ method: 'GET', url, kind: 'token', registry, headers: credentials ? { authorization: basicAuthorization(credentials) } : {} });
    if (response.status === 401 || response.status === 403) {
      throw accessError(registry, credentials?.username, response.status, scopes.join(' '), response.body);
    }
    if (response.status !== 200) {
      const attempts = response.attempts > 1 ? ` (after ${response.attempts} attempts)` : '';
      throw new RegistryError(
        `token service ${url.host} of registry ${registry} answered ${response.status}${registryErrorSuffix(response.body)}${attempts}`,
        { registry, status: response.status },
      );
    }
    let parsed: { token?: string; access_token?: string; expires_in?: number };
    try {
      parsed = JSON.parse(new TextDecoder().decode(response.body));
    } catch {
      parsed = {};
    }
    const token = parsed.token ?? parsed.access_token;
    if (!token) {
      throw new RegistryError(`token service ${url.host} of registry ${registry} returned no token`, { registry });
    }
    const seconds = typeof parsed.expires_in === 'number' && parsed.expires_in > 0 ? parsed.expires_in : DEFAULT_TOKEN_SECONDS;
    return { token, expiresAt: requestedAt + seconds * 1000 - TOKEN_EXPIRY_MARGIN_MS };
  }
}

/**
 * The error for a 401 or 403: which registry, which user (never the password), and
 * what was being attempted, e.g. `push to org/app` or a token scope.
 */
export function accessError(
  registry: string,
  username: string | undefined,
  status: number,
  attempted: string,
  body: Uint8Array,
): RegistryError {
  const detail = registryErrorSuffix(body);
  const action = attempted ? ` (${attempted})` : '';
  let message: string;
  if (status === 401 && username === undefined) {
    message = `registry ${registry} requires a login${action} and no credentials were given for it${detail}`;
  } else if (status === 401) {
    message = `registry ${registry} rejected user "${username}"${action}: check the username and password${detail}`;
  } else {
    const who = username === undefined ? 'anonymous access' : `user "${username}"`;
    message = `registry ${registry} denied ${who}${action}${detail}`;
  }
  return new RegistryError(message, { registry, status, code: status === 401 ? 'UNAUTHORIZED' : 'DENIED' });
}

/**
 * The OAuth2 form of a token request (RFC 6749 §6), as Docker sends it with an
 * identity token: the realm without query, the parameters in the body.
 */
function refreshTokenRequest(url: URL, registry: string, refreshToken: string): HttpRequest {
  const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'image-build' });
  const service = url.searchParams.get('service');
  if (service) form.set('service', service);
  const scopes = url.searchParams.getAll('scope');
  if (scopes.length) form.set('scope', scopes.join(' '));
  const realm = new URL(url);
  realm.search = '';
  return {
    method: 'POST',
    url: realm,
    kind: 'token',
    registry,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new TextEncoder().encode(form.toString()),
  };
}

function basicAuthorization({ username, password }: RegistryCredentials): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

function scopeKey(scopes: string[]): string {
  return [...scopes].sort().join(' ');
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b].filter((scope) => scope !== ''))];
}
