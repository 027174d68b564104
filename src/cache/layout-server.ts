/**
 * A read-only registry on 127.0.0.1 that serves a restored BuildKit cache
 * folder (an OCI layout) to the Docker Engine next to it, so the build imports
 * the cache with `type=registry` instead of `type=local`.
 *
 * Same bytes, less work: the engine fetches each blob it needs straight into
 * its content store over HTTP, where a local import first copies it there
 * through the build session. On the benchmark's 43 MB cache the dependency
 * step's layer becomes usable about 0.25 s sooner (docs/benchmarks.md).
 *
 * Only an engine on this machine's own network can reach 127.0.0.1: not a
 * remote or rootless daemon, not one in a VM (Docker Desktop), not a
 * docker-container builder. So the server is used only after a probe: the
 * engine is asked to pull a unique name from it, and the server must see that
 * request arrive. dockerd treats 127.0.0.0/8 registries as insecure (plain
 * HTTP) by default, which is what lets it talk to this server at all.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { docker } from '../buildx/docker.ts';
import type { GrowingBlob } from './arrivals.ts';
import { blobPath, isDigest } from './oci-layout.ts';

/**
 * The tag BuildKit is pointed at, in a repository named with 128 random bits:
 * other processes on the machine see the port, but cannot guess the name the
 * server answers to.
 */
const CACHE_REPOSITORY_PREFIX = 'image-build-cache-';
const CACHE_TAG = 'latest';
const PROBE_PREFIX = 'image-build-probe-';

export interface LayoutServer {
  /** `<address>:<port>/image-build-cache-<random hex>:latest`, for `--cache-from type=registry,ref=…`. */
  readonly ref: string;
  /**
   * Whether the engine behind `env` reaches this server: `reach` (default: one `docker pull`)
   * is asked to fetch a unique name, and the server must see that request arrive.
   */
  probe(env: NodeJS.ProcessEnv, reach?: (ref: string) => Promise<unknown>): Promise<boolean>;
  /** Requests answered with content (manifests and blobs). */
  served(): number;
  /**
   * Blobs still on their way into the folder: a request for one waits until
   * `waitFor` says it arrived (or answers 404 when it will not come), or, when
   * `readable` gives the blob as it grows, is answered while it streams in.
   */
  awaitBlobs(waitFor: (digest: string) => Promise<boolean> | undefined, readable?: (digest: string) => Promise<GrowingBlob | undefined>): void;
  close(): Promise<void>;
}

interface IndexEntry {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
}

/**
 * Serves `dir` on `address` (127.0.0.1; a bridge network's gateway for a builder in a
 * container on that network, which reaches this machine there).
 */
export async function serveLayout(dir: string, address = '127.0.0.1'): Promise<LayoutServer> {
  const repository = `${CACHE_REPOSITORY_PREFIX}${randomBytes(16).toString('hex')}`;
  const probesSeen = new Set<string>();
  let served = 0;
  let waitFor: (digest: string) => Promise<boolean> | undefined = () => undefined;
  let readable: (digest: string) => Promise<GrowingBlob | undefined> = async () => undefined;

  const server = http.createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' && request.method !== 'HEAD') return reply(response, 405, 'UNSUPPORTED', 'this registry is read-only');
    if (pathname === '/v2/' || pathname === '/v2') return reply(response, 200);
    const match = /^\/v2\/(.+)\/(manifests|blobs)\/([^/]+)$/.exec(pathname);
    if (!match) return reply(response, 404, 'NAME_UNKNOWN', 'not found');
    const [, name, kind, reference] = match as unknown as [string, string, string, string];
    if (name.startsWith(PROBE_PREFIX)) {
      probesSeen.add(name);
      return reply(response, 404, 'MANIFEST_UNKNOWN', 'a probe');
    }
    if (name !== repository) return reply(response, 404, 'NAME_UNKNOWN', 'not found');
    const descriptor = kind === 'manifests' ? await manifestDescriptor(reference) : isDigest(reference) ? { digest: reference, mediaType: 'application/octet-stream' } : undefined;
    if (!descriptor) return reply(response, 404, kind === 'manifests' ? 'MANIFEST_UNKNOWN' : 'BLOB_UNKNOWN', `${reference} is not in the cache`);
    const arrival = waitFor(descriptor.digest);
    if (arrival && kind === 'blobs' && request.headers.range === undefined) {
      const growing = await readable(descriptor.digest);
      if (growing) return serveGrowing(request, response, descriptor.digest, growing, arrival);
    }
    if ((await arrival) === false) return reply(response, 404, 'BLOB_UNKNOWN', `${descriptor.digest} did not arrive from the cache service`);
    const file = blobPath(dir, descriptor.digest);
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat?.isFile()) return reply(response, 404, kind === 'manifests' ? 'MANIFEST_UNKNOWN' : 'BLOB_UNKNOWN', `${descriptor.digest} is not in the cache`);

    const headers: http.OutgoingHttpHeaders = {
      'Content-Type': descriptor.mediaType,
      'Docker-Content-Digest': descriptor.digest,
      'Accept-Ranges': 'bytes',
    };
    const range = parseRange(request.headers.range, stat.size);
    if (range === 'unsatisfiable') {
      response.writeHead(416, { 'Content-Range': `bytes */${stat.size}` });
      return void response.end();
    }
    const [start, end] = range ?? [0, stat.size - 1];
    if (range) headers['Content-Range'] = `bytes ${start}-${end}/${stat.size}`;
    headers['Content-Length'] = stat.size === 0 ? 0 : end - start + 1;
    response.writeHead(range ? 206 : 200, headers);
    if (request.method === 'HEAD' || stat.size === 0) return void response.end();
    served += 1;
    // 1 MiB reads: a layer of hundreds of MB goes out in few, large writes.
    createReadStream(file, { start, end, highWaterMark: 1024 * 1024 }).on('error', () => response.destroy()).pipe(response);
  }

  /**
   * A blob answered while its pack streams in: each write is sent as it lands.
   * The engine checks the digest of what it reads (so a blob that turns out
   * bad fails its read, and the build takes the pruned-cache path); a stream
   * that breaks off is followed by the blob's arrival from `@actions/cache`.
   */
  async function serveGrowing(request: http.IncomingMessage, response: http.ServerResponse, digest: string, blob: GrowingBlob, arrival: Promise<boolean>): Promise<void> {
    response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Docker-Content-Digest': digest, 'Accept-Ranges': 'bytes', 'Content-Length': blob.size });
    if (request.method === 'HEAD' || blob.size === 0) return void response.end();
    response.flushHeaders(); // the engine hears the blob is coming before its first byte has
    served += 1;
    // The growing file, until it is gone (whole and moved into place already) or stopped short:
    // then the rest is read from the blob once it has arrived.
    let source = await fs.open(blob.file, 'r').catch(() => undefined);
    let following = true;
    let position = 0;
    try {
      while (position < blob.size && !response.destroyed) {
        if (!source) {
          if (!(await arrival)) throw new Error(`${digest} did not arrive`);
          source = await fs.open(blobPath(dir, digest), 'r');
          following = false;
        }
        const next = following ? blob.next() : undefined;
        const available = following ? blob.written : blob.size;
        if (position < available) {
          const chunk = Buffer.allocUnsafe(Math.min(available - position, 1024 * 1024));
          const { bytesRead } = await source.read(chunk, 0, chunk.length, position);
          if (bytesRead === 0) throw new Error('short read');
          position += bytesRead;
          if (!response.write(chunk.subarray(0, bytesRead))) await drained(response);
        } else if (!blob.interrupted && !blob.settled) {
          await next;
        } else {
          await source.close();
          source = undefined;
        }
      }
      response.end();
    } catch {
      response.destroy();
    } finally {
      await source?.close().catch(() => {});
    }
  }

  /** A tag (`latest`, or the only entry of index.json) or a manifest digest → its descriptor. */
  async function manifestDescriptor(reference: string): Promise<{ digest: string; mediaType: string } | undefined> {
    const entries = await readIndexEntries(dir);
    if (isDigest(reference)) {
      const listed = entries.find((entry) => entry.digest === reference);
      if (listed) return listed;
      const parsed = JSON.parse(await fs.readFile(blobPath(dir, reference), 'utf8').catch(() => '{}')) as { mediaType?: unknown };
      return typeof parsed.mediaType === 'string' ? { digest: reference, mediaType: parsed.mediaType } : undefined;
    }
    const tagged = entries.find((entry) => entry.annotations?.['org.opencontainers.image.ref.name'] === reference);
    return tagged ?? (entries.length === 1 && reference === CACHE_TAG ? entries[0] : undefined);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, address, () => resolve());
  });
  // Never the reason the process stays alive.
  server.unref();
  const { port } = server.address() as AddressInfo;

  return {
    ref: `${address}:${port}/${repository}:${CACHE_TAG}`,
    async probe(env, reach) {
      const name = `${PROBE_PREFIX}${randomBytes(6).toString('hex')}`;
      const ref = `${address}:${port}/${name}:probe`;
      // The fetch fails (the server knows no such image); what counts is that the request arrived.
      await (reach ?? ((probeRef: string) => docker(['pull', '--quiet', probeRef], { env })))(ref).catch(() => undefined);
      return probesSeen.has(name);
    },
    served: () => served,
    awaitBlobs(wait, growing) {
      waitFor = wait;
      if (growing) readable = growing;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function readIndexEntries(dir: string): Promise<IndexEntry[]> {
  try {
    const index = JSON.parse(await fs.readFile(path.join(dir, 'index.json'), 'utf8')) as { manifests?: IndexEntry[] };
    return (index.manifests ?? []).filter((entry) => isDigest(entry.digest) && typeof entry.mediaType === 'string');
  } catch {
    return [];
  }
}

/** One `bytes=a-b` / `bytes=a-` / `bytes=-n` range; undefined for none (or a form not supported: the whole blob). */
export function parseRange(header: string | undefined, size: number): [number, number] | 'unsatisfiable' | undefined {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return [start, end];
}

function drained(response: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    response.once('drain', resolve);
    response.once('close', resolve);
  });
}

function reply(response: http.ServerResponse, status: number, code?: string, message?: string): void {
  const body = code ? JSON.stringify({ errors: [{ code, message }] }) : '{}';
  response.writeHead(status, { 'Content-Type': 'application/json', 'Docker-Distribution-API-Version': 'registry/2.0', 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}
