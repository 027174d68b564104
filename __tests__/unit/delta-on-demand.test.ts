// The delta store as the action ships it: packs fetched on demand, grouped by
// BuildKit's cache chains (src/cache/delta-store.ts, delta-restore.ts, packs.ts,
// options.ts): the real
// @actions/cache against the in-process cache-service emulator, on a synthetic
// three-stage cache export shaped like Docker 28's (an OCI image manifest whose
// config is the cacheconfig.v0 blob).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { deltaCacheStore } from '../../src/cache/delta-store.ts';
import type { DeltaStoreOptions } from '../../src/cache/options.ts';
import { CACHE_CONFIG_TYPE, layerChains } from '../../src/cache/oci-layout.ts';
import { planChainPacks } from '../../src/cache/packs.ts';
import { startCacheService, useCacheService, type CacheService } from '../cache-service.ts';
import { content, digestOf } from './synthetic-bytes.ts';

const KiB = 1024;
const MiB = 1024 * KiB;

let service: CacheService;
let root: string;
let tempRoot: string;
let restoreEnv: () => void = () => {};

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'delta-on-demand-test-'));
  tempRoot = path.join(root, 'runner-temp');
  await mkdir(tempRoot, { recursive: true });
  await mkdir(path.join(root, 'workspace'), { recursive: true });
  service = await startCacheService({ port: 0, dir: path.join(root, 'service'), log: () => {} });
  restoreEnv = useCacheService(service.url, tempRoot, path.join(root, 'workspace'));
});

afterAll(async () => {
  await service?.close();
  restoreEnv();
  await rm(root, { recursive: true, force: true });
});

beforeEach(() => {
  service.stats.reset();
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((() => true) as typeof process.stdout.write);
  return () => spy.mockRestore();
});


/** name → [parent name or undefined, size]. A record per layer; `links` says which records build on which. */
type Tree = Record<string, [string | undefined, number]>;

/**
 * A three-stage build like the benchmark's scale app: `base` under three stages;
 * `deps` a chain of large layers; `build` a small one; the image stage copies
 * the dependency tree (`copy-deps`) and the build output (`copy-build`).
 */
const THREE_STAGES: Tree = {
  // Over the 2 MiB of a base that rides in the index: a pack of its own.
  base: [undefined, 2560 * KiB],
  'deps-1': ['base', 3 * MiB],
  'deps-2': ['deps-1', 2 * MiB],
  'build-src': ['base', 300 * KiB],
  'build-out': ['build-src', 200 * KiB],
  'copy-deps': ['base', 5 * MiB],
  'copy-build': ['copy-deps', 200 * KiB],
};
/** Records whose result another record reads (the last step of deps and build feed the image stage). */
const FEEDS: Record<string, string[]> = { 'copy-deps': ['deps-2'], 'copy-build': ['build-out'] };

async function writeLayout(name: string, tree: Tree, salt: string): Promise<{ dir: string; digest: Record<string, string> }> {
  const dir = path.join(root, 'layouts', name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'blobs', 'sha256'), { recursive: true });
  const put = async (bytes: Buffer) => {
    const digest = digestOf(bytes);
    await writeFile(path.join(dir, 'blobs', 'sha256', digest.slice(7)), bytes);
    return { digest, size: bytes.length };
  };
  const names = Object.keys(tree);
  const blobs: Record<string, { digest: string; size: number }> = {};
  for (const step of names) blobs[step] = await put(content(`${salt}:${step}`, tree[step]![1]));
  const createdAt = new Date().toISOString();
  const config = {
    layers: names.map((step) => {
      const parent = tree[step]![0] === undefined ? -1 : names.indexOf(tree[step]![0]!);
      return { blob: blobs[step]!.digest, ...(parent === 0 ? {} : { parent }) };
    }),
    records: names.map((step, index) => {
      const inputs = [tree[step]![0], ...(FEEDS[step] ?? [])].filter((input): input is string => input !== undefined).map((input) => [{ link: names.indexOf(input) }]);
      return { digest: digestOf(Buffer.from(`record:${step}`)), layers: [{ layer: index, createdAt }], ...(inputs.length ? { inputs } : {}) };
    }),
  };
  const configBlob = await put(Buffer.from(JSON.stringify(config)));
  const manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: CACHE_CONFIG_TYPE, ...configBlob },
    layers: names.map((step) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...blobs[step]! })),
  };
  const manifestBlob = await put(Buffer.from(JSON.stringify(manifest)));
  await writeFile(path.join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: manifest.mediaType, ...manifestBlob }] }));
  await writeFile(path.join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  await writeFile(path.join(dir, 'image-build.json'), JSON.stringify({ version: 1, key: name }));
  return { dir, digest: Object.fromEntries(names.map((step) => [step, blobs[step]!.digest])) };
}

function store(options: Partial<DeltaStoreOptions> = {}) {
  const warnings: string[] = [];
  const instance = deltaCacheStore({
    tempRoot,
    warn: (message) => warnings.push(message),
    keyPrefix: 'test',
    ...options,
  });
  return Object.assign(instance, { warnings });
}

const downloads = () => service.stats.routes.GetBlob?.requests ?? 0;
const blobFile = (dir: string, digest: string) => path.join(dir, 'blobs', 'sha256', digest.slice(7));

describe('cache chains of a BuildKit cache config', () => {
  it('lists parents before children, the roots, and the chains of the results nothing builds on', async () => {
    const layout = await writeLayout('chains', THREE_STAGES, 'chains');
    const chains = (await layerChains(layout.dir))!;
    const at = (step: string) => chains.order.indexOf(layout.digest[step]!);
    for (const [step, [parent]] of Object.entries(THREE_STAGES)) if (parent) expect(at(parent)).toBeLessThan(at(step));
    expect([...chains.roots]).toEqual([layout.digest.base]);
    expect([...chains.sink].sort()).toEqual([layout.digest['copy-deps'], layout.digest['copy-build']].sort());
  });

  it('is undefined for a folder without a cache config', async () => {
    const dir = path.join(root, 'no-config');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [] }));
    expect(await layerChains(dir)).toBeUndefined();
  });
});

describe('packs by chain', () => {
  const blobs = (sizes: Record<string, number>) => Object.entries(sizes).map(([digest, size]) => ({ digest, size }));
  const chains = { order: ['base', 'deps-1', 'deps-2', 'src', 'copy-deps', 'copy-build'], roots: new Set(['base']), sink: new Set(['copy-deps', 'copy-build']) };
  const table: { name: string; sizes: Record<string, number>; target: number; packs: string[][] }[] = [
    {
      name: 'base alone, the image chain\'s large layers together, the rest (small ones included) after',
      sizes: { 'copy-build': 200 * KiB, src: 300 * KiB, 'deps-2': 2 * MiB, base: 1200 * KiB, 'copy-deps': 5 * MiB, 'deps-1': 3 * MiB },
      target: 16 * MiB,
      packs: [['base'], ['copy-deps'], ['deps-1', 'deps-2', 'src', 'copy-build']],
    },
    {
      name: 'a group over the target is split in chain order',
      sizes: { 'deps-1': 3 * MiB, 'deps-2': 2 * MiB, src: 300 * KiB },
      target: 4 * MiB,
      packs: [['deps-1'], ['deps-2', 'src']],
    },
    {
      name: 'a small root travels with the rest',
      sizes: { base: 10 * KiB, 'copy-deps': 5 * MiB },
      target: 16 * MiB,
      packs: [['copy-deps'], ['base']],
    },
  ];
  for (const row of table) {
    it(row.name, () => {
      expect(planChainPacks(blobs(row.sizes), chains, row.target, 'p').map((pack) => pack.blobs.map((blob) => blob.digest))).toEqual(row.packs);
    });
  }

  it('names packs by their content, and never by a key to avoid', () => {
    const [first] = planChainPacks(blobs({ base: 2 * MiB }), chains, 16 * MiB, 'p');
    expect(planChainPacks(blobs({ base: 2 * MiB }), chains, 16 * MiB, 'p')[0]!.key).toBe(first!.key);
    expect(planChainPacks(blobs({ base: 2 * MiB }), chains, 16 * MiB, 'p', new Set([first!.key]))[0]!.key).not.toBe(first!.key);
  });
});

describe('a staged restore that fetches packs on demand', () => {
  it('downloads only the packs of the blobs asked for; the next save references the others again', async () => {
    const layout = await writeLayout('on-demand', THREE_STAGES, 'on-demand');
    expect(await store().save(layout.dir, 'test-on-demand-1111')).toBe(true);
    service.stats.reset();

    const run = store();
    const dir = path.join(root, 'restored', 'on-demand');
    await rm(dir, { recursive: true, force: true });
    const staged = (await run.restoreStaged!(dir, 'test-on-demand-2222', ['test-on-demand-']))!;
    expect(staged.key).toBe('test-on-demand-1111');
    await staged.standIn!();
    // The image stage's chain, base and copy-deps (each in a pack of its own), comes unasked; the rest is never asked for.
    expect(await staged.waitFor(layout.digest.base!)).toBe(true);
    expect(await staged.waitFor(layout.digest['copy-deps']!)).toBe(true);
    expect(downloads()).toBe(3);
    expect(digestOf(await readFile(blobFile(dir, layout.digest['copy-deps']!)))).toBe(layout.digest['copy-deps']);
    // A blob nobody asked for stands in as an empty file of its size until the build is over.
    expect((await stat(blobFile(dir, layout.digest['deps-1']!))).size).toBe(3 * MiB);
    expect(await staged.settled).toBe(false);
    expect(await staged.finish(false)).toBe('test-on-demand-1111');
    expect(run.warnings).toEqual([]);
    expect(downloads()).toBe(3);
    expect(existsSync(blobFile(dir, layout.digest['deps-1']!))).toBe(false);

    // The engine exported the same cache: the save uploads nothing new, only the index.
    service.stats.reset();
    expect(await run.save(dir, 'test-on-demand-2222')).toBe(true);
    expect(run.traffic().blobsReused).toBe(Object.keys(THREE_STAGES).length);
    expect(service.stats.routes.CreateCacheEntry?.requests).toBe(1);

    // A new runner gets everything from the second index.
    const full = path.join(root, 'restored', 'on-demand-full');
    await rm(full, { recursive: true, force: true });
    expect(await store().restore(full, 'test-on-demand-2222', [])).toBe('test-on-demand-2222');
    for (const digest of Object.values(layout.digest)) expect(digestOf(await readFile(blobFile(full, digest)))).toBe(digest);
  });

  it('a pack whose streamed download fails is restored by @actions/cache instead, with no warning', async () => {
    const layout = await writeLayout('on-demand-fallback', THREE_STAGES, 'on-demand-fallback');
    expect(await store().save(layout.dir, 'test-on-demand-fallback-1111')).toBe(true);
    const run = store();
    const dir = path.join(root, 'restored', 'on-demand-fallback');
    await rm(dir, { recursive: true, force: true });
    const staged = (await run.restoreStaged!(dir, 'test-on-demand-fallback-2222', ['test-on-demand-fallback-']))!;
    await staged.standIn!();
    expect(await staged.waitFor(layout.digest['copy-deps']!)).toBe(true);
    service.stats.reset();
    // The next archive GET (the stream's) fails for good (a 503 or 500 it would ask again);
    // @actions/cache's own GET of the same pack does not.
    service.setFault({ status: 403, routes: ['GetBlob'], count: 1 });
    expect(await staged.waitFor(layout.digest['deps-1']!)).toBe(true);
    expect(service.stats.faulted.GetBlob).toBe(1);
    expect(downloads()).toBe(2);
    expect(digestOf(await readFile(blobFile(dir, layout.digest['deps-1']!)))).toBe(layout.digest['deps-1']);
    expect(await staged.finish(false)).toBe('test-on-demand-fallback-1111');
    expect(run.warnings).toEqual([]);
  });

  it('a small base rides in the index entry: it is in place with the index, and every save carries it', async () => {
    // A base of 1200 KiB, under the shipped 2 MiB.
    const layout = await writeLayout('on-demand-root', { ...THREE_STAGES, base: [undefined, 1200 * KiB] }, 'on-demand-root');
    const options = { keyPrefix: 'root' };
    expect(await store(options).save(layout.dir, 'test-on-demand-root-1111')).toBe(true);
    for (const [name, key] of [['first', 'test-on-demand-root-1111'], ['second', 'test-on-demand-root-2222']] as const) {
      const dir = path.join(root, 'restored', `on-demand-root-${name}`);
      await rm(dir, { recursive: true, force: true });
      const run = store(options);
      service.stats.reset();
      const staged = (await run.restoreStaged!(dir, key, []))!;
      expect(digestOf(await readFile(blobFile(dir, layout.digest.base!))), name).toBe(layout.digest.base);
      expect(await staged.finish(false)).toBe(key);
      // The index and the image chain's pack (copy-deps): no pack of the base's own.
      expect(downloads(), name).toBe(2);
      // The same cache saved again (as a build that changed nothing would): the base stays in the index.
      if (name === 'first') expect(await run.save(dir, 'test-on-demand-root-2222')).toBe(true);
    }
  });

  it('finish(true) fetches what was not asked for, so that a local import reads a whole folder', async () => {
    const layout = await writeLayout('on-demand-all', THREE_STAGES, 'on-demand-all');
    expect(await store().save(layout.dir, 'test-on-demand-all-1111')).toBe(true);
    const dir = path.join(root, 'restored', 'on-demand-all');
    await rm(dir, { recursive: true, force: true });
    const run = store();
    const staged = (await run.restoreStaged!(dir, 'test-on-demand-all-1111', []))!;
    service.stats.reset();
    expect(await staged.finish(true)).toBe('test-on-demand-all-1111');
    expect(downloads()).toBe(3);
    for (const digest of Object.values(layout.digest)) expect(digestOf(await readFile(blobFile(dir, digest)))).toBe(digest);
  });

  it('a lost pack asked for: false for its blobs, no stand-in left behind, the trouble reported', async () => {
    const layout = await writeLayout('on-demand-lost', THREE_STAGES, 'on-demand-lost');
    expect(await store({ keyPrefix: 'lost' }).save(layout.dir, 'test-on-demand-lost-1111')).toBe(true);
    const dir = path.join(root, 'restored', 'on-demand-lost');
    await rm(dir, { recursive: true, force: true });
    const run = store({ keyPrefix: 'lost' });
    const staged = (await run.restoreStaged!(dir, 'test-on-demand-lost-1111', []))!;
    await staged.standIn!();
    // Evict the pack of the dependency stage (no part of the image's chain) after the index came down, then ask for it.
    const entries = await (await fetch(`${service.url}_entries`)).json() as { key: string; uploadedSize?: number }[];
    const depsPack = entries.filter((entry) => entry.key.startsWith('lost-blobs-')).sort((a, b) => (b.uploadedSize ?? 0) - (a.uploadedSize ?? 0))[0]!;
    expect(depsPack.uploadedSize).toBeGreaterThan(5.5 * MiB);
    await fetch(`${service.url}_entries/${encodeURIComponent(depsPack.key)}`, { method: 'DELETE' });
    expect(await staged.waitFor(layout.digest['deps-1']!)).toBe(false);
    expect(await staged.waitFor(layout.digest['copy-deps']!)).toBe(true);
    expect(await staged.settled).toBe(true);
    expect(await staged.finish(false)).toBe('test-on-demand-lost-1111');
    expect(run.warnings[0]).toMatch(/had trouble that did not affect this build: 1 of 3 packs could not be restored/);
    expect(existsSync(blobFile(dir, layout.digest['deps-1']!))).toBe(false);
  });
});
