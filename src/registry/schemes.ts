// Which scheme each registry host is spoken to with, decided as Docker decides it: plain
// HTTP to loopback; HTTPS to every other host, unless HTTPS fails in a way that says the
// server speaks plain HTTP and the engine lists the registry as insecure (daemon.json's
// `insecure-registries`). That host then gets plain HTTP for the rest of the run. The
// engine is asked only on such a failure, once per host, so the HTTPS path costs nothing.
import { isIP } from 'node:net';

/** Whether the engine lists `host` (`name[:port]`) as an insecure registry. */
export type InsecureRegistryCheck = (host: string) => Promise<boolean>;

/** 127.0.0.0/8, ::1 and `localhost`: the hosts spoken to without TLS whatever the engine says. */
export function isLoopbackHost(host: string): boolean {
  const hostname = hostnameOf(host).toLowerCase();
  if (hostname === 'localhost') return true;
  if (isIP(hostname) === 4) return hostname.startsWith('127.');
  if (isIP(hostname) === 6) return hostname === '::1' || hostname === '0:0:0:0:0:0:0:1';
  return false;
}

/** The host without its port; IPv6 brackets removed. */
export function hostnameOf(host: string): string {
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']'));
  const colon = host.indexOf(':');
  return colon < 0 ? host : host.slice(0, colon);
}

/** The socket error under fetch's wrapper (`TypeError('fetch failed', { cause })`), or under a happy-eyeballs AggregateError. */
export function networkCause(error: Error): { code?: string; message?: string } {
  const cause = (error.cause ?? error) as { code?: string; message?: string; errors?: { code?: string; message?: string }[] };
  return cause.code === undefined && cause.errors?.[0] ? cause.errors[0] : cause;
}

/**
 * A TLS handshake answered by something that is not TLS: OpenSSL reads a plain HTTP
 * reply (`HTTP/1.1 400`) as a record of a wrong version or an impossible length.
 */
export function speaksPlainHttp(error: Error): boolean {
  const { code = '', message = '' } = networkCause(error);
  return ['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ERR_SSL_HTTP_REQUEST'].includes(code) ||
    (code === 'EPROTO' && /wrong version number|packet length too long|http request/i.test(message));
}

export class RegistrySchemes {
  private readonly plain = new Set<string>();
  private readonly answers = new Map<string, Promise<boolean>>();

  constructor(private readonly insecure?: InsecureRegistryCheck) {}

  /** Plain HTTP for `host`: loopback, or a registry the engine let us downgrade. */
  isPlain(host: string): boolean {
    return isLoopbackHost(host) || this.plain.has(host.toLowerCase());
  }

  /** `https://host/`, or `http://host/` for a host spoken to in plain HTTP. */
  baseUrl(host: string): URL {
    return new URL(`${this.isPlain(host) ? 'http' : 'https'}://${host}/`);
  }

  /** Whether the engine lists `host` as insecure; asked once per host and run. */
  async allowsPlain(host: string): Promise<boolean> {
    if (this.isPlain(host)) return true;
    if (!this.insecure) return false;
    const key = host.toLowerCase();
    let answer = this.answers.get(key);
    if (!answer) {
      answer = this.insecure(key).catch(() => false);
      this.answers.set(key, answer);
    }
    return answer;
  }

  /**
   * After an HTTPS request to `host` failed with `error`: true when the request should go
   * again in plain HTTP (the server does not speak TLS and the engine trusts it without).
   */
  async downgrade(host: string, error: Error): Promise<boolean> {
    if (!speaksPlainHttp(error) || !(await this.allowsPlain(host))) return false;
    this.plain.add(host.toLowerCase());
    return true;
  }
}
