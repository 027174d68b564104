// A request whose body is a stream of known length, sent with node:http(s) rather than
// fetch. Measured: fetch (undici) reads a streamed request body ahead of the socket, so
// an upload fed by a faster download piles up in memory (a 512 MiB copy took 650 MB of
// RSS); a node:http request fed through `pipeline` waits for the socket to drain, and
// the same copy stays under 200 MB.
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StreamedResponse {
  status: number;
  headers: Headers;
  /** The answer's body (a registry's answer to an upload is small). */
  body: Uint8Array;
  url: string;
}

export function sendStreamedRequest(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: ReadableStream<Uint8Array>,
  length: number,
  signal: AbortSignal,
): Promise<StreamedResponse> {
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(url, { method, headers: { ...headers, 'content-length': String(length) }, signal });
    request.on('error', reject);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: headersOf(response.headers), body: Buffer.concat(chunks), url: url.href }));
    });
    // Whichever comes first settles it: the registry's answer, or a failure of the body (its source, the socket).
    pipeline(Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>), request).catch(reject);
  });
}

function headersOf(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}
