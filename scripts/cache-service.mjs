#!/usr/bin/env node
// Emulator of the GitHub Actions cache service v2, good enough for the real
// `@actions/cache` to run end to end against it on loopback (DESIGN.md §4).
//
//   Twirp (JSON):  POST /twirp/github.actions.results.api.v1.CacheService/<Method>
//   Blob storage:  PUT/GET/HEAD /blobs/<id>?sig=…  (the subset of the Azure Blob
//                  REST API that @azure/storage-blob and @actions/http-client use)
//   Test controls: GET /_stats, POST /_stats/reset, GET /_entries,
//                  DELETE /_entries/<key>, DELETE /_blobs/<key> (the blob only),
//                  POST /_faults, DELETE /_faults
//
// CLI: node scripts/cache-service.mjs --port 15002 --dir <folder> [--host 127.0.0.1]
//        [--down-mbps N] [--up-mbps N] [--link-mbps N] [--latency-ms N] [--azurite URL]
// --azurite: the blobs live in Azurite at URL (azurite-blobs.mjs), behind this port's link model.
// The flags model the network between a runner and the real service: every
// blob download, whatever its stream, shares one link of --down-mbps MB/s,
// every upload another of --up-mbps (--link-mbps sets both); --latency-ms
// delays every request by one round trip. Without them it answers at loopback speed.
// Plain Node ESM with no dependencies, so it runs on Node 20 and 24.
import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { azuriteBlobs, isAzuriteBlobPath } from './azurite-blobs.mjs';
import { EntryStore } from './cache-entries.mjs';
import { Link, sleep } from './link-model.mjs';

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.CacheService/';
const TWIRP_METHODS = ['CreateCacheEntry', 'FinalizeCacheEntryUpload', 'GetCacheEntryDownloadURL'];
const AZURE_API_VERSION = '2025-05-05';

/** Per-route request counts and bytes; "up" = request bodies received, "down" = response bodies sent. */
function createStats() {
  // faulted: requests a fault was applied to, counted when they arrive (a delayed one is answered much later).
  const stats = { routes: {}, faulted: {} };
  stats.record = (route, status, bytesUp, bytesDown) => {
    const r = (stats.routes[route] ??= { requests: 0, bytesUp: 0, bytesDown: 0, statuses: {} });
    r.requests += 1;
    r.bytesUp += bytesUp;
    r.bytesDown += bytesDown;
    r.statuses[status] = (r.statuses[status] ?? 0) + 1;
  };
  stats.reset = () => { stats.routes = {}; stats.faulted = {}; };
  return stats;
}

/** Maps a request to the name used in stats and fault routes (Twirp method or Azure operation). */
function routeName(method, url) {
  if (url.pathname.startsWith(TWIRP_PREFIX)) {
    const name = url.pathname.slice(TWIRP_PREFIX.length);
    return method === 'POST' && TWIRP_METHODS.includes(name) ? name : 'NotFound';
  }
  if (!/^\/blobs\/\d+$/.test(url.pathname) && !isAzuriteBlobPath(url.pathname)) return 'NotFound';
  if (method === 'GET') return 'GetBlob';
  if (method === 'HEAD') return 'GetBlobProperties';
  if (method !== 'PUT') return 'NotFound';
  return { block: 'PutBlock', blocklist: 'PutBlockList' }[url.searchParams.get('comp')] ?? 'PutBlob';
}

// URLSearchParams turns '+' into ' ', which would corrupt base64 block ids.
function rawQueryParam(rawUrl, name) {
  const match = new RegExp(`[?&]${name}=([^&]*)`).exec(rawUrl);
  return match ? decodeURIComponent(match[1]) : null;
}

/** Parses `bytes=a-b`, `bytes=a-`, `bytes=-n` into an inclusive {start, end}; null = whole blob, 'invalid' = 416. */
function parseRange(header, size) {
  const match = header && /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const [start, end] = match[1] === ''
    ? [Math.max(0, size - Number(match[2])), size - 1]
    : [Number(match[1]), Math.min(size - 1, match[2] === '' ? size - 1 : Number(match[2]))];
  return start > end || start >= size ? 'invalid' : { start, end };
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

// Streams a request body to `file` through a temp name, so readers never see half a file.
async function writeBodyToFile(req, file, link) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const out = fs.createWriteStream(`${file}.part`);
  await (link ? pipeline(req, link.stream(), out) : pipeline(req, out));
  fs.renameSync(`${file}.part`, file);
  return out.bytesWritten;
}


// `azurite`: the URL of an Azurite blob service that holds the blobs (azurite-blobs.mjs); without it, this file's own blob store.
export async function startCacheService({ port = 0, dir, host = '127.0.0.1', log = (line) => process.stdout.write(`${line}\n`), linkMBps, downMBps = linkMBps, upMBps = linkMBps, latencyMs = 0, azurite }) {
  if (!dir) throw new Error('startCacheService: dir is required');
  // An unmodelled direction passes its chunks straight through.
  const links = downMBps > 0 || upMBps > 0 ? { up: upMBps > 0 ? new Link(upMBps) : undefined, down: downMBps > 0 ? new Link(downMBps) : undefined } : undefined;
  const store = new EntryStore(dir);
  const stats = createStats();
  let fault = null;

  // One fault, or a list of them (the first that applies wins), e.g. the Twirp API and the blob store each throttled.
  const setFault = (spec) => { fault = spec ? [spec].flat().map((one) => ({ ...one })) : null; };
  // A fault applies to the listed routes (all when none listed) for `count` requests (unlimited when unset);
  // with `every: N`, only to every Nth of them (a service that throttles a share of its traffic).
  function takeFault(route) {
    for (const one of fault ?? []) {
      if (one.count !== undefined && one.count <= 0) continue;
      if (one.routes && !one.routes.includes(route)) continue;
      if (one.every > 1 && (one.seen = (one.seen ?? 0) + 1) % one.every !== 0) continue;
      stats.faulted[route] = (stats.faulted[route] ?? 0) + 1;
      if (one.count !== undefined) one.count -= 1;
      return one;
    }
    return null;
  }

  // --- responses: every reply goes through send() so stats and the log see it ---
  function send(ctx, status, headers, body) {
    const buf = body === undefined ? undefined : Buffer.from(body);
    ctx.res.writeHead(status, { ...headers, 'content-length': buf ? buf.length : 0 });
    ctx.bytesDown += ctx.req.method === 'HEAD' || !buf ? 0 : buf.length;
    ctx.res.end(buf);
  }
  const sendJson = (ctx, status, obj) => send(ctx, status, { 'content-type': 'application/json' }, JSON.stringify(obj));
  const twirpError = (ctx, status, code, msg) => sendJson(ctx, status, { code, msg });
  const azureHeaders = (extra = {}) => ({ 'x-ms-request-id': randomUUID(), 'x-ms-version': AZURE_API_VERSION, date: new Date().toUTCString(), ...extra });
  const blobError = (ctx, status, code, message) => send(ctx, status, azureHeaders({ 'content-type': 'application/xml', 'x-ms-error-code': code }),
    `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
  const azure = azurite ? await azuriteBlobs(azurite, dir) : undefined;
  const blobUrl = (ctx, entry, access) => azure ? azure.signedUrl(blobListener.port, entry, access) : `http://${ctx.req.headers.host}/blobs/${entry.id}?sig=${entry.sig}`;

  // --- Twirp methods: JSON in (proto field names), JSON out ---
  const twirp = {
    CreateCacheEntry(ctx, { key, version }) {
      if (store.find(key, version)) return twirpError(ctx, 409, 'already_exists', `cache entry with key ${key} and version ${version} already exists`);
      sendJson(ctx, 200, { ok: true, signed_upload_url: blobUrl(ctx, store.create(key, version), 'write') });
    },
    async FinalizeCacheEntryUpload(ctx, { key, version, size_bytes: sizeBytes }) {
      const entry = store.find(key, version);
      if (!entry) return twirpError(ctx, 404, 'not_found', `no cache entry with key ${key} and version ${version}`);
      if (entry.finalized) return twirpError(ctx, 409, 'already_exists', `cache entry with key ${key} is already finalized`);
      if (azure) entry.uploadedSize = await azure.size(entry); // what Azurite committed
      if (entry.uploadedSize === null) return sendJson(ctx, 200, { ok: false, message: `nothing was uploaded for cache entry ${key}` });
      if (sizeBytes !== undefined && Number(sizeBytes) !== entry.uploadedSize) {
        return sendJson(ctx, 200, { ok: false, message: `size mismatch for ${key}: told ${sizeBytes}, uploaded ${entry.uploadedSize}` });
      }
      Object.assign(entry, { finalized: true, finalizedAt: new Date().toISOString() });
      store.persist();
      sendJson(ctx, 200, { ok: true, entry_id: String(entry.id) });
    },
    GetCacheEntryDownloadURL(ctx, { key, restore_keys: restoreKeys = [], version }) {
      const entry = store.lookup(key, restoreKeys, version);
      if (!entry) return sendJson(ctx, 200, { ok: false });
      sendJson(ctx, 200, { ok: true, signed_download_url: blobUrl(ctx, entry, 'read'), matched_key: entry.key });
    },
  };

  async function handleTwirp(ctx) {
    const raw = await readBody(ctx.req);
    ctx.bytesUp += raw.length;
    let body;
    try { body = JSON.parse(raw.toString('utf8') || '{}'); } catch { return twirpError(ctx, 400, 'malformed', 'request body is not JSON'); }
    if (!body.key || !body.version) return twirpError(ctx, 400, 'invalid_argument', 'key and version are required');
    await twirp[ctx.route](ctx, body);
  }

  // --- Blob storage: Put Blob, Put Block, Put Block List, Get Blob (+ Range), Get Blob Properties ---
  async function handleBlob(ctx) {
    const entry = store.byId(ctx.url.pathname.split('/')[2]);
    if (!entry) return blobError(ctx, 404, 'BlobNotFound', 'The specified blob does not exist.');
    if (ctx.url.searchParams.get('sig') !== entry.sig) return blobError(ctx, 403, 'AuthenticationFailed', 'Signature did not match.');
    if (ctx.req.method === 'PUT') {
      // Uploads are only allowed between CreateCacheEntry and FinalizeCacheEntryUpload.
      if (entry.finalized) return blobError(ctx, 409, 'BlobImmutable', 'The cache entry is already finalized.');
      return ({ PutBlob: putBlob, PutBlock: putBlock, PutBlockList: putBlockList })[ctx.route](ctx, entry);
    }
    if (!entry.finalized) return blobError(ctx, 404, 'BlobNotFound', 'The blob has not been committed yet.');
    getBlob(ctx, entry);
  }

  function uploaded(ctx, entry, size) {
    Object.assign(entry, { uploadedSize: size, etag: `"0x${Date.now().toString(16).toUpperCase()}"`, lastModified: new Date().toUTCString() });
    store.persist();
    send(ctx, 201, azureHeaders({ etag: entry.etag, 'last-modified': entry.lastModified, 'x-ms-request-server-encrypted': 'true' }));
  }

  async function putBlob(ctx, entry) {
    if (ctx.req.headers['x-ms-blob-type'] !== 'BlockBlob') return blobError(ctx, 400, 'InvalidHeaderValue', 'x-ms-blob-type must be BlockBlob.');
    ctx.bytesUp += await writeBodyToFile(ctx.req, store.blobPath(entry), links?.up);
    uploaded(ctx, entry, fs.statSync(store.blobPath(entry)).size);
  }

  async function putBlock(ctx, entry) {
    const blockId = rawQueryParam(ctx.req.url, 'blockid');
    if (!blockId) return blobError(ctx, 400, 'InvalidQueryParameterValue', 'blockid is required.');
    ctx.bytesUp += await writeBodyToFile(ctx.req, store.blockPath(entry, blockId), links?.up);
    send(ctx, 201, azureHeaders({ 'x-ms-request-server-encrypted': 'true' }));
  }

  // Body: <BlockList><Latest|Uncommitted|Committed>base64 id</…>…</BlockList>, in blob order.
  async function putBlockList(ctx, entry) {
    const xml = await readBody(ctx.req);
    ctx.bytesUp += xml.length;
    const blockIds = [...xml.toString('utf8').matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g)].map((m) => m[2]);
    const missing = blockIds.find((id) => !fs.existsSync(store.blockPath(entry, id)));
    if (missing !== undefined) return blobError(ctx, 400, 'InvalidBlockList', `Block ${missing} was never uploaded.`);
    const blob = store.blobPath(entry);
    await fsp.writeFile(`${blob}.part`, '');
    for (const id of blockIds) await fsp.appendFile(`${blob}.part`, await fsp.readFile(store.blockPath(entry, id)));
    await fsp.rename(`${blob}.part`, blob);
    await fsp.rm(store.blockDir(entry), { recursive: true, force: true });
    uploaded(ctx, entry, fs.statSync(blob).size);
  }

  function getBlob(ctx, entry) {
    const file = store.blobPath(entry);
    // An entry the service lists whose blob is gone (DELETE /_blobs/<key>): what Azure answers for it.
    if (!fs.existsSync(file)) return blobError(ctx, 404, 'BlobNotFound', 'The specified blob does not exist.');
    const size = fs.statSync(file).size;
    const range = parseRange(ctx.req.headers['x-ms-range'] ?? ctx.req.headers.range, size);
    if (range === 'invalid') {
      ctx.res.setHeader('content-range', `bytes */${size}`);
      return blobError(ctx, 416, 'InvalidRange', 'The range specified is invalid for the current size of the resource.');
    }
    const { start, end } = range ?? { start: 0, end: size - 1 };
    const length = Math.max(0, end - start + 1);
    const headers = azureHeaders({ 'content-type': 'application/octet-stream', 'content-length': length, 'accept-ranges': 'bytes',
      etag: entry.etag, 'last-modified': entry.lastModified, 'x-ms-blob-type': 'BlockBlob',
      'x-ms-creation-time': new Date(entry.createdAt).toUTCString(), 'x-ms-server-encrypted': 'true',
      ...(range ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}) });
    ctx.res.writeHead(range ? 206 : 200, headers);
    if (ctx.req.method === 'HEAD' || length === 0) return ctx.res.end();
    ctx.bytesDown += length;
    const source = fs.createReadStream(file, { start, end });
    if (links?.down) pipeline(source, links.down.stream(), ctx.res).catch(() => ctx.res.destroy());
    else source.pipe(ctx.res);
  }

  // --- Test controls (never faulted, not counted in stats) ---
  async function handleAdmin(ctx) {
    const { method } = ctx.req;
    const { pathname } = ctx.url;
    if (method === 'GET' && pathname === '/_stats') return sendJson(ctx, 200, { routes: stats.routes });
    if (method === 'POST' && pathname === '/_stats/reset') { stats.reset(); return sendJson(ctx, 200, { ok: true }); }
    if (method === 'GET' && pathname === '/_entries') return sendJson(ctx, 200, store.entries.map(({ sig, ...entry }) => entry));
    if (method === 'DELETE' && pathname.startsWith('/_entries/')) {
      const key = decodeURIComponent(pathname.slice('/_entries/'.length));
      if (azure) for (const entry of store.entries.filter((one) => one.key === key)) await azure.remove(entry);
      return sendJson(ctx, 200, { deleted: store.removeKey(key) });
    }
    if (method === 'DELETE' && pathname.startsWith('/_blobs/')) {
      // The entry stays listed (and finalized); only its blob goes, as when storage loses it.
      const key = decodeURIComponent(pathname.slice('/_blobs/'.length));
      const doomed = store.entries.filter((entry) => entry.key === key);
      for (const entry of doomed) await (azure ? azure.remove(entry) : fsp.rm(store.blobPath(entry), { force: true }));
      return sendJson(ctx, 200, { deleted: doomed.length });
    }
    if (method === 'POST' && pathname === '/_faults') {
      try { setFault(JSON.parse((await readBody(ctx.req)).toString('utf8'))); } catch { return twirpError(ctx, 400, 'malformed', 'fault is not JSON'); }
      return sendJson(ctx, 200, { ok: true, fault });
    }
    if (method === 'DELETE' && pathname === '/_faults') { setFault(null); return sendJson(ctx, 200, { ok: true }); }
    twirpError(ctx, 404, 'bad_route', `no handler for ${method} ${pathname}`);
  }

  async function handle(ctx) {
    if (ctx.url.pathname.startsWith('/_')) return handleAdmin(ctx);
    if (latencyMs > 0) await sleep(latencyMs);
    const injected = takeFault(ctx.route);
    if (injected?.delayMs) await sleep(injected.delayMs);
    const isBlob = ctx.url.pathname.startsWith('/blobs/') || isAzuriteBlobPath(ctx.url.pathname);
    if (injected?.status) {
      if (injected.retryAfter !== undefined) ctx.res.setHeader('retry-after', String(injected.retryAfter));
      return isBlob ? blobError(ctx, injected.status, 'InjectedFault', 'Fault injected by the test.')
        : twirpError(ctx, injected.status, injected.status >= 500 ? 'unavailable' : 'internal', 'fault injected by the test');
    }
    if (ctx.route === 'NotFound') return twirpError(ctx, 404, 'bad_route', `no route for ${ctx.req.method} ${ctx.url.pathname}`);
    if (isBlob && azure) return azure.forward(ctx, links?.up?.stream(), links?.down?.stream());
    return isBlob ? handleBlob(ctx) : handleTwirp(ctx);
  }

  const onRequest = (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const ctx = { req, res, url, route: routeName(req.method, url), bytesUp: 0, bytesDown: 0 };
    const admin = url.pathname.startsWith('/_');
    res.on('close', () => {
      if (!admin) stats.record(ctx.route, res.statusCode, ctx.bytesUp, ctx.bytesDown);
      log(`${new Date().toISOString()} ${req.method} ${url.pathname} ${res.statusCode} up=${ctx.bytesUp} down=${ctx.bytesDown} ${admin ? 'admin' : ctx.route}`);
    });
    handle(ctx).catch((error) => {
      log(`${req.method} ${url.pathname} failed: ${error.stack ?? error}`);
      if (!res.headersSent) twirpError(ctx, 500, 'internal', String(error.message ?? error));
      else res.destroy();
    });
  };
  const server = http.createServer(onRequest);
  await new Promise((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  const actualPort = server.address().port;
  // With Azurite, blob traffic has a port of its own (as the blob store is another host than the
  // Twirp API), so a test can take the blob store down alone: its connections are then refused.
  const blobListener = { server: undefined, port: 0, downAfter: undefined };
  blobListener.up = async () => {
    if (blobListener.server) return;
    blobListener.server = http.createServer((req, res) => {
      res.on('close', () => { if (blobListener.downAfter !== undefined && --blobListener.downAfter <= 0) blobListener.down(); });
      onRequest(req, res);
    });
    await new Promise((resolve, reject) => blobListener.server.once('error', reject).listen(blobListener.port, host, resolve));
    blobListener.port = blobListener.server.address().port;
  };
  blobListener.down = (afterRequests = 0) => {
    blobListener.downAfter = afterRequests > 0 ? afterRequests : undefined;
    if (afterRequests > 0 || !blobListener.server) return;
    blobListener.server.close();
    blobListener.server.closeAllConnections();
    blobListener.server = undefined;
  };
  if (azure) await blobListener.up();
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/`,
    port: actualPort,
    stats,
    setFault,
    entries: () => store.entries,
    /** Azurite only: the blob store refuses connections (after `afterRequests` more blob requests), and takes them again. */
    blobsDown: (afterRequests) => blobListener.down(afterRequests),
    blobsUp: () => blobListener.up(),
    close: () => new Promise((resolve) => { blobListener.down(); server.close(() => resolve()); server.closeAllConnections(); }),
  };
}

async function main() {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '15002' }, dir: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' },
    'link-mbps': { type: 'string' }, 'down-mbps': { type: 'string' }, 'up-mbps': { type: 'string' }, 'latency-ms': { type: 'string' }, azurite: { type: 'string' } } });
  if (!values.dir) {
    console.error('usage: node scripts/cache-service.mjs --port 15002 --dir <folder> [--host 127.0.0.1]');
    process.exit(2);
  }
  const linkMBps = Number(values['link-mbps'] ?? 0);
  const downMBps = Number(values['down-mbps'] ?? linkMBps);
  const upMBps = Number(values['up-mbps'] ?? linkMBps);
  const latencyMs = Number(values['latency-ms'] ?? 0);
  const service = await startCacheService({ port: Number(values.port), dir: path.resolve(values.dir), host: values.host, downMBps, upMBps, latencyMs, azurite: values.azurite });
  const speed = (mbps) => (mbps > 0 ? `${mbps} MB/s` : 'loopback speed');
  const blobs = values.azurite ? `, blobs in Azurite at ${values.azurite}` : '';
  const network = downMBps > 0 || upMBps > 0 || latencyMs > 0 ? `, network: ${speed(downMBps)} down, ${speed(upMBps)} up, ${latencyMs} ms a request` : '';
  console.log(`cache service listening on ${service.url} (data in ${path.resolve(values.dir)}${network}${blobs})`);
  const stop = () => service.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
