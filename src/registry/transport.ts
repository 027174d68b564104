// One HTTP exchange with a registry (or its token service), made robust: scheme by
// host (plain http only on loopback), a timeout per attempt, retries with exponential
// backoff on 429, 5xx and dropped connections (honouring `Retry-After`), a counter per
// method and kind of request, and errors that name the host that failed.
import { isIP } from 'node:net';
import { RegistryError } from './registry-error.ts';

export interface TransportOptions {
  /** Per attempt, covering the response body too. */
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
}

export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';
  url: URL;
  /** What the request is about, for counters and messages: `manifest`, `blob`, `token`, … */
  kind: string;
  /** The registry as the user named it, for messages. */
  registry: string;
  headers?: Record<string, string>;
  body?: Uint8Array;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** The whole body; registry responses we read (manifests, configs, tags, tokens) are small. */
  body: Uint8Array;
  /** The final URL, after redirects. */
  url: string;
  /** How many times the request was sent: more than 1 when retries happened. */
  attempts: number;
}

/** Statuses worth another attempt. 501 and 505 say "never", so they are not retried. */
function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status !== 501 && status !== 505);
}

/** Connection failures that a new attempt may not hit. Refused and unknown host are not here: they fail at once. */
const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'EAI_AGAIN', 'ENETRESET',
  'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT',
]);

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** 127.0.0.0/8, ::1 and `localhost`: the only hosts we talk to without TLS. */
export function isLoopbackHost(host: string): boolean {
  const hostname = hostnameOf(host).toLowerCase();
  if (hostname === 'localhost') return true;
  if (isIP(hostname) === 4) return hostname.startsWith('127.');
  if (isIP(hostname) === 6) return hostname === '::1' || hostname === '0:0:0:0:0:0:0:1';
  return false;
}

/** `https://host/`, or `http://host/` for loopback hosts. */
export function baseUrl(host: string): URL {
  return new URL(`${isLoopbackHost(host) ? 'http' : 'https'}://${host}/`);
}

/** The host without its port; IPv6 brackets removed. */
function hostnameOf(host: string): string {
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']'));
  const colon = host.indexOf(':');
  return colon < 0 ? host : host.slice(0, colon);
}

export class HttpTransport {
  private readonly counts = new Map<string, number>();

  constructor(private readonly options: TransportOptions) {}

  /** Requests sent so far (every attempt counts), keyed `METHOD kind`, e.g. `HEAD manifest`. */
  requestCounts(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  resetRequestCounts(): void {
    this.counts.clear();
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    const { retries, log } = this.options;
    const what = `${request.method} ${request.kind} ${request.url.host}${request.url.pathname}`;
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.attempt(request);
      const retriesLeft = attempt < retries;
      if (!(outcome instanceof Error)) {
        if (!isRetryableStatus(outcome.status) || !retriesLeft) return { ...outcome, attempts: attempt + 1 };
        const wait = this.delayFor(attempt, outcome.headers.get('retry-after'));
        log?.(`${what} answered ${outcome.status}; retrying in ${wait} ms (attempt ${attempt + 2} of ${retries + 1})`);
        await this.options.sleep(wait);
        continue;
      }
      const failure = describeNetworkFailure(outcome, request, this.options.timeoutMs);
      if (!failure.retryable || !retriesLeft) {
        const attempts = attempt + 1;
        throw new RegistryError(
          failure.message + (failure.retryable && attempts > 1 ? ` (${attempts} attempts)` : ''),
          { registry: request.registry, code: failure.code },
        );
      }
      const wait = this.delayFor(attempt, null);
      log?.(`${what} failed: ${failure.message}; retrying in ${wait} ms (attempt ${attempt + 2} of ${retries + 1})`);
      await this.options.sleep(wait);
    }
  }

  /** One attempt: a response (any status) or the error that prevented one. */
  private async attempt(request: HttpRequest): Promise<Omit<HttpResponse, 'attempts'> | Error> {
    const key = `${request.method} ${request.kind}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: { 'user-agent': this.options.userAgent, ...request.headers },
        body: request.body,
        redirect: 'follow',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      // Read the body under the same timeout, so a stalled body is a timeout too.
      const body = new Uint8Array(await response.arrayBuffer());
      return { status: response.status, headers: response.headers, body, url: response.url || request.url.href };
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  /** Backoff doubling from the base delay, or the server's `Retry-After`; both capped. */
  private delayFor(attempt: number, retryAfter: string | null): number {
    const { retryBaseDelayMs, maxRetryDelayMs } = this.options;
    const requested = parseRetryAfter(retryAfter);
    const delay = requested ?? retryBaseDelayMs * 2 ** attempt;
    return Math.min(Math.max(0, Math.round(delay)), maxRetryDelayMs);
  }
}

/** `Retry-After` in milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
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
      message: `${request.method} ${request.kind} on ${where} timed out after ${timeoutMs} ms`,
      retryable: true,
      code: 'TIMEOUT',
    };
  }
  // fetch wraps the socket error: TypeError('fetch failed', { cause }). Happy-eyeballs
  // connects (several addresses) put the per-address errors in an AggregateError.
  const cause = (error.cause ?? error) as { code?: string; message?: string; errors?: { code?: string }[] };
  const code = cause.code ?? cause.errors?.[0]?.code;
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
    return { message: `TLS to ${where} failed: ${cause.message ?? code}`, retryable: false, code };
  }
  return {
    message: `${request.method} ${request.kind} on ${where} failed: ${cause.message ?? error.message}${code ? ` (${code})` : ''}`,
    retryable: code === undefined || RETRYABLE_NETWORK_CODES.has(code),
    code,
  };
}
