/**
 * A loopback forwarder in front of the cache service's Twirp API, which waits
 * out its 429s (retry-policy.ts).
 *
 * Why a forwarder: @actions/cache treats a 429 as the end of the call, and a
 * save that is throttled at its last step (FinalizeCacheEntryUpload) cannot be
 * started over: the entry is reserved already, so a second save of the key is
 * refused. Only sending that one request again finishes it, and @actions/cache
 * offers no hook for that; pointing it (ACTIONS_RESULTS_URL) at this forwarder
 * does. Only Twirp calls pass here (small JSON requests, buffered); blob
 * transfers go straight to the signed URLs the service hands out.
 *
 * Only 429 is sent again: a 5xx @actions/cache retries itself, and a request
 * that did not come back at all is not repeated (a reservation might have
 * been made), so an entry is never reserved twice.
 */
import http from 'node:http';
import https from 'node:https';
import { parseRetryAfter, retryWaitMs } from './retry-policy.ts';

/** What the forwarder did, for the log and the warning of a save that still could not finish. */
export interface ForwarderStats {
  /** Requests that were answered 429 and sent again. */
  retries: number;
  /** Milliseconds spent waiting before those. */
  waitedMs: number;
  /** Twirp methods whose 429 was handed on because the budget or the tries ran out. */
  gaveUp: string[];
  /** The error code of the last request that could not reach the service (its connection is then dropped, which the caller sees as ECONNRESET). */
  upstreamError?: string;
}

export interface TwirpForwarder {
  url: string;
  stats: ForwarderStats;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Starts the forwarder to `upstream`; `deadline()` is when the current restore's or save's budget runs out. */
export async function startTwirpForwarder(upstream: string, deadline: () => number): Promise<TwirpForwarder> {
  const base = new URL(upstream.endsWith('/') ? upstream : `${upstream}/`);
  const stats: ForwarderStats = { retries: 0, waitedMs: 0, gaveUp: [] };
  const server = http.createServer((req, res) => {
    void forward(req).then(
      (answer) => {
        const headers = { ...answer.headers, 'content-length': String(answer.body.length) };
        delete headers['transfer-encoding'];
        delete headers.connection;
        res.writeHead(answer.status, headers).end(answer.body);
      },
      (error: unknown) => {
        stats.upstreamError = (error as NodeJS.ErrnoException).code ?? String(error);
        res.destroy();
      },
    );
  });

  async function forward(req: http.IncomingMessage): Promise<Answer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const target = new URL(req.url ?? '/', base);
    const headers = { ...req.headers, host: target.host };
    const method = target.pathname.split('/').pop() ?? '';
    for (let tries = 1; ; tries++) {
      const answer = await send(target, req.method ?? 'POST', headers, body);
      const wait = answer.status === 429 ? retryWaitMs({ status: 429, retryAfterMs: parseRetryAfter(answer.headers['retry-after']), tries, now: Date.now(), deadline: deadline() }) : undefined;
      if (wait === undefined) {
        if (answer.status === 429) stats.gaveUp.push(method);
        return answer;
      }
      stats.retries += 1;
      stats.waitedMs += wait;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  server.unref(); // never what keeps the action's process alive
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    stats,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(url: URL, method: string, headers: http.OutgoingHttpHeaders, body: Buffer): Promise<Answer> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(url, { method, headers: { ...headers, 'content-length': String(body.length) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}
