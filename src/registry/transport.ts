// One HTTP exchange with a registry (or its token service), made robust: scheme by
// host (schemes.ts: plain http on loopback and on registries the engine trusts as
// insecure, once HTTPS showed the server does not speak it), a timeout per attempt, retries with exponential
// backoff on 429, 5xx and dropped connections (honouring `Retry-After`), a counter per
// method and kind of request, and errors that name the host that failed. Blob bodies
// travel as streams both ways, with a timeout on stalls rather than on the whole transfer.
import { parseRetryAfter } from '../common/retry-after.ts';
import { idleWatchdog } from './blob-stream.ts';
import { RegistryError } from './registry-error.ts';
import { hostnameOf, networkCause, RegistrySchemes, speaksPlainHttp, type InsecureRegistryCheck } from './schemes.ts';
import { sendStreamedRequest } from './streamed-request.ts';

export { parseRetryAfter };
export { isLoopbackHost } from './schemes.ts';

export interface TransportOptions {
  /** Per attempt, covering the response body too; for a streamed transfer, the longest stall. */
  timeoutMs: number;
  /** Attempts after the first one. */
  retries: number;
  userAgent: string;
  /** First backoff delay; doubles on each retry. */
  retryBaseDelayMs: number;
  /** Upper bound for any single wait, including a server's `Retry-After`. */
  maxRetryDelayMs: number;
  /** Injectable so tests can record the waits instead of sleeping. */
  sleep: (ms: number) => Promise<void>;
  log?: (message: string) => void;
  /** The engine's list of insecure registries, asked when HTTPS to a host meets plain HTTP. */
  insecure?: InsecureRegistryCheck;
}

export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';
  url: URL;
  /** What the request is about, for counters and messages: `manifest`, `blob`, `token`, … */
  kind: string;
  /** The registry as the user named it, for messages. */
  registry: string;
  headers?: Record<string, string>;
  body?: Uint8Array | StreamedBody;
  /** Hand a successful (2xx) response's body over as a stream instead of reading it. */
  stream?: boolean;
  /** Attempts after the first, instead of the transport's own number. */
  retries?: number;
}

/**
 * A request body read from a stream of known length. It is opened anew for every
 * attempt, so that a retry sends the bytes from their source again, never from memory.
 */
export interface StreamedBody {
  length: number;
  open(): Promise<ReadableStream<Uint8Array>>;
}

/**
 * How long a registry may take to answer an upload once it has every byte, in stall
 * limits: storing a large blob (a copy inside object storage) can take a while.
 */
const UPLOAD_ANSWER_STALLS = 4;

export function isStreamedBody(body: HttpRequest['body']): body is StreamedBody {
  return body !== undefined && !(body instanceof Uint8Array);
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** The whole body (empty when `stream` holds it); registry responses we read (manifests, configs, tags, tokens, errors) are small. */
  body: Uint8Array;
  /** The body of a successful response to a `stream` request, to be read (or cancelled) by the caller. */
  stream?: ReadableStream<Uint8Array>;
  /** The final URL, after redirects. */
  url: string;
  /** How many times the request was sent: more than 1 when retries happened. */
  attempts: number;
}

/** Statuses worth another attempt. 501 and 505 say "never", so they are not retried. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status !== 501 && status !== 505);
}

/** Connection failures that a new attempt may not hit. Refused and unknown host are not here: they fail at once. */
const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'EAI_AGAIN', 'ENETRESET',
  'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT',
]);

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class HttpTransport {
  private readonly counts = new Map<string, number>();
  readonly schemes: RegistrySchemes;

  constructor(private readonly options: TransportOptions) {
    this.schemes = new RegistrySchemes(options.insecure);
  }

  /** `https://host/`, or `http://host/` for loopback and for a registry the engine trusts without TLS. */
  baseUrl(host: string): URL {
    return this.schemes.baseUrl(host);
  }

  /** Requests sent so far (every attempt counts), keyed `METHOD kind`, e.g. `HEAD manifest`. */
  requestCounts(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  resetRequestCounts(): void {
    this.counts.clear();
  }

  async send(sent: HttpRequest): Promise<HttpResponse> {
    const { log } = this.options;
    let request = sent;
    const retries = request.retries ?? this.options.retries;
    const what = `${request.method} ${request.kind} ${request.url.host}${request.url.pathname}`;
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.attempt(request);
      // The same request in plain HTTP is no retry: it is the first one the server can read.
      if (outcome instanceof Error && request.url.protocol === 'https:' && (await this.schemes.downgrade(request.url.host, outcome))) {
        log?.(`registry ${request.url.host} does not speak HTTPS, and the engine lists it as insecure: plain HTTP from now on`);
        request = { ...request, url: new URL(request.url.href.replace(/^https:/, 'http:')) };
        attempt--;
        continue;
      }
      const retriesLeft = attempt < retries;
      if (!(outcome instanceof Error)) {
        if (!isRetryableStatus(outcome.status) || !retriesLeft) return { ...outcome, attempts: attempt + 1 };
        await outcome.stream?.cancel();
        const wait = backoffDelay(this.options, attempt, outcome.headers.get('retry-after'));
        log?.(`${what} answered ${outcome.status}; retrying in ${wait} ms (attempt ${attempt + 2} of ${retries + 1})`);
        await this.options.sleep(wait);
        continue;
      }
      const failure = describeNetworkFailure(outcome, request, this.options.timeoutMs);
      if (!failure.retryable || !retriesLeft) {
        const attempts = attempt + 1;
        throw new RegistryError(
          failure.message + (failure.retryable && attempts > 1 ? ` (${attempts} attempts)` : ''),
          { registry: request.registry, code: failure.code, retryable: failure.retryable },
        );
      }
      const wait = backoffDelay(this.options, attempt, null);
      log?.(`${what} failed: ${failure.message}; retrying in ${wait} ms (attempt ${attempt + 2} of ${retries + 1})`);
      await this.options.sleep(wait);
    }
  }

  /**
   * One attempt: a response (any status) or the error that prevented one. A failure of our
   * own making (a streamed source that turned out wrong) is thrown as it is, not retried.
   */
  private async attempt(request: HttpRequest): Promise<Omit<HttpResponse, 'attempts'> | Error> {
    const key = `${request.method} ${request.kind}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    const streamed = request.stream || isStreamedBody(request.body);
    // A streamed transfer may rightly take minutes: only a stall ends it.
    const idle = streamed ? idleWatchdog(this.options.timeoutMs) : undefined;
    const signal = idle?.signal ?? AbortSignal.timeout(this.options.timeoutMs);
    const headers: Record<string, string> = { 'user-agent': this.options.userAgent, ...request.headers };
    // Ends the source's read (its connection) when the registry answers before taking all of it.
    const sourceDone = new AbortController();
    try {
      if (isStreamedBody(request.body)) {
        const answerMs = UPLOAD_ANSWER_STALLS * this.options.timeoutMs;
        const sent = new TransformStream<Uint8Array, Uint8Array>({ flush: () => idle!.allow(answerMs) });
        const body = (await request.body.open()).pipeThrough(idle!.watch(), { signal: sourceDone.signal }).pipeThrough(sent);
        const response = await sendStreamedRequest(request.url, request.method, headers, body, request.body.length, signal);
        idle!.clear();
        return response;
      }
      const response = await fetch(request.url, { method: request.method, headers, body: request.body, redirect: 'follow', signal });
      const url = response.url || request.url.href;
      if (request.stream && response.ok && response.body) {
        const stream = response.body.pipeThrough(idle!.watch()).pipeThrough(new TransformStream({ flush: () => idle!.clear() }));
        return { status: response.status, headers: response.headers, body: new Uint8Array(), stream, url };
      }
      // Read the body under the same timeout, so a stalled body is a timeout too.
      const bytes = new Uint8Array(await response.arrayBuffer());
      idle?.clear();
      return { status: response.status, headers: response.headers, body: bytes, url };
    } catch (error) {
      idle?.clear();
      const own = ownFailure(error);
      if (own) throw own;
      return error instanceof Error ? error : new Error(String(error));
    } finally {
      sourceDone.abort();
    }
  }
}

/** Backoff doubling from the base delay, or the server's `Retry-After`; both capped. */
export function backoffDelay(options: Pick<TransportOptions, 'retryBaseDelayMs' | 'maxRetryDelayMs'>, attempt: number, retryAfter: string | null): number {
  const requested = parseRetryAfter(retryAfter);
  const delay = requested ?? options.retryBaseDelayMs * 2 ** attempt;
  return Math.min(Math.max(0, Math.round(delay)), options.maxRetryDelayMs);
}

/** A RegistryError raised inside a streamed body (fetch wraps it in its own error). */
function ownFailure(error: unknown): RegistryError | undefined {
  for (let cause = error, depth = 0; cause && depth < 4; cause = (cause as { cause?: unknown }).cause, depth++) {
    if (cause instanceof RegistryError) return cause;
  }
  return undefined;
}

interface NetworkFailure {
  message: string;
  retryable: boolean;
  code: string | undefined;
}

function describeNetworkFailure(error: Error, request: HttpRequest, timeoutMs: number): NetworkFailure {
  const host = request.url.host;
  const where = request.kind === 'token' ? `token service ${host} of registry ${request.registry}` : `registry ${host}`;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') {
    return {
      message:
        request.stream || isStreamedBody(request.body)
          ? `${request.method} ${request.kind} on ${where} stalled: no data moved for ${timeoutMs} ms`
          : `${request.method} ${request.kind} on ${where} timed out after ${timeoutMs} ms`,
      retryable: true,
      code: 'TIMEOUT',
    };
  }
  const cause = networkCause(error);
  const code = cause.code;
  switch (code) {
    case 'ECONNREFUSED':
      return { message: `cannot connect to ${where}: connection refused (is it running, and is the port right?)`, retryable: false, code };
    case 'ENOTFOUND':
      return { message: `cannot resolve host ${hostnameOf(host)} of ${where}: no such host`, retryable: false, code };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { message: `cannot reach ${where}: ${cause.message ?? code}`, retryable: false, code };
  }
  if (code !== undefined && (code.startsWith('ERR_TLS') || code.includes('CERT') || code.startsWith('ERR_SSL'))) {
    // OpenSSL's own words for this one are a source line: say what it means instead.
    const why = speaksPlainHttp(error) ? 'the server speaks plain HTTP (an insecure registry: list it in the engine\'s insecure-registries to use it without TLS)' : cause.message ?? code;
    return { message: `TLS to ${where} failed: ${why}`, retryable: false, code };
  }
  return {
    message: `${request.method} ${request.kind} on ${where} failed: ${cause.message ?? error.message}${code ? ` (${code})` : ''}`,
    retryable: code === undefined || RETRYABLE_NETWORK_CODES.has(code),
    code,
  };
}
