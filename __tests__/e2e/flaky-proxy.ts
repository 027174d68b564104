// A flaky HTTP proxy in front of a real registry, for fault tests: it listens on
// 127.0.0.1:0 (loopback, so clients use plain http), forwards every request to the
// target unchanged (the Host header too, so the registry's upload Locations point
// back at the proxy), and answers the first `failures` requests that match
// `match` itself with 429/503 and a Retry-After header instead of forwarding them.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FlakyProxyOptions {
  /** `host:port` of the real registry. */
  target: string;
  /** Which requests may be failed, tested against `METHOD /path?query`; all when unset. */
  match?: RegExp;
  /** How many matching requests to fail; Infinity fails them all. */
  failures: number;
  /** Statuses to answer with, in turn (429, 503, …). */
  statuses?: number[];
  /** The Retry-After header sent with each failure (seconds); none when undefined. */
  retryAfter?: string;
  /** Requests matching this are held, never answered (a transfer that hangs), until close. */
  hold?: RegExp;
  /**
   * The connection of the first `count` requests matching `match` is dropped: before the
   * registry sees the request, or (`afterForward`) once the registry has answered it, so
   * that it took the request but the client never hears so, or (`afterBytes`) in the middle
   * of the request's body, once that many bytes of it went to the registry.
   */
  drop?: { match: RegExp; count: number; afterForward?: boolean; afterBytes?: number };
}

export interface ProxiedRequest {
  method: string;
  path: string;
  status: number;
  /** True when the proxy answered itself instead of forwarding. */
  injected: boolean;
  /** True when the proxy dropped the connection instead of answering. */
  dropped?: boolean;
}

export interface FlakyProxy {
  /** `127.0.0.1:<port>`: use it as the registry part of image names. */
  host: string;
  port: number;
  /** Every request seen, in arrival order. */
  requests: ProxiedRequest[];
  injectedCount(): number;
  /** Requests held so far (`hold`). */
  heldCount(): number;
  /** Forwards requests matching `hold` from now on. */
  stopHolding(): void;
  /** Replaces the `drop` rule (its count starts again); undefined drops nothing more. */
  setDrop(drop: FlakyProxyOptions['drop']): void;
  droppedCount(): number;
  close(): Promise<void>;
}

export async function startFlakyProxy(given: FlakyProxyOptions): Promise<FlakyProxy> {
  const options = { ...given };
  const [targetHost, targetPort] = splitHost(options.target);
  const statuses = options.statuses ?? [503];
  const requests: ProxiedRequest[] = [];
  let injected = 0;
  let held = 0;
  let dropped = 0;
  let holding = true;

  const server = http.createServer((req, res) => {
    const line = `${req.method} ${req.url}`;
    const record: ProxiedRequest = { method: req.method ?? '', path: req.url ?? '', status: 0, injected: false };
    requests.push(record);
    const drop = options.drop && options.drop.match.test(line) && dropped < options.drop.count ? options.drop : undefined;
    if (drop) {
      dropped++;
      record.dropped = true;
      if (drop.afterBytes !== undefined) {
        dropMidBody(req, targetHost, targetPort, drop.afterBytes);
        return;
      }
      if (!drop.afterForward) {
        req.resume();
        req.socket.destroy();
        return;
      }
    }
    if (holding && options.hold?.test(line)) {
      held++;
      req.resume();
      return;
    }
    if ((options.match?.test(line) ?? true) && injected < options.failures) {
      const status = statuses[injected % statuses.length]!;
      injected++;
      Object.assign(record, { status, injected: true });
      req.resume(); // drain any body
      const body = JSON.stringify({ errors: [{ code: status === 429 ? 'TOOMANYREQUESTS' : 'UNAVAILABLE', message: 'injected by the flaky proxy' }] });
      const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
      if (options.retryAfter !== undefined) headers['retry-after'] = options.retryAfter;
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    const upstream = http.request(
      { host: targetHost, port: targetPort, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        record.status = answer.statusCode ?? 0;
        if (drop) {
          answer.resume();
          answer.on('end', () => req.socket.destroy());
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      record.status = 502;
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`flaky proxy: upstream ${options.target} failed: ${error.message}`);
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 1_000;

  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    host: `127.0.0.1:${port}`,
    port,
    requests,
    injectedCount: () => injected,
    heldCount: () => held,
    stopHolding: () => {
      holding = false;
    },
    setDrop: (drop) => {
      options.drop = drop;
      dropped = 0;
    },
    droppedCount: () => dropped,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Forwards the request's head and the first `afterBytes` of its body, then cuts both connections. */
function dropMidBody(req: http.IncomingMessage, host: string, port: number, afterBytes: number): void {
  const upstream = http.request({ host, port, method: req.method, path: req.url, headers: req.headers });
  upstream.on('error', () => {});
  let forwarded = 0;
  req.on('data', (chunk: Buffer) => {
    if (forwarded >= afterBytes) return;
    const part = chunk.subarray(0, afterBytes - forwarded);
    forwarded += part.length;
    upstream.write(part);
    if (forwarded >= afterBytes) {
      upstream.destroy();
      req.socket.destroy();
    }
  });
}

function splitHost(hostPort: string): [string, number] {
  const colon = hostPort.lastIndexOf(':');
  return [hostPort.slice(0, colon), Number(hostPort.slice(colon + 1))];
}
