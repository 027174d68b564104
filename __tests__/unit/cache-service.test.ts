// The cache-service emulator (scripts/cache-service.mjs) driven by the REAL
// @actions/cache, end to end over loopback: tar + zstd, Twirp, Azure SDK uploads,
// http-client downloads. Also checks the HTTP surface other tests rely on.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as cache from '@actions/cache';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

interface RouteStats {
  requests: number;
  bytesUp: number;
  bytesDown: number;
  statuses: Record<string, number>;
}
interface Fault {
  status?: number;
  delayMs?: number;
  routes?: string[];
  count?: number;
}
interface CacheService {
  url: string;
  port: number;
  close(): Promise<void>;
  stats: { routes: Record<string, RouteStats>; reset(): void };
  setFault(fault: Fault | null): void;
}
type StartCacheService = (options: { port: number; dir: string; host?: string; log?: (line: string) => void; linkMBps?: number; downMBps?: number; upMBps?: number; latencyMs?: number }) => Promise<CacheService>;

// A plain .mjs script without type declarations: import it by URL and type it here.
const serviceModuleUrl = new URL('../../scripts/cache-service.mjs', import.meta.url).href;
const TWIRP = 'twirp/github.actions.results.api.v1.CacheService';
const MiB = 1024 * 1024;

let startCacheService: StartCacheService;
let service: CacheService;
let root: string;
let workspace: string;
const requestLog: string[] = [];

// @actions/cache reads all of these at call time (config.ts, cacheUtils.ts), so
// setting them before the calls is enough; no dynamic import needed.
const ENV_KEYS = ['ACTIONS_CACHE_SERVICE_V2', 'ACTIONS_RESULTS_URL', 'ACTIONS_RUNTIME_TOKEN', 'RUNNER_TEMP',
  'GITHUB_WORKSPACE', 'GITHUB_SERVER_URL', 'ACTIONS_CACHE_URL', 'ACTIONS_CACHE_MODE', 'RUNNER_DEBUG'] as const;
const savedEnv = new Map(ENV_KEYS.map((k) => [k, process.env[k]]));

async function startService(): Promise<void> {
  service = await startCacheService({ port: 0, dir: path.join(root, 'service'), log: (line) => requestLog.push(line) });
  process.env.ACTIONS_RESULTS_URL = service.url;
}

beforeAll(async () => {
  ({ startCacheService } = (await import(serviceModuleUrl)) as { startCacheService: StartCacheService });
  root = await mkdtemp(path.join(tmpdir(), 'cache-service-test-'));
  workspace = path.join(root, 'workspace');
  await mkdir(path.join(root, 'runner-temp'), { recursive: true });
  await mkdir(workspace, { recursive: true });
  await startService();
  process.env.ACTIONS_CACHE_SERVICE_V2 = 'true';
  process.env.ACTIONS_RUNTIME_TOKEN = 'test-runtime-token';
  process.env.RUNNER_TEMP = path.join(root, 'runner-temp');
  process.env.GITHUB_WORKSPACE = workspace;
  // v2 is only used when not on GHES; an unset server URL counts as github.com.
  for (const key of ['GITHUB_SERVER_URL', 'ACTIONS_CACHE_URL', 'ACTIONS_CACHE_MODE', 'RUNNER_DEBUG']) delete process.env[key];
});

afterAll(async () => {
  await service?.close();
  for (const [key, value] of savedEnv) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await rm(root, { recursive: true, force: true });
});

beforeEach(() => {
  service.setFault(null);
  service.stats.reset();
});

/** Runs fn while capturing what @actions/core writes to stdout (info lines, ::warning:: commands). */
async function captureOutput<T>(fn: () => Promise<T>): Promise<{ result: T; output: string }> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write);
  try {
    return { result: await fn(), output: chunks.join('') };
  } finally {
    spy.mockRestore();
  }
}

// @actions/core writes every debug line to stdout; keep the test output readable.
const save = (folder: string, key: string) => captureOutput(() => cache.saveCache([folder], key));
const restore = (folder: string, key: string, restoreKeys?: string[]) =>
  captureOutput(() => cache.restoreCache([folder], key, restoreKeys));

/** Saves folder under key and checks it worked; the captured output explains a failure. */
async function saveOk(folder: string, key: string): Promise<void> {
  const { result, output } = await save(folder, key);
  expect(result, output).toBeGreaterThan(0);
  expect(output).not.toMatch(/::(warning|error)::/);
}

/** Creates workspace/<name> holding the given files and returns its absolute path. */
async function makeFolder(name: string, files: Record<string, string | Buffer>): Promise<string> {
  const folder = path.join(workspace, name);
  await rm(folder, { recursive: true, force: true });
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(folder, file)), { recursive: true });
    await writeFile(path.join(folder, file), content);
  }
  return folder;
}

function routeStats(route: string): RouteStats {
  return service.stats.routes[route] ?? { requests: 0, bytesUp: 0, bytesDown: 0, statuses: {} };
}

async function writeRandomFile(file: string, size: number): Promise<void> {
  async function* chunks() {
    for (let written = 0; written < size; written += MiB) yield randomBytes(Math.min(MiB, size - written));
  }
  await pipeline(Readable.from(chunks()), createWriteStream(file));
}

async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

async function twirp(method: string, body: unknown): Promise<Response> {
  return fetch(`${service.url}${TWIRP}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer test-runtime-token' },
    body: JSON.stringify(body),
  });
}

describe('cache service emulator with the real @actions/cache (v2)', () => {
  it('saves a folder and restores it byte for byte (single-shot Put Blob, plain GET download)', async () => {
    const files = { 'a.txt': 'hello cache\n', 'nested/deep/b.bin': randomBytes(300_000), 'nested/c.json': '{"x":1}' };
    const folder = await makeFolder('round-trip', files);

    await saveOk(folder, 'round-trip-key');

    await rm(folder, { recursive: true });
    const restored = await restore(folder, 'round-trip-key');
    expect(restored.result).toBe('round-trip-key');
    expect(restored.output).toContain('Cache hit for: round-trip-key');
    for (const [file, content] of Object.entries(files)) {
      expect(Buffer.compare(await readFile(path.join(folder, file)), Buffer.from(content))).toBe(0);
    }

    // The archive is far below the 128 MiB single-shot limit: one Put Blob, no blocks.
    expect(routeStats('CreateCacheEntry').statuses).toEqual({ 200: 1 });
    expect(routeStats('PutBlob').statuses).toEqual({ 201: 1 });
    expect(routeStats('PutBlock').requests).toBe(0);
    expect(routeStats('FinalizeCacheEntryUpload').statuses).toEqual({ 200: 1 });
    expect(routeStats('GetCacheEntryDownloadURL').statuses).toEqual({ 200: 1 });
    expect(routeStats('GetBlob').statuses).toEqual({ 200: 1 });
    expect(routeStats('GetBlob').bytesDown).toBe(routeStats('PutBlob').bytesUp);
    expect(requestLog.some((line) => /^\S+ PUT \/blobs\/\d+ 201 up=\d+ down=0 PutBlob$/.test(line))).toBe(true);
  });

  it('reports a miss as undefined: unknown key, and a known key saved for other paths (version)', async () => {
    const folder = await makeFolder('miss', { 'f.txt': 'x' });
    const other = await makeFolder('miss-other-path', { 'f.txt': 'x' });
    await saveOk(folder, 'miss-known-key');

    const unknown = await restore(folder, 'miss-unknown-key', ['miss-unknown-']);
    expect(unknown.result).toBeUndefined();
    // The version hashes the paths, so the same key for other paths is a miss too.
    expect((await restore(other, 'miss-known-key')).result).toBeUndefined();
    expect(unknown.output).not.toMatch(/::(warning|error)::/);
    expect(routeStats('GetCacheEntryDownloadURL').statuses).toEqual({ 200: 2 });
    expect(routeStats('GetBlob').requests).toBe(0);
  });

  it('matches restore keys by prefix, newest entry first, but prefers an exact primary key', async () => {
    const folder = await makeFolder('prefix', { 'which.txt': 'older' });
    await saveOk(folder, 'deps-linux-older');
    await makeFolder('prefix', { 'which.txt': 'newer' });
    await saveOk(folder, 'deps-linux-newer');

    await rm(folder, { recursive: true });
    const byPrefix = await restore(folder, 'deps-linux-nope', ['deps-windows-', 'deps-linux-']);
    expect(byPrefix.result).toBe('deps-linux-newer');
    expect(byPrefix.output).toContain('Cache hit for restore-key: deps-linux-newer');
    expect(await readFile(path.join(folder, 'which.txt'), 'utf8')).toBe('newer');

    expect((await restore(folder, 'deps-linux-older', ['deps-linux-'])).result).toBe('deps-linux-older');
    expect(await readFile(path.join(folder, 'which.txt'), 'utf8')).toBe('older');
  });

  it('answers a duplicate save with 409, which saveCache logs as info and returns -1 (no throw, no warning)', async () => {
    const folder = await makeFolder('duplicate', { 'f.txt': 'first' });
    await saveOk(folder, 'duplicate-key');

    const second = await save(folder, 'duplicate-key');
    expect(second.result).toBe(-1);
    expect(second.output).toContain(
      'Failed to save: Unable to reserve cache with key duplicate-key, another job may be creating this cache.',
    );
    expect(second.output).not.toMatch(/::(warning|error)::/);
    expect(routeStats('CreateCacheEntry').statuses).toEqual({ 200: 1, 409: 1 });
    expect(routeStats('PutBlob').requests).toBe(1); // the second save uploaded nothing
  });

  it('takes the multi-block path (Put Block ×3 + Put Block List) for an archive over 128 MiB', { timeout: 180_000 }, async () => {
    // @actions/cache passes maxSingleShotSize 128 MiB and blockSize 64 MiB to the Azure
    // SDK; random bytes don't compress, so 132 MiB of them make a ~132 MiB archive.
    const folder = path.join(workspace, 'large');
    await mkdir(folder, { recursive: true });
    const bigFile = path.join(folder, 'random.bin');
    await writeRandomFile(bigFile, 132 * MiB);
    const expectedHash = await sha256OfFile(bigFile);

    await saveOk(folder, 'large-key');
    expect(routeStats('PutBlob').requests).toBe(0);
    expect(routeStats('PutBlock').statuses).toEqual({ 201: 3 });
    expect(routeStats('PutBlockList').statuses).toEqual({ 201: 1 });
    expect(routeStats('PutBlock').bytesUp).toBeGreaterThan(132 * MiB);

    await rm(folder, { recursive: true });
    expect((await restore(folder, 'large-key')).result).toBe('large-key');
    expect(await sha256OfFile(bigFile)).toBe(expectedHash);
    expect(routeStats('GetBlob').bytesDown).toBe(routeStats('PutBlock').bytesUp);
    await rm(folder, { recursive: true });
  });

  it('turns a 503 on the blob download into a warning and a miss (after one retry), not a throw', { timeout: 60_000 }, async () => {
    const folder = await makeFolder('download-503', { 'f.txt': 'payload' });
    await saveOk(folder, 'download-503-key');

    // downloadCache tries twice (DefaultRetryAttempts = 2, 5 s apart) on a 503.
    service.setFault({ status: 503, routes: ['GetBlob'], count: 2 });
    const failed = await restore(folder, 'download-503-key');
    expect(failed.result).toBeUndefined();
    expect(failed.output).toContain('::warning::Failed to restore: downloadCache failed: Cache service responded with 503');
    expect(routeStats('GetBlob').statuses).toEqual({ 503: 2 });

    // The fault is used up; the entry itself is intact.
    expect((await restore(folder, 'download-503-key')).result).toBe('download-503-key');
  });

  it('survives a transient 503 on GetCacheEntryDownloadURL through the Twirp client retry', { timeout: 60_000 }, async () => {
    const folder = await makeFolder('twirp-503', { 'f.txt': 'payload' });
    await saveOk(folder, 'twirp-503-key');

    service.setFault({ status: 503, routes: ['GetCacheEntryDownloadURL'], count: 1 });
    const restored = await restore(folder, 'twirp-503-key');
    expect(restored.result).toBe('twirp-503-key');
    expect(restored.output).toContain('Attempt 1 of 5 failed with error: Failed request: (503) Service Unavailable');
    expect(routeStats('GetCacheEntryDownloadURL').statuses).toEqual({ 503: 1, 200: 1 });
  });

  it('keeps entries across a restart on the same --dir', async () => {
    const folder = await makeFolder('restart', { 'f.txt': 'persisted' });
    await saveOk(folder, 'restart-key');
    await service.close();
    await startService();

    await rm(folder, { recursive: true });
    expect((await restore(folder, 'restart-key')).result).toBe('restart-key');
    expect(await readFile(path.join(folder, 'f.txt'), 'utf8')).toBe('persisted');
  });
});

describe('cache service emulator HTTP surface', () => {
  it('speaks Twirp JSON: miss is 200 {ok:false}, duplicate is 409 already_exists, unknown routes are 404 JSON', async () => {
    const miss = await twirp('GetCacheEntryDownloadURL', { key: 'nothing', version: 'v1' });
    expect(miss.status).toBe(200);
    expect(miss.headers.get('content-type')).toBe('application/json');
    expect(await miss.json()).toEqual({ ok: false });

    expect((await twirp('CreateCacheEntry', { key: 'http-dup', version: 'v1' })).status).toBe(200);
    const duplicate = await twirp('CreateCacheEntry', { key: 'http-dup', version: 'v1' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.headers.get('content-type')).toBe('application/json');
    expect(await duplicate.json()).toMatchObject({ code: 'already_exists' });

    const finalizeEmpty = await twirp('FinalizeCacheEntryUpload', { key: 'http-dup', version: 'v1', size_bytes: '3' });
    expect(await finalizeEmpty.json()).toMatchObject({ ok: false });

    for (const url of [`${service.url}${TWIRP}/DeleteCacheEntry`, `${service.url}nowhere`]) {
      const unknown = await fetch(url, { method: 'POST', body: '{}' });
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('content-type')).toBe('application/json');
      expect(await unknown.json()).toMatchObject({ code: 'bad_route' });
    }
  });

  it('serves blobs with Range, HEAD and Azure headers', async () => {
    const created = (await (await twirp('CreateCacheEntry', { key: 'http-blob', version: 'v1' })).json()) as { signed_upload_url: string };
    const put = await fetch(created.signed_upload_url, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob' }, body: '0123456789' });
    expect(put.status).toBe(201);
    expect(put.headers.get('etag')).toBeTruthy();
    const notYet = await twirp('GetCacheEntryDownloadURL', { key: 'http-blob', version: 'v1' });
    expect(await notYet.json()).toEqual({ ok: false }); // not finalized yet

    expect(await (await twirp('FinalizeCacheEntryUpload', { key: 'http-blob', version: 'v1', size_bytes: '10' })).json()).toMatchObject({ ok: true });
    const found = (await (await twirp('GetCacheEntryDownloadURL', { key: 'other', restore_keys: ['http-b'], version: 'v1' })).json()) as {
      signed_download_url: string;
      matched_key: string;
    };
    expect(found.matched_key).toBe('http-blob');

    const head = await fetch(found.signed_download_url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('10');
    expect(head.headers.get('x-ms-blob-type')).toBe('BlockBlob');
    expect(head.headers.get('accept-ranges')).toBe('bytes');
    expect(head.headers.get('etag')).toBe(put.headers.get('etag'));
    expect(head.headers.get('last-modified')).toBeTruthy();
    expect(head.headers.get('x-ms-request-id')).toBeTruthy();

    const ranged = await fetch(found.signed_download_url, { headers: { 'x-ms-range': 'bytes=2-5' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe('bytes 2-5/10');
    expect(await ranged.text()).toBe('2345');
    const suffix = await fetch(found.signed_download_url, { headers: { range: 'bytes=-3' } });
    expect(await suffix.text()).toBe('789');
    expect((await fetch(found.signed_download_url, { headers: { range: 'bytes=10-' } })).status).toBe(416);

    const badSig = await fetch(found.signed_download_url.replace(/sig=\w+/, 'sig=wrong'));
    expect(badSig.status).toBe(403);
    expect(badSig.headers.get('x-ms-error-code')).toBe('AuthenticationFailed');
  });

  it('exposes stats, entries, deletion and faults over HTTP', async () => {
    const folder = await makeFolder('admin', { 'f.txt': 'admin' });
    await saveOk(folder, 'admin/key with spaces');

    const stats = (await (await fetch(`${service.url}_stats`)).json()) as { routes: Record<string, RouteStats> };
    expect(stats.routes.PutBlob?.requests).toBe(1);
    expect((await fetch(`${service.url}_stats/reset`, { method: 'POST' })).status).toBe(200);
    expect(await (await fetch(`${service.url}_stats`)).json()).toEqual({ routes: {} });

    const entries = (await (await fetch(`${service.url}_entries`)).json()) as Array<{ key: string; finalized: boolean; sig?: string }>;
    expect(entries.find((e) => e.key === 'admin/key with spaces')).toMatchObject({ finalized: true });
    expect(entries.every((e) => e.sig === undefined)).toBe(true);

    const deleted = await fetch(`${service.url}_entries/${encodeURIComponent('admin/key with spaces')}`, { method: 'DELETE' });
    expect(await deleted.json()).toEqual({ deleted: 1 });
    expect((await restore(folder, 'admin/key with spaces')).result).toBeUndefined();

    // A delay fault holds matching requests, then lets them through; admin routes are never faulted.
    const setFault = await fetch(`${service.url}_faults`, { method: 'POST', body: JSON.stringify({ delayMs: 400, routes: ['GetCacheEntryDownloadURL'], count: 1 }) });
    expect(setFault.status).toBe(200);
    const started = Date.now();
    expect(await (await twirp('GetCacheEntryDownloadURL', { key: 'x', version: 'v' })).json()).toEqual({ ok: false });
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);

    await fetch(`${service.url}_faults`, { method: 'POST', body: JSON.stringify({ status: 500 }) });
    expect((await twirp('GetCacheEntryDownloadURL', { key: 'x', version: 'v' })).status).toBe(500);
    expect((await fetch(`${service.url}_faults`, { method: 'DELETE' })).status).toBe(200);
    expect((await twirp('GetCacheEntryDownloadURL', { key: 'x', version: 'v' })).status).toBe(200);
  });
});

describe('cache service emulator with a modelled network (the benchmark\'s network profiles)', () => {
  it('moves blobs at the link speed each way and delays every request by the latency', async () => {
    const slow = await startCacheService({ port: 0, dir: path.join(root, 'slow-service'), log: () => {}, linkMBps: 20, latencyMs: 40 });
    process.env.ACTIONS_RESULTS_URL = slow.url;
    try {
      const folder = await makeFolder('slow', { blob: randomBytes(4_000_000) });
      let started = Date.now();
      await saveOk(folder, 'slow-key');
      const up = Date.now() - started;
      await rm(folder, { recursive: true, force: true });
      started = Date.now();
      expect((await restore(folder, 'slow-key')).result).toBe('slow-key');
      const down = Date.now() - started;
      // 4 MB (random, so zstd keeps it at 4 MB) at 20 MB/s is 0.2 s each way, plus a round trip
      // a request: reserve, upload, finalize; look up, download.
      expect(up).toBeGreaterThanOrEqual(200 + 3 * 40);
      expect(down).toBeGreaterThanOrEqual(200 + 2 * 40);
      expect((await readFile(path.join(folder, 'blob'))).length).toBe(4_000_000);
    } finally {
      process.env.ACTIONS_RESULTS_URL = service.url;
      await slow.close();
    }
  });

  it('models each direction on its own link, one link shared by every stream', async () => {
    // Downloads share 10 MB/s; uploads go at loopback speed.
    const slow = await startCacheService({ port: 0, dir: path.join(root, 'down-only-service'), log: () => {}, downMBps: 10 });
    process.env.ACTIONS_RESULTS_URL = slow.url;
    try {
      const one = await makeFolder('down-only-1', { blob: randomBytes(1_500_000) });
      const two = await makeFolder('down-only-2', { blob: randomBytes(1_500_000) });
      await saveOk(one, 'down-only-1');
      await saveOk(two, 'down-only-2');
      await rm(one, { recursive: true, force: true });
      await rm(two, { recursive: true, force: true });
      // Two downloads at once share the 10 MB/s: 3 MB take at least 0.3 s in all, not 0.15 s each side by side.
      const started = Date.now();
      const results = await Promise.all([restore(one, 'down-only-1'), restore(two, 'down-only-2')]);
      expect(results.map((result) => result.result)).toEqual(['down-only-1', 'down-only-2']);
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      expect(slow.stats.routes.GetBlob?.bytesDown).toBeGreaterThanOrEqual(3_000_000);
    } finally {
      process.env.ACTIONS_RESULTS_URL = service.url;
      await slow.close();
    }
  });
});
