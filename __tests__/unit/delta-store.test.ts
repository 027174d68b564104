// The delta layer cache (src/cache/delta-store.ts) in the setup the action ships
// (src/cache/options.ts: packs by chain, fetched on demand, small blobs and a
// small base in the index), with the REAL @actions/cache against the in-process
// cache service emulator (scripts/cache-service.mjs), on synthetic OCI layouts
// shaped like BuildKit's local cache export: index.json → a cache manifest (OCI
// index listing the layers and a cacheconfig.v0 blob).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as cache from '@actions/cache';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deltaCacheStore } from '../../src/cache/delta-store.ts';
import type { DeltaStoreOptions } from '../../src/cache/options.ts';
import { packKey, pickInline, PACKS_FILE, type PacksFile } from '../../src/cache/packs.ts';
import { CACHE_CONFIG_TYPE, pruneLayout, readLayout } from '../../src/cache/oci-layout.ts';
import { startCacheService, useCacheService, type CacheService, type RouteStats } from '../cache-service.ts';
import { content, digestOf } from './synthetic-bytes.ts';

const KiB = 1024;
const LAYER_TYPE = 'application/vnd.oci.image.layer.v1.tar+gzip';

let service: CacheService;
let root: string;
let tempRoot: string;
let onRequest: ((line: string) => void) | undefined;
let output: string[] = [];

let restoreEnv: () => void = () => {};

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'delta-store-test-'));
  tempRoot = path.join(root, 'runner-temp');
  await mkdir(tempRoot, { recursive: true });
  await mkdir(path.join(root, 'workspace'), { recursive: true });
  service = await startCacheService({ port: 0, dir: path.join(root, 'service'), log: (line) => onRequest?.(line) });
  restoreEnv = useCacheService(service.url, tempRoot, path.join(root, 'workspace'));
});

afterAll(async () => {
  await service?.close();
  restoreEnv();
  await rm(root, { recursive: true, force: true });
});

// @actions/core writes its log lines (and its own ::warning::s) to stdout: keep them for failure messages.
beforeEach(() => {
  service.stats.reset();
  service.setFault(null);
  onRequest = undefined;
  output = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    output.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write);
  return () => spy.mockRestore();
});

// --- synthetic BuildKit cache exports ---


interface Step {
  name: string;
  size: number;
}

interface Layout {
  dir: string;
  /** Layer digests, bottom first. */
  layers: string[];
}

/**
 * Writes an OCI layout like `--cache-to type=local,mode=max`: one chain of layers, one record per step.
 * The cache manifest is an image index (BuildKit before 0.21) or, with `shape: 'manifest'`, an image
 * manifest whose config is the cache config (`image-manifest=true`, BuildKit 0.21 on).
 */
async function writeLayout(name: string, steps: Step[], shape: 'index' | 'manifest' = 'index'): Promise<Layout> {
  const dir = path.join(root, 'layouts', name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'blobs', 'sha256'), { recursive: true });
  const put = async (bytes: Buffer) => {
    const digest = digestOf(bytes);
    await writeFile(path.join(dir, 'blobs', 'sha256', digest.slice(7)), bytes);
    return { digest, size: bytes.length };
  };
  const layers: { digest: string; size: number }[] = [];
  for (const step of steps) layers.push(await put(content(step.name, step.size)));
  const createdAt = new Date().toISOString();
  // Like BuildKit: layers sorted by digest, `parent` an index into that list, -1 for none, and
  // left out when 0 (Go's omitempty); records name their result layer by index.
  const sorted = [...layers].sort((a, b) => (a.digest < b.digest ? -1 : 1));
  const at = (index: number) => sorted.indexOf(layers[index]!);
  const config = {
    layers: sorted.map((layer) => {
      const parent = layers.indexOf(layer) === 0 ? -1 : at(layers.indexOf(layer) - 1);
      return { blob: layer.digest, ...(parent === 0 ? {} : { parent }) };
    }),
    records: steps.map((step, index) => ({
      digest: digestOf(Buffer.from(`record:${step.name}`)),
      layers: [{ layer: at(index), createdAt }],
      ...(index > 0 ? { inputs: [[{ link: index - 1 }]] } : {}),
    })),
  };
  const configBlob = await put(Buffer.from(JSON.stringify(config)));
  const layerDescriptors = layers.map((layer) => ({ mediaType: LAYER_TYPE, ...layer, annotations: { 'buildkit/createdat': createdAt } }));
  const mediaType = shape === 'index' ? 'application/vnd.oci.image.index.v1+json' : 'application/vnd.oci.image.manifest.v1+json';
  const manifest =
    shape === 'index'
      ? { schemaVersion: 2, mediaType, manifests: [...layerDescriptors, { mediaType: CACHE_CONFIG_TYPE, ...configBlob }] }
      : { schemaVersion: 2, mediaType, config: { mediaType: CACHE_CONFIG_TYPE, ...configBlob }, layers: layerDescriptors };
  const manifestBlob = await put(Buffer.from(JSON.stringify(manifest)));
  await writeFile(path.join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType, ...manifestBlob }] }));
  await writeFile(path.join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  await writeFile(path.join(dir, 'image-build.json'), JSON.stringify({ version: 1, key: name }));
  return { dir, layers: layers.map((layer) => layer.digest) };
}

// Sized for the shipped packing (packs.ts, planChainPacks): the base (over the 2 MiB of a base
// that rides in the index) in a pack of its own, deps (1 MiB or more, on the image's chain) in
// another, src and build (under 1 MiB, over the 64 KiB of a blob that rides in the index) together.
const BUILD_1: Step[] = [
  { name: 'base', size: 2560 * KiB },
  { name: 'deps', size: 1200 * KiB },
  { name: 'src-v1', size: 80 * KiB },
  { name: 'build-v1', size: 100 * KiB },
];
const BUILD_2: Step[] = [...BUILD_1.slice(0, 2), { name: 'src-v2', size: 80 * KiB }, { name: 'build-v2', size: 101 * KiB }];

function store(extra: Partial<DeltaStoreOptions> = {}) {
  const warnings: string[] = [];
  const instance = deltaCacheStore({
    tempRoot,
    warn: (message) => warnings.push(message),
    keyPrefix: 'test',
    ...extra,
  });
  return Object.assign(instance, { warnings });
}

function route(name: string): RouteStats {
  return service.stats.routes[name] ?? { requests: 0, bytesUp: 0, bytesDown: 0, statuses: {} };
}

function serviceRequests(): number {
  return Object.values(service.stats.routes).reduce((sum, stats) => sum + stats.requests, 0);
}

async function freshDir(name: string): Promise<string> {
  const dir = path.join(root, 'restored', name);
  await rm(dir, { recursive: true, force: true });
  return dir;
}

/** The restored folder holds the layout: every blob it needs, each matching its digest. */
async function expectComplete(dir: string, layout: Layout): Promise<void> {
  expect(await readFile(path.join(dir, 'index.json'), 'utf8')).toBe(await readFile(path.join(layout.dir, 'index.json'), 'utf8'));
  expect(await readFile(path.join(dir, 'image-build.json'), 'utf8')).toBe(await readFile(path.join(layout.dir, 'image-build.json'), 'utf8'));
  const blobs = await readLayout(dir);
  expect([...blobs.layers.keys()].sort()).toEqual([...layout.layers].sort());
  for (const digest of [...blobs.layers.keys(), ...blobs.metadata.keys()]) {
    expect(digestOf(await readFile(path.join(dir, 'blobs', 'sha256', digest.slice(7))))).toBe(digest);
  }
}

/**
 * The layers the (possibly rewritten) cache config of a restored folder still names, in the
 * layout's order, after checking that each one's parent chain (a missing `parent` is 0, as in
 * BuildKit) is exactly the chain it had in the layout, without loops.
 */
async function configLayers(dir: string, layout: Layout): Promise<string[]> {
  const index = JSON.parse(await readFile(path.join(dir, 'index.json'), 'utf8')) as { manifests: { digest: string }[] };
  const blob = (digest: string) => readFile(path.join(dir, 'blobs', 'sha256', digest.slice(7)), 'utf8');
  type Listed = { mediaType: string; digest: string };
  const manifest = JSON.parse(await blob(index.manifests[0]!.digest)) as { manifests?: Listed[]; config?: Listed; layers?: Listed[] };
  const configDescriptor = manifest.config ?? manifest.manifests!.find((m) => m.mediaType === CACHE_CONFIG_TYPE)!;
  // Every layer the manifest lists is in the config, and the other way round.
  const listed = (manifest.layers ?? manifest.manifests!.filter((m) => m.mediaType !== CACHE_CONFIG_TYPE)).map((m) => m.digest);
  const config = JSON.parse(await blob(configDescriptor.digest)) as {
    layers: { blob: string; parent?: number }[];
    records: { layers?: { layer: number }[] }[];
  };
  for (const [position, layer] of config.layers.entries()) {
    const chain: string[] = [];
    for (let at = position, steps = 0; at >= 0; at = config.layers[at]!.parent ?? 0, steps++) {
      expect(steps, `loop in the parents of ${layer.blob}`).toBeLessThan(config.layers.length);
      chain.unshift(config.layers[at]!.blob);
    }
    expect(chain).toEqual(layout.layers.slice(0, layout.layers.indexOf(layer.blob) + 1));
  }
  for (const record of config.records) for (const result of record.layers ?? []) expect(config.layers[result.layer]).toBeDefined();
  expect(listed.sort()).toEqual(config.layers.map((layer) => layer.blob).sort());
  return layout.layers.filter((digest) => config.layers.some((layer) => layer.blob === digest));
}

async function packsOfEntry(key: string): Promise<PacksFile> {
  // Read packs.json through @actions/cache itself, from the store's fixed index path.
  const indexDir = path.join(tempRoot, 'image-build-delta', 'index');
  await rm(indexDir, { recursive: true, force: true });
  expect(await cache.restoreCache([indexDir], key)).toBe(key);
  const packs = JSON.parse(await readFile(path.join(indexDir, PACKS_FILE), 'utf8')) as PacksFile;
  await rm(indexDir, { recursive: true, force: true });
  return packs;
}

describe('delta cache store with the real @actions/cache', () => {
  it('round trip: saves layers in packs and the index under the key, restores and verifies every blob', async () => {
    const layout = await writeLayout('round-trip', BUILD_1);
    const saver = store();
    expect(await saver.save(layout.dir, 'test-linux-x64-app-aaaa-1111')).toBe(true);
    expect(saver.warnings).toEqual([]);

    // base alone, deps alone, src + build together, then the index: 4 entries, 4 uploads.
    expect(route('CreateCacheEntry').statuses).toEqual({ 200: 4 });
    expect(route('PutBlob').statuses).toEqual({ 201: 4 });
    const up = saver.traffic();
    expect(up).toMatchObject({ requestsUp: 12, blobsUploaded: 6, blobsReused: 0, bytesDown: 0, requestsDown: 0 });
    expect(up.requestsUp).toBe(serviceRequests());
    const payload = BUILD_1.reduce((sum, step) => sum + step.size, 0);
    expect(up.bytesUp).toBeGreaterThan(payload);
    // The payload is what travels, within the archive framing (tar headers, zstd).
    expect(Math.abs(route('PutBlob').bytesUp - up.bytesUp) / up.bytesUp).toBeLessThan(0.05);

    service.stats.reset();
    const dir = await freshDir('round-trip');
    const restorer = store();
    expect(await restorer.restore(dir, 'test-linux-x64-app-aaaa-1111', ['test-linux-x64-app-aaaa-'])).toBe('test-linux-x64-app-aaaa-1111');
    expect(restorer.warnings).toEqual([]);
    await expectComplete(dir, layout);
    expect(existsSync(path.join(dir, PACKS_FILE))).toBe(false);
    const down = restorer.traffic();
    expect(down).toMatchObject({ requestsDown: 8, blobsDownloaded: 6, bytesUp: 0 });
    expect(down.requestsDown).toBe(serviceRequests());
    expect(Math.abs(route('GetBlob').bytesDown - down.bytesDown) / down.bytesDown).toBeLessThan(0.05);
    // The store's scratch folders are gone.
    expect(await readdir(path.join(tempRoot, 'image-build-delta', 'packs'))).toEqual([]);

    // An exact hit saves nothing.
    service.stats.reset();
    expect(await restorer.save(dir, 'test-linux-x64-app-aaaa-1111')).toBe(false);
    expect(serviceRequests()).toBe(0);
  });

  it('a miss is undefined, with one lookup and no warning', async () => {
    const s = store();
    expect(await s.restore(await freshDir('miss'), 'test-linux-x64-none-0000', ['test-linux-x64-none-'])).toBeUndefined();
    expect(s.warnings).toEqual([]);
    expect(s.traffic().requestsDown).toBe(1);
  });

  it('a second build uploads only its new blobs and reuses the packs that hold the rest', async () => {
    const first = await writeLayout('reuse-1', BUILD_1);
    expect(await store().save(first.dir, 'test-linux-x64-reuse-aaaa-1111')).toBe(true);

    // The next run: a partial hit through the restore keys, a build, a save under the new key.
    service.stats.reset();
    const run = store();
    const dir = await freshDir('reuse');
    expect(await run.restore(dir, 'test-linux-x64-reuse-aaaa-2222', ['test-linux-x64-reuse-aaaa-'])).toBe('test-linux-x64-reuse-aaaa-1111');
    const second = await writeLayout('reuse-2', BUILD_2);
    service.stats.reset();
    expect(await run.save(second.dir, 'test-linux-x64-reuse-aaaa-2222')).toBe(true);
    expect(run.warnings).toEqual([]);

    // One pack (src-v2 + build-v2, 181 KiB) and the index: far below the 3.9 MiB of the whole cache.
    expect(route('PutBlob').requests).toBe(2);
    expect(route('PutBlob').bytesUp).toBeLessThan(200 * KiB);
    expect(run.traffic()).toMatchObject({ blobsReused: 2, blobsUploaded: 4, requestsUp: 6 });

    // A new runner restores the new entry whole: base and deps from the first build's packs.
    service.stats.reset();
    const next = store();
    const again = await freshDir('reuse-again');
    expect(await next.restore(again, 'test-linux-x64-reuse-aaaa-2222', [])).toBe('test-linux-x64-reuse-aaaa-2222');
    expect(next.warnings).toEqual([]);
    await expectComplete(again, second);
    expect(route('GetBlob').requests).toBe(4); // index + base + deps + the new pack
    const packs = await packsOfEntry('test-linux-x64-reuse-aaaa-2222');
    expect(new Set(Object.values(packs.blobs)).size).toBe(3);
  });

  it('repacks the needed blobs of a pack that is mostly stale, so restores do not drag old bytes along', async () => {
    // A pack of [keep 100 KiB, stale 300 KiB]; the next build needs only `keep`.
    const first = await writeLayout('repack-1', [{ name: 'repack-base', size: 2560 * KiB }, { name: 'repack-keep', size: 100 * KiB }, { name: 'repack-old', size: 300 * KiB }]);
    expect(await store().save(first.dir, 'test-linux-x64-repack-aaaa-1111')).toBe(true);
    const run = store();
    expect(await run.restore(await freshDir('repack'), 'test-linux-x64-repack-aaaa-2222', ['test-linux-x64-repack-'])).toBe('test-linux-x64-repack-aaaa-1111');
    const second = await writeLayout('repack-2', [{ name: 'repack-base', size: 2560 * KiB }, { name: 'repack-keep', size: 100 * KiB }, { name: 'repack-new', size: 80 * KiB }]);
    expect(await run.save(second.dir, 'test-linux-x64-repack-aaaa-2222')).toBe(true);
    expect(run.traffic().blobsReused).toBe(1); // the base, alone in its pack

    const packs = await packsOfEntry('test-linux-x64-repack-aaaa-2222');
    const [, keep, fresh] = second.layers;
    expect(packs.blobs[keep!]).toBe(packs.blobs[fresh!]);
    expect(Object.keys(packs.packs[packs.blobs[keep!]!]!.blobs).sort()).toEqual([keep, fresh].sort());
  });

  it('an evicted pack gives a warning and a partial cache; the next save uploads the lost blobs again', async () => {
    const layout = await writeLayout('evicted', BUILD_1.map((step) => ({ ...step, name: `evicted-${step.name}` })));
    expect(await store().save(layout.dir, 'test-linux-x64-evicted-aaaa-1111')).toBe(true);
    const depsPack = packKey('test', [layout.layers[1]!]);
    expect((await (await fetch(`${service.url}_entries/${encodeURIComponent(depsPack)}`, { method: 'DELETE' })).json())).toEqual({ deleted: 1 });

    const run = store();
    const dir = await freshDir('evicted');
    expect(await run.restore(dir, 'test-linux-x64-evicted-aaaa-1111', [])).toBe('test-linux-x64-evicted-aaaa-1111');
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toMatch(/incomplete: 1 of 4 layer blobs are missing \(1 of 3 packs could not be restored.*partial cache: 1 layer kept, 3 dropped/);
    // deps is gone, and src and build are stacked on it: only the base stays in the cache config.
    expect(await configLayers(dir, layout)).toEqual([layout.layers[0]]);
    const restored = await readLayout(dir);
    expect([...restored.layers.keys()]).toEqual([layout.layers[0]]);

    // The rebuilt steps make the same blobs here (synthetic): the save uploads deps again and reuses
    // the base and the src + build pack, which were restored whole.
    service.stats.reset();
    expect(await run.save(layout.dir, 'test-linux-x64-evicted-aaaa-2222')).toBe(true);
    expect(run.traffic()).toMatchObject({ blobsReused: 3 });
    expect(route('PutBlob').requests).toBe(2); // the deps pack and the index
    const next = store();
    const again = await freshDir('evicted-again');
    expect(await next.restore(again, 'test-linux-x64-evicted-aaaa-2222', [])).toBe('test-linux-x64-evicted-aaaa-2222');
    expect(next.warnings).toEqual([]);
    await expectComplete(again, layout);
  });

  it('a blob that does not match its digest gives a warning and a partial cache, and its pack is not reused', async () => {
    const layout = await writeLayout('corrupt', BUILD_1.map((step) => ({ ...step, name: `corrupt-${step.name}` })));
    expect(await store().save(layout.dir, 'test-linux-x64-corrupt-aaaa-1111')).toBe(true);

    // Replace the src + build pack with one whose build blob holds other bytes, saved through @actions/cache
    // from the store's own pack path (so the version matches).
    const [, , src, build] = layout.layers;
    const smallPack = packKey('test', [src!, build!]);
    await fetch(`${service.url}_entries/${encodeURIComponent(smallPack)}`, { method: 'DELETE' });
    const packDir = path.join(tempRoot, 'image-build-delta', 'packs', smallPack);
    await mkdir(packDir, { recursive: true });
    await writeFile(path.join(packDir, src!.slice(7)), await readFile(path.join(layout.dir, 'blobs', 'sha256', src!.slice(7))));
    await writeFile(path.join(packDir, build!.slice(7)), randomBytes(100 * KiB));
    expect(await cache.saveCache([packDir], smallPack)).toBeGreaterThan(0);
    await rm(packDir, { recursive: true });

    const run = store();
    const dir = await freshDir('corrupt');
    expect(await run.restore(dir, 'test-linux-x64-corrupt-aaaa-1111', [])).toBe('test-linux-x64-corrupt-aaaa-1111');
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toContain(`1 of 4 layer blobs are missing (1 did not match their digest (${build})`);
    expect(await configLayers(dir, layout)).toEqual(layout.layers.slice(0, 3));
    expect(existsSync(path.join(dir, 'blobs', 'sha256', build!.slice(7)))).toBe(false);

    // The corrupt pack is not trusted: the save packs src and build anew, under another key than the
    // corrupt pack's (which the service still holds), and a new runner gets a complete cache.
    service.stats.reset();
    expect(await run.save(layout.dir, 'test-linux-x64-corrupt-aaaa-2222')).toBe(true);
    expect(run.traffic().blobsReused).toBe(2);
    expect(route('PutBlob').requests).toBe(2);
    const packs = await packsOfEntry('test-linux-x64-corrupt-aaaa-2222');
    expect(packs.blobs[build!]).not.toBe(smallPack);
    const next = store();
    const again = await freshDir('corrupt-again');
    expect(await next.restore(again, 'test-linux-x64-corrupt-aaaa-2222', [])).toBe('test-linux-x64-corrupt-aaaa-2222');
    expect(next.warnings).toEqual([]);
    await expectComplete(again, layout);
  });

  it('two concurrent saves of the same index key: no failure, one index, a complete cache', async () => {
    const layout = await writeLayout('concurrent', BUILD_1.map((step) => ({ ...step, name: `concurrent-${step.name}` })));
    const [a, b] = [store(), store()];
    const results = await Promise.all([a.save(layout.dir, 'test-linux-x64-concurrent-aaaa-1111'), b.save(layout.dir, 'test-linux-x64-concurrent-aaaa-1111')]);
    expect(results.sort()).toEqual([false, true]);
    expect([...a.warnings, ...b.warnings]).toEqual([]);
    expect(service.entries().filter((entry) => entry.key === 'test-linux-x64-concurrent-aaaa-1111')).toHaveLength(1);
    expect(route('PutBlob').requests).toBe(4); // the second save uploaded nothing

    const dir = await freshDir('concurrent');
    const reader = store();
    expect(await reader.restore(dir, 'test-linux-x64-concurrent-aaaa-1111', [])).toBe('test-linux-x64-concurrent-aaaa-1111');
    await expectComplete(dir, layout);
  });

  it('another job still uploading the same index or one of the packs: false, and nothing half-saved', async () => {
    const layout = await writeLayout('reserved', BUILD_1.map((step) => ({ ...step, name: `reserved-${step.name}` })));
    expect(await store().save(layout.dir, 'test-linux-x64-reserved-aaaa-1111')).toBe(true);
    const versionOf = (key: string) => service.entries().find((entry) => entry.key === key)!.version;
    const reserve = async (key: string, version: string) => {
      const response = await fetch(`${service.url}twirp/github.actions.results.api.v1.CacheService/CreateCacheEntry`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer test-runtime-token' },
        body: JSON.stringify({ key, version }),
      });
      expect(response.status).toBe(200);
    };

    // The index key is reserved by a save that never finishes (a cancelled job): after waiting for it,
    // this save goes under the key with a fresh suffix, and a restore of the key takes that as exact.
    await reserve('test-linux-x64-reserved-aaaa-2222', versionOf('test-linux-x64-reserved-aaaa-1111'));
    const resaved = store();
    expect(await resaved.save(layout.dir, 'test-linux-x64-reserved-aaaa-2222')).toBe(true);
    expect(resaved.warnings).toEqual([]);
    const next = service.entries().filter((entry) => entry.key.startsWith('test-linux-x64-reserved-aaaa-2222-next-'));
    expect(next.map((entry) => entry.finalized)).toEqual([true]);
    const restored = await store().restore(await freshDir('reserved-next'), 'test-linux-x64-reserved-aaaa-2222', ['test-linux-x64-reserved-aaaa-']);
    expect(restored).toBe(next[0]!.key);

    // A pack is reserved and never finished (evicted, then a save of it cancelled): its blobs go up
    // under a fresh pack key, and the index names that one.
    const [, , src, build] = layout.layers;
    const smallPack = packKey('test', [src!, build!]);
    const packVersion = versionOf(smallPack);
    await fetch(`${service.url}_entries/${encodeURIComponent(smallPack)}`, { method: 'DELETE' });
    await reserve(smallPack, packVersion);
    const unblocked = store();
    expect(await unblocked.save(layout.dir, 'test-linux-x64-reserved-aaaa-3333')).toBe(true);
    expect(unblocked.warnings).toEqual([]);
    const index = await packsOfEntry('test-linux-x64-reserved-aaaa-3333');
    expect(index.blobs[src!]).not.toBe(smallPack);
    expect(service.entries().find((entry) => entry.key === index.blobs[src!])?.finalized).toBe(true);
  });

  it('the cache service failing mid-restore gives a warning and no cache, never a throw', { timeout: 60_000 }, async () => {
    const layout = await writeLayout('failing', BUILD_1.map((step) => ({ ...step, name: `failing-${step.name}` })));
    expect(await store().save(layout.dir, 'test-linux-x64-failing-aaaa-1111')).toBe(true);

    // The index downloads; then every blob download fails (503; @actions/cache tries each twice).
    onRequest = (line) => {
      if (/ GetBlob$/.test(line)) {
        service.setFault({ status: 503, routes: ['GetBlob'] });
        onRequest = undefined;
      }
    };
    const run = store();
    const dir = await freshDir('failing');
    expect(await run.restore(dir, 'test-linux-x64-failing-aaaa-1111', [])).toBeUndefined();
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toMatch(/4 of 4 layer blobs are missing \(3 of 3 packs could not be restored.*Building without cache/);
    expect(route('GetBlob').statuses[503]).toBeGreaterThanOrEqual(3);
    expect(await readdir(dir)).toEqual([]);
    service.setFault(null);

    // Nothing was verified, so a save after it uploads everything again (and the service takes it: 409s are fine).
    expect(await run.save(layout.dir, 'test-linux-x64-failing-aaaa-2222')).toBe(true);
    expect(run.warnings).toHaveLength(1);
  });

  it('a cache service that hangs ends the restore at the deadline with a warning; no save follows', async () => {
    const layout = await writeLayout('hang', [{ name: 'hang-base', size: 10 * KiB }]);
    expect(await store().save(layout.dir, 'test-linux-x64-hang-aaaa-1111')).toBe(true);
    service.setFault({ delayMs: 3000, routes: ['GetBlob'], count: 1 });
    const run = store({ timeouts: { restore: 1000, save: 1000 } });
    const started = Date.now();
    expect(await run.restore(await freshDir('hang'), 'test-linux-x64-hang-aaaa-1111', [])).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2500);
    expect(run.warnings).toEqual(['The Actions cache service did not finish the restore within 1 s; building without cache.']);
    service.stats.reset();
    expect(await run.save(layout.dir, 'test-linux-x64-hang-aaaa-2222')).toBe(false);
    expect(serviceRequests()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 2500)); // let the held request finish before the next test
  });

  it('an unreadable export is a warning on save, not a throw', async () => {
    const dir = path.join(root, 'layouts', 'broken');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'index.json'), '{"manifests":[{"mediaType":"application/vnd.oci.image.index.v1+json","digest":"sha256:' + '0'.repeat(64) + '","size":1}]}');
    const s = store();
    expect(await s.save(dir, 'test-linux-x64-broken-aaaa-1111')).toBe(false);
    expect(s.warnings).toHaveLength(1);
    expect(s.warnings[0]).toMatch(/^Cache save skipped: /);
    expect(serviceRequests()).toBe(0);
  });
});

describe('a staged restore: the index now, the layer blobs while the build starts', () => {
  it('returns with the index and record in place; each layer blob can be awaited and arrives verified', async () => {
    const layout = await writeLayout('staged', BUILD_1.map((step) => ({ ...step, name: `staged-${step.name}` })));
    expect(await store().save(layout.dir, 'test-linux-x64-staged-aaaa-1111')).toBe(true);
    const run = store();
    const dir = await freshDir('staged');
    const staged = await run.restoreStaged!(dir, 'test-linux-x64-staged-aaaa-2222', ['test-linux-x64-staged-']);
    expect(staged?.key).toBe('test-linux-x64-staged-aaaa-1111');
    expect(existsSync(path.join(dir, 'index.json'))).toBe(true);
    expect(existsSync(path.join(dir, 'image-build.json'))).toBe(true);
    for (const digest of layout.layers) {
      expect(await staged!.waitFor(digest)).toBe(true);
      expect(digestOf(await readFile(path.join(dir, 'blobs', 'sha256', digest.slice(7))))).toBe(digest);
    }
    expect(staged!.waitFor(`sha256:${'0'.repeat(64)}`)).toBeUndefined();
    expect(await staged!.settled).toBe(false);
    expect(await staged!.finish(true)).toBe('test-linux-x64-staged-aaaa-1111');
    expect(run.warnings).toEqual([]);
    await expectComplete(dir, layout);
  });

  it('an evicted pack: its blobs answer false, `settled` says blobs were lost, finish(true) keeps the part below the gap', async () => {
    const layout = await writeLayout('staged-evicted', BUILD_1.map((step) => ({ ...step, name: `staged-evicted-${step.name}` })));
    expect(await store().save(layout.dir, 'test-linux-x64-staged-evicted-1111')).toBe(true);
    await fetch(`${service.url}_entries/${encodeURIComponent(packKey('test', [layout.layers[1]!]))}`, { method: 'DELETE' });
    const run = store();
    const dir = await freshDir('staged-evicted');
    const staged = (await run.restoreStaged!(dir, 'test-linux-x64-staged-evicted-1111', []))!;
    expect(await staged.waitFor(layout.layers[1]!)).toBe(false);
    expect(await staged.waitFor(layout.layers[0]!)).toBe(true);
    expect(await staged.settled).toBe(true);
    expect(run.warnings).toEqual([]); // nothing is said until the caller knows whether it mattered
    expect(await staged.finish(true)).toBe('test-linux-x64-staged-evicted-1111');
    expect(run.warnings[0]).toMatch(/incomplete: 1 of 4 layer blobs are missing .*partial cache: 1 layer kept, 3 dropped/);
    expect(await configLayers(dir, layout)).toEqual([layout.layers[0]]);
  });

  it('finish(false), after a build that did not need the lost blobs, only reports the trouble', async () => {
    const layout = await writeLayout('staged-unneeded', BUILD_1.map((step) => ({ ...step, name: `staged-unneeded-${step.name}` })));
    expect(await store().save(layout.dir, 'test-linux-x64-staged-unneeded-1111')).toBe(true);
    await fetch(`${service.url}_entries/${encodeURIComponent(packKey('test', [layout.layers[1]!]))}`, { method: 'DELETE' });
    const run = store();
    const dir = await freshDir('staged-unneeded');
    const staged = (await run.restoreStaged!(dir, 'test-linux-x64-staged-unneeded-1111', []))!;
    const index = await readFile(path.join(dir, 'index.json'), 'utf8');
    expect(await staged.finish(false)).toBe('test-linux-x64-staged-unneeded-1111');
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toMatch(/had trouble that did not affect this build: 1 of 3 packs could not be restored/);
    expect(await readFile(path.join(dir, 'index.json'), 'utf8')).toBe(index);
  });

  it('a cache service that hangs after the index: waiting blobs hear they will not come, finish gives no cache', async () => {
    const layout = await writeLayout('staged-hang', BUILD_1.map((step) => ({ ...step, name: `staged-hang-${step.name}` })));
    expect(await store().save(layout.dir, 'test-linux-x64-staged-hang-1111')).toBe(true);
    // The index downloads; every pack download after it is held past the deadline.
    onRequest = (line) => {
      if (/ GetBlob$/.test(line)) {
        service.setFault({ delayMs: 3000, routes: ['GetBlob'] });
        onRequest = undefined;
      }
    };
    const run = store({ timeouts: { restore: 1000, save: 1000 } });
    const dir = await freshDir('staged-hang');
    const staged = (await run.restoreStaged!(dir, 'test-linux-x64-staged-hang-1111', []))!;
    expect(staged.key).toBe('test-linux-x64-staged-hang-1111');
    const started = Date.now();
    expect(await staged.waitFor(layout.layers[1]!)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await staged.finish(true)).toBeUndefined();
    expect(run.warnings).toEqual(['The Actions cache service did not finish the restore within 1 s; building without cache.']);
    expect(await readdir(dir)).toEqual([]);
    service.setFault(null);
    await new Promise((resolve) => setTimeout(resolve, 3000)); // let the held requests finish before the next test
  });
});

describe('small blobs inside the index entry', () => {
  // The shipped limits: new layer blobs of up to 64 KiB, 256 KiB in all, ride in the index.
  const SMALL_1: Step[] = [...BUILD_1.slice(0, 2), { name: 'src-v1', size: 3 * KiB }, { name: 'build-v1', size: 20 * KiB }];
  const SMALL_2: Step[] = [...BUILD_1.slice(0, 2), { name: 'src-v2', size: 3 * KiB }, { name: 'build-v2', size: 21 * KiB }];

  it('a one-file change saves one entry: its small new blobs ride in the index, and a new runner restores them from it', async () => {
    const first = await writeLayout('inline-1', SMALL_1.map((step) => ({ ...step, name: `inline-${step.name}` })));
    expect(await store().save(first.dir, 'test-linux-x64-inline-aaaa-1111')).toBe(true);
    // base and deps alone in packs; src (3 KiB) and build (20 KiB) in the index.
    expect(route('PutBlob').requests).toBe(3);
    const firstPacks = await packsOfEntry('test-linux-x64-inline-aaaa-1111');
    expect(Object.keys(firstPacks.inline).sort()).toEqual(first.layers.slice(2).sort());
    expect(Object.keys(firstPacks.blobs).sort()).toEqual(first.layers.slice(0, 2).sort());

    const run = store();
    service.stats.reset();
    expect(await run.restore(await freshDir('inline'), 'test-linux-x64-inline-aaaa-2222', ['test-linux-x64-inline-'])).toBe('test-linux-x64-inline-aaaa-1111');
    expect(route('GetBlob').requests).toBe(3); // the index (with src and build), base, deps
    const second = await writeLayout('inline-2', SMALL_2.map((step) => ({ ...step, name: `inline-${step.name}` })));
    service.stats.reset();
    expect(await run.save(second.dir, 'test-linux-x64-inline-aaaa-2222')).toBe(true);
    expect(run.warnings).toEqual([]);
    // One entry up, the index, with the 24 KiB of new layers; base and deps reused.
    expect(route('PutBlob').requests).toBe(1);
    expect(route('CreateCacheEntry').requests).toBe(1);
    expect(run.traffic()).toMatchObject({ blobsReused: 2, requestsUp: 3 });
    expect(route('PutBlob').bytesUp).toBeLessThan(40 * KiB);

    const next = store();
    const again = await freshDir('inline-again');
    expect(await next.restore(again, 'test-linux-x64-inline-aaaa-2222', [])).toBe('test-linux-x64-inline-aaaa-2222');
    expect(next.warnings).toEqual([]);
    await expectComplete(again, second);
  });

  it('an inline blob that does not match its digest gives a warning and a partial cache', async () => {
    const layout = await writeLayout('inline-corrupt', SMALL_1.map((step) => ({ ...step, name: `inline-corrupt-${step.name}` })));
    const src = layout.layers[2]!;
    // The export holds other bytes under src's digest: the index entry carries them as they are.
    await writeFile(path.join(layout.dir, 'blobs', 'sha256', src.slice(7)), randomBytes(3 * KiB));
    expect(await store().save(layout.dir, 'test-linux-x64-inline-corrupt-1111')).toBe(true);
    const run = store();
    const dir = await freshDir('inline-corrupt');
    expect(await run.restore(dir, 'test-linux-x64-inline-corrupt-1111', [])).toBe('test-linux-x64-inline-corrupt-1111');
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toMatch(new RegExp(`incomplete: 1 of 4 layer blobs are missing \\(1 did not match their digest \\(${src}\\)\\).*2 layers kept, 2 dropped`));
    // src is bad and build is stacked on it: base and deps stay cached.
    expect(await configLayers(dir, layout)).toEqual(layout.layers.slice(0, 2));
  });

  it('metadata in the index that does not match its digest costs the entry: a warning and no cache', async () => {
    const layout = await writeLayout('inline-meta', SMALL_1.map((step) => ({ ...step, name: `inline-meta-${step.name}` })));
    expect(await store().save(layout.dir, 'test-linux-x64-inline-meta-0000')).toBe(true);
    const indexDir = path.join(tempRoot, 'image-build-delta', 'index');
    await rm(indexDir, { recursive: true, force: true });
    expect(await cache.restoreCache([indexDir], 'test-linux-x64-inline-meta-0000')).toBeDefined();
    const { metadata } = await readLayout(indexDir);
    const config = [...metadata.keys()][0]!;
    await writeFile(path.join(indexDir, 'blobs', 'sha256', config.slice(7)), '{"tampered":true}');
    expect(await cache.saveCache([indexDir], 'test-linux-x64-inline-meta-1111')).toBeGreaterThan(0);
    await rm(indexDir, { recursive: true, force: true });

    const run = store();
    const dir = await freshDir('inline-meta');
    expect(await run.restore(dir, 'test-linux-x64-inline-meta-1111', [])).toBeUndefined();
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toMatch(new RegExp(`^Cache restore failed, building without cache: .*does not match its digest ${config}`));
  });

  it('reads an index saved before inline blobs existed (packs.json version 1)', async () => {
    const layout = await writeLayout('inline-v1', BUILD_1.map((step) => ({ ...step, name: `inline-v1-${step.name}` })));
    // Saved with no blob small enough to ride inline, then its packs.json rewritten as version 1 (no `inline`) under a new key.
    expect(await store().save(layout.dir, 'test-linux-x64-inline-v1-0000')).toBe(true);
    const indexDir = path.join(tempRoot, 'image-build-delta', 'index');
    await rm(indexDir, { recursive: true, force: true });
    expect(await cache.restoreCache([indexDir], 'test-linux-x64-inline-v1-0000')).toBeDefined();
    const { inline, ...v1 } = JSON.parse(await readFile(path.join(indexDir, PACKS_FILE), 'utf8')) as PacksFile;
    expect(inline).toEqual({});
    await writeFile(path.join(indexDir, PACKS_FILE), JSON.stringify({ ...v1, version: 1 }));
    expect(await cache.saveCache([indexDir], 'test-linux-x64-inline-v1-1111')).toBeGreaterThan(0);
    await rm(indexDir, { recursive: true, force: true });

    const run = store();
    const dir = await freshDir('inline-v1');
    expect(await run.restore(dir, 'test-linux-x64-inline-v1-1111', [])).toBe('test-linux-x64-inline-v1-1111');
    expect(run.warnings).toEqual([]);
    await expectComplete(dir, layout);
  });

  it('picks the smallest new blobs up to the size and the budget', () => {
    const blob = (n: number, size: number) => ({ digest: `sha256:${n.toString(16).padStart(64, '0')}`, size });
    expect([...pickInline([blob(1, 50), blob(2, 10), blob(3, 30), blob(4, 200)], 100, 1000)]).toEqual([blob(2, 10).digest, blob(3, 30).digest, blob(1, 50).digest]);
    expect([...pickInline([blob(1, 50), blob(2, 10), blob(3, 30)], 100, 45)]).toEqual([blob(2, 10).digest, blob(3, 30).digest]);
    expect([...pickInline([blob(1, 50)], 0, 1000)]).toEqual([]);
  });
});

describe('pruneLayout', () => {
  it.each(['index', 'manifest'] as const)('drops a missing layer and every layer stacked on it, wherever BuildKit sorted them, keeping valid parent chains (cache manifest as an image %s)', async (shape) => {
    const steps = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => ({ name: `prune-${name}`, size: 2 * KiB }));
    for (const [gap] of steps.entries()) {
      const layout = await writeLayout(`prune-${shape}-${gap}`, steps, shape);
      const missing = layout.layers[gap]!;
      const result = await pruneLayout(layout.dir, (digest) => digest !== missing);
      expect(result).toEqual({ droppedManifests: 0, droppedLayers: steps.length - gap, keptLayers: gap });
      expect(await configLayers(layout.dir, layout)).toEqual(layout.layers.slice(0, gap));
      const after = await readLayout(layout.dir);
      expect([...after.layers.keys()].sort()).toEqual(layout.layers.slice(0, gap).sort());
    }
  });

  it.each(['index', 'manifest'] as const)('keeps a layout whole when nothing is missing (cache manifest as an image %s)', async (shape) => {
    const layout = await writeLayout(`prune-none-${shape}`, BUILD_1.map((step) => ({ ...step, name: `prune-none-${step.name}` })), shape);
    const before = await readFile(path.join(layout.dir, 'index.json'), 'utf8');
    expect(await pruneLayout(layout.dir, () => true)).toEqual({ droppedManifests: 0, droppedLayers: 0, keptLayers: 4 });
    expect(JSON.parse(await readFile(path.join(layout.dir, 'index.json'), 'utf8'))).toEqual(JSON.parse(before));
  });
});
