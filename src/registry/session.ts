// Authorised requests to one repository's API paths: the Authorization header from the
// Authenticator, one retry after a 401 with fresh credentials, and the errors shared by
// every call (access denied, unexpected status, not found). The client builds on this.
import { Authenticator, accessError, type CredentialSource } from './auth.ts';
import { apiHost, formatReference, type ImageReference, type RepositoryRef } from './reference.ts';
import { RegistryError, registryErrorOf, registryErrorSuffix } from './registry-error.ts';
import { HttpTransport, type HttpRequest, type HttpResponse, type TransportOptions } from './transport.ts';

export interface RegistryRequest {
  method: HttpRequest['method'];
  repository: RepositoryRef;
  /** After `/v2/<repository>/`, with any query string. */
  path: string;
  kind: string;
  access: 'pull' | 'pull,push';
  headers?: Record<string, string>;
  /** A streamed body is opened again for each send (a retry after a 401 too). */
  body?: HttpRequest['body'];
  /** A successful response's body as a stream (blob downloads). */
  stream?: boolean;
  /** Attempts after the first, instead of the session's own number. */
  retries?: number;
  /** Scopes beyond this repository's, e.g. pull on a mount's source. */
  extraScopes?: string[];
}

export class RegistrySession {
  private readonly transport: HttpTransport;
  private readonly auth: Authenticator;

  constructor(
    readonly options: TransportOptions,
    credentials: CredentialSource | undefined,
  ) {
    this.transport = new HttpTransport(options);
    this.auth = new Authenticator(this.transport, credentials);
  }

  requestCounts(): Record<string, number> {
    return this.transport.requestCounts();
  }

  resetRequestCounts(): void {
    this.transport.resetRequestCounts();
  }

  /** One authorised request; on 401 one retry with fresh credentials, then a clear access error. */
  async request(request: RegistryRequest): Promise<HttpResponse> {
    const { registry, repository } = request.repository;
    const scopes = [`repository:${repository}:${request.access}`, ...(request.extraScopes ?? [])];
    const url = new URL(`/v2/${repository}/${request.path}`, this.transport.baseUrl(apiHost(registry)));
    const send = (authorization: string | undefined) =>
      this.transport.send({
        method: request.method,
        url,
        kind: request.kind,
        registry,
        body: request.body,
        stream: request.stream,
        retries: request.retries,
        headers: { ...request.headers, ...(authorization ? { authorization } : {}) },
      });

    const authorization = await this.auth.authorization(registry, scopes);
    let response = await send(authorization);
    if (response.status === 401) {
      const challenge = response.headers.get('www-authenticate');
      const retryWith = await this.auth.reauthorize(registry, scopes, challenge, authorization);
      if (retryWith !== undefined) response = await send(retryWith);
    }
    if (response.status === 401 || response.status === 403) {
      const attempted = request.access === 'pull' ? `pull from ${repository}` : `push to ${repository}`;
      throw accessError(registry, await this.auth.username(registry), response.status, attempted, response.body);
    }
    return response;
  }

  /** DELETE the upload a declined mount opened, so it does not linger; failures only get logged. */
  async cancelUpload(repository: RepositoryRef, response: HttpResponse): Promise<void> {
    const location = response.headers.get('location');
    if (!location) return;
    const uploadUrl = new URL(location, response.url);
    const { registry } = repository;
    try {
      const authorization = await this.auth.authorization(registry, [`repository:${repository.repository}:pull,push`]);
      const cancelled = await this.transport.send({
        method: 'DELETE',
        url: uploadUrl,
        kind: 'upload',
        registry,
        headers: authorization ? { authorization } : {},
      });
      if (cancelled.status >= 300) this.options.log?.(`cancelling upload ${uploadUrl.pathname} answered ${cancelled.status}`);
    } catch (error) {
      this.options.log?.(`cancelling upload ${uploadUrl.pathname} failed: ${(error as Error).message}`);
    }
  }
}

/** Throws a RegistryError unless the status is one of `expected`. */
export function expectStatus(
  response: HttpResponse,
  expected: number[],
  method: string,
  reference: ImageReference | RepositoryRef,
): void {
  if (expected.includes(response.status)) return;
  const registry = reference.registry;
  const attempts = response.attempts > 1 ? ` (after ${response.attempts} attempts)` : '';
  throw new RegistryError(
    `${method} ${formatReference(reference)}: registry ${registry} answered ${response.status}` +
      `${registryErrorSuffix(response.body)}${attempts}`,
    { registry, status: response.status, code: registryErrorOf(response.body)?.code },
  );
}

export function notFound(reference: ImageReference, what: 'image' | 'blob' = 'image'): RegistryError {
  return new RegistryError(`${what} ${formatReference(reference)} not found on registry ${reference.registry}`, {
    registry: reference.registry,
    status: 404,
    code: what === 'blob' ? 'BLOB_UNKNOWN' : 'MANIFEST_UNKNOWN',
  });
}

/** The path of the `Link: <…>; rel="next"` page, kept on the same registry and repository. */
export function nextPagePath(response: HttpResponse, repository: RepositoryRef): string | undefined {
  const link = response.headers.get('link');
  const match = link?.match(/<([^>]+)>\s*;\s*rel="?next"?/);
  if (!match) return undefined;
  const next = new URL(match[1]!, response.url);
  const prefix = `/v2/${repository.repository}/`;
  if (next.host !== new URL(response.url).host || !next.pathname.startsWith(prefix)) return undefined;
  return next.pathname.slice(prefix.length) + next.search;
}
