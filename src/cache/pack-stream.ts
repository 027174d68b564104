/**
 * A pack read straight from the cache service, blob by blob as its bytes come.
 *
 * `@actions/cache` downloads a whole entry to a file, then extracts it with
 * tar, and only then could each blob be hashed and moved into place: on a
 * 94 MB pack the engine waited for the download, the extraction and a second
 * read of every byte. Here the archive streams through the decompressor into a
 * tar reader that hashes each blob while writing it, so a blob is in place the
 * moment its last byte is, and a pack's first blob does not wait for its last.
 *
 * It speaks the v2 cache service (the one hosted runners use): one
 * `GetCacheEntryDownloadURL` call with the version `@actions/cache` gives the
 * same folder path, then one GET of the archive. Whatever it does not cover (a
 * v1 service, a proxy, a failed request) the caller hands to `@actions/cache`
 * itself, which owns the retries and the warnings.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { CommandNotFoundError, runProcess, streamProcess, type StreamingProcess } from '../common/process.ts';
import { parseRetryAfter, retryWaitMs } from './retry-policy.ts';
import { readTar, type TarFile, type TarSink } from './tar-reader.ts';

/** Where a v2 cache service is, and the job's token for it; undefined when streaming cannot be used. */
export interface CacheService {
  url: string;
  token: string;
}

export function streamingService(env: NodeJS.ProcessEnv = process.env): CacheService | undefined {
  const url = env.ACTIONS_RESULTS_URL;
  const token = env.ACTIONS_RUNTIME_TOKEN;
  if (!env.ACTIONS_CACHE_SERVICE_V2 || !url || !token) return undefined;
  // GitHub Enterprise Server has only the v1 service; a cache mode that is not readable is @actions/cache's to honour.
  const server = URL.parse(env.GITHUB_SERVER_URL || 'https://github.com')?.hostname.toLowerCase() ?? '';
  if (server !== 'github.com' && !server.endsWith('.ghe.com') && !server.endsWith('.localhost')) return undefined;
  if (env.ACTIONS_CACHE_MODE && !['read', 'write'].includes(env.ACTIONS_CACHE_MODE.trim().toLowerCase())) return undefined;
  // A proxy is @actions/http-client's to speak through; a direct request would go around it.
  if (env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy) return undefined;
  return { url, token };
}

export type CompressionMethod = 'zstd-without-long' | 'gzip';

let detected: Promise<CompressionMethod> | undefined;

/** The method `@actions/cache` chooses on this machine: zstd when a `zstd` binary answers, gzip otherwise. */
export function compressionMethod(): Promise<CompressionMethod> {
  return (detected ??= runProcess('zstd', ['--quiet', '--version'], { env: process.env }).then(
    (run) => ((run.stdout + run.stderr).trim() === '' ? 'gzip' : 'zstd-without-long'),
    () => 'gzip',
  ));
}

/** The entry version `@actions/cache` files a save of `paths` under (its `getCacheVersion`, with its salt). */
export function cacheVersion(paths: string[], method: CompressionMethod, platform: NodeJS.Platform = process.platform): string {
  const components = [...paths, method, ...(platform === 'win32' ? ['windows-only'] : []), '1.0'];
  return createHash('sha256').update(components.join('|')).digest('hex');
}

/** Thrown for anything but a clean miss: the caller falls back to `@actions/cache`. */
export class StreamFailed extends Error {}

/** The archive's signed URL for exactly `key`, or undefined when the service holds no such entry. */
export async function downloadUrl(service: CacheService, key: string, version: string): Promise<string | undefined> {
  const url = new URL('twirp/github.actions.results.api.v1.CacheService/GetCacheEntryDownloadURL', service.url.endsWith('/') ? service.url : `${service.url}/`);
  const body = JSON.stringify({ key, restore_keys: [], version });
  const response = await request(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${service.token}`, 'Content-Type': 'application/json', Accept: 'application/json', 'Content-Length': Buffer.byteLength(body) },
    body,
  });
  const text = await readAll(response);
  if (response.statusCode !== 200) throw new StreamFailed(`the cache service answered ${response.statusCode} to the download lookup`);
  const answer = JSON.parse(text.toString('utf8')) as { ok?: boolean; signed_download_url?: string; matched_key?: string };
  if (!answer.ok) return undefined;
  if (answer.matched_key !== key || !answer.signed_download_url) throw new StreamFailed('the cache service answered the download lookup with another entry');
  return answer.signed_download_url;
}

/**
 * GETs the archive at `url` and streams each regular file in it into the sink
 * `open` gives for it (none: the file is skipped). Resolves with the archive's
 * compressed size once the last file is read. A blob store that is busy (503,
 * 500) is asked again, honouring Retry-After, until `deadline` (retry-policy.ts),
 * at most twice: a download that still fails falls back to @actions/cache, whose
 * Azure SDK retries on its own, so a blob store that is down costs seconds, not the budget.
 */
export async function readArchive(url: string, method: CompressionMethod, open: (file: TarFile) => Promise<TarSink | undefined>, deadline = 0): Promise<number> {
  let response = await request(new URL(url), { method: 'GET', headers: {} });
  for (let tries = 1; ; tries++) {
    const status = response.statusCode ?? 0;
    const wait = retryWaitMs({ status, retryAfterMs: parseRetryAfter(response.headers['retry-after']), tries, now: Date.now(), deadline, maxTries: 3 });
    if (wait === undefined) break;
    response.resume();
    await new Promise((resolve) => setTimeout(resolve, wait));
    response = await request(new URL(url), { method: 'GET', headers: {} });
  }
  if (response.statusCode !== 200) {
    response.resume();
    throw new StreamFailed(`the cache service answered ${response.statusCode} to the archive download`);
  }
  let compressed = 0;
  response.on('data', (chunk: Buffer) => (compressed += chunk.length));
  const decompressed = decompress(response, method);
  try {
    await readTar(decompressed.stream, open);
    await decompressed.done;
  } catch (error) {
    response.destroy();
    decompressed.stream.destroy();
    throw error instanceof StreamFailed ? error : new StreamFailed(`the archive could not be read: ${(error as Error).message}`);
  }
  return compressed;
}

function decompress(source: Readable, method: CompressionMethod): { stream: Readable; done: Promise<void> } {
  if (method === 'gzip') {
    const gunzip = zlib.createGunzip();
    source.on('error', (error) => gunzip.destroy(error));
    source.pipe(gunzip);
    return { stream: gunzip, done: Promise.resolve() };
  }
  // zstd in its own process: the decompression runs beside this one's hashing and writing.
  let zstd: StreamingProcess;
  try {
    zstd = streamProcess('zstd', ['-d', '-c', '-q', '--long=30'], { env: process.env });
  } catch (error) {
    source.destroy();
    throw error instanceof CommandNotFoundError ? new StreamFailed('zstd could not be started: it is not on PATH') : error;
  }
  source.on('error', (error) => zstd.stdout.destroy(error));
  source.pipe(zstd.stdin);
  const done = zstd.exited.then(({ code, stderr }) => {
    if (code !== 0) throw new StreamFailed(`zstd could not decompress the archive: ${stderr.trim() || `exit ${code}`}`);
  });
  done.catch(() => {});
  return { stream: zstd.stdout, done };
}

interface RequestOptions {
  method: string;
  headers: http.OutgoingHttpHeaders;
  body?: string;
}

/** One request; a deadline on the connection's silence, not on a long download. */
function request(url: URL, options: RequestOptions): Promise<http.IncomingMessage> {
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const sent = transport.request(url, { method: options.method, headers: options.headers, timeout: 30_000 }, resolve);
    sent.on('timeout', () => sent.destroy(new StreamFailed(`no answer from ${url.host} in 30 s`)));
    sent.on('error', (error) => reject(error instanceof StreamFailed ? error : new StreamFailed(`${url.host}: ${error.message}`)));
    sent.end(options.body);
  });
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
