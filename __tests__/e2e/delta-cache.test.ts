// The delta layer cache (issue 10) with real BuildKit cache folders: the real
// engine exports `--cache-to type=local,mode=max`, the delta store (in the setup
// the action ships, src/cache/options.ts) moves it
// through the real @actions/cache to an in-process cache service emulator (its
// own, so that the byte counts are this test's alone), and the engine imports it
// back after its own cache was pruned. Beside it, Docker's documented recipe:
// the whole folder as one @actions/cache entry.
import * as cache from '@actions/cache';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deltaCacheStore } from '../../src/cache/delta-store.ts';
import { packKey } from '../../src/cache/packs.ts';
import type { CacheTraffic } from '../../src/cache/types.ts';
import { layerChains, readLayout } from '../../src/cache/oci-layout.ts';
import { DELTA_DEFAULTS } from '../../src/cache/options.ts';
import { startCacheService, useCacheService, type CacheService } from '../cache-service.ts';
import { dockerEnv, exampleWorkspace, freshRunner, registryDigest, runAction, runnerTempDir, stack, summarySteps, uniqueName } from './helpers.ts';

const MB = 1_000_000;
let restoreEnv: () => void = () => {};

let service: CacheService;
// One runner temp for every run: @actions/cache versions entries by path.
const runnerTemp = runnerTempDir();

beforeAll(async () => {
  service = await startCacheService({ port: 0, dir: path.join(runnerTemp, '.service'), log: () => {} });
  restoreEnv = useCacheService(service.url, runnerTemp, runnerTemp);
});

afterAll(async () => {
  await service?.close();
  restoreEnv();
  fs.rmSync(runnerTemp, { recursive: true, force: true });
});

/** `docker buildx build --progress=plain …`; the steps of the plain progress output with their status. */
function build(context: string, ...cacheArgs: string[]): { steps: { name: string; status: string }[]; log: string } {
  const result = spawnSync(
    'docker',
    ['buildx', 'build', '--progress=plain', '--build-arg', `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`, ...cacheArgs, context],
    { env: dockerEnv(), encoding: 'utf8', maxBuffer: 64 * MB },
  );
  if (result.status !== 0) throw new Error(`docker buildx build failed:\n${result.stderr}`);
  // The engine is shared with other test files and the benchmark, and BuildKit merges identical
  // vertices of concurrent builds: a step counts as cached when a vertex of that name was, and
  // only the steps from `COPY deps.txt` on (unique to this test through its deps.txt) are kept,
  // as FROM and WORKDIR may be another build's vertex.
  const names = new Map<string, string>();
  const status = new Map<string, string>();
  for (const line of result.stderr.split('\n')) {
    const step = /^#(\d+) (\[\d+\/\d+\] .*)$/.exec(line);
    if (step) names.set(step[1]!, step[2]!);
    const done = /^#(\d+) (CACHED|DONE)/.exec(line);
    const name = done && names.get(done[1]!);
    if (name && status.get(name) !== 'CACHED') status.set(name, done[2]!);
  }
  const steps = [...new Set(names.values())]
    .map((name) => ({ name, status: status.get(name) ?? 'unknown' }))
    .filter((step) => !/\] (FROM|WORKDIR) /.test(step.name));
  return { steps, log: result.stderr };
}

function folderBytes(dir: string): number {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + fs.statSync(path.join(entry.parentPath, entry.name)).size, 0);
}

/** Bytes and requests the emulator saw while fn ran. */
async function measured<T>(fn: () => Promise<T>): Promise<Measured & { value: T }> {
  service.stats.reset();
  const started = Date.now();
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation(() => true); // @actions/core's log lines
  try {
    const value = await fn();
    const routes = Object.values(service.stats.routes);
    return {
      value,
      up: routes.reduce((sum, r) => sum + r.bytesUp, 0),
      down: routes.reduce((sum, r) => sum + r.bytesDown, 0),
      requests: routes.reduce((sum, r) => sum + r.requests, 0),
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    spy.mockRestore();
  }
}

interface Measured {
  up: number;
  down: number;
  requests: number;
  seconds: number;
}

const rows: string[] = [];

afterAll(() => {
  if (rows.length > 0) console.log(['| example | scenario | whole folder | delta store |', '|---|---|---|---|', ...rows].join('\n'));
});

function row(example: string, scenario: string, whole: Measured, delta: Measured): void {
  const fmt = (m: Measured) => `${(m.up / MB).toFixed(3)} MB up, ${(m.down / MB).toFixed(3)} MB down, ${m.requests} req, ${m.seconds.toFixed(2)} s`;
  rows.push(`| ${example} | ${scenario} | ${fmt(whole)} | ${fmt(delta)} |`);
}

// `packed`: whether any layer lives in a pack. hello's all ride in the index (busybox under the
// 2 MiB of a base that does, the rest under 64 KiB); bench's dependency layer (~40 MB) does not.
describe.each([
  { example: 'hello', file: 'src/hello.txt', packed: false },
  { example: 'bench', file: 'src/module07.js', packed: true },
])('delta layer cache with BuildKit: $example', ({ example, file, packed }) => {
  const workspace = exampleWorkspace(example);
  const prefix = uniqueName(`e2e-delta-${example}`);
  // A dependency of its own, so that no step matches a cache record another test left in the shared engine.
  fs.appendFileSync(path.join(workspace, 'deps.txt'), example === 'bench' ? `${prefix} 1\n` : `${prefix}\n`);
  const scope = path.join(runnerTemp, 'image-build-cache', example);
  const warnings: string[] = [];
  const newStore = () => deltaCacheStore({ tempRoot: runnerTemp, warn: (message) => warnings.push(message), keyPrefix: prefix });
  let coldKey: string;
  let afterChange: CacheTraffic;

  it('cold save; a fresh runner restores it and BuildKit caches every step; a one-file change uploads only the new layers', async () => {
    freshRunner();
    const exported = `${scope}.cold`;
    fs.rmSync(exported, { recursive: true, force: true });
    build(workspace, '--cache-to', `type=local,dest=${exported},mode=max`);
    const wholeBytes = folderBytes(exported);

    // Docker's recipe: the whole folder under one key.
    const whole = await measured(() => cache.saveCache([exported], `${prefix}-whole-cold`));
    expect(whole.value).toBeGreaterThan(0);

    coldKey = `${prefix}-linux-x64-${example}-dockerfile-context1`;
    const first = newStore();
    const delta = await measured(() => first.save(exported, coldKey));
    expect(delta.value).toBe(true);
    expect(warnings).toEqual([]);
    // A cold save moves the whole cache once, in a handful of requests.
    expect(delta.up).toBeLessThan(whole.up * 1.05 + 50_000);
    expect(first.traffic().bytesUp).toBeGreaterThan(wholeBytes * 0.95);
    expect(first.traffic().requestsUp).toBe(delta.requests);

    // A fresh runner: no builder cache, the restore path the pipeline uses.
    freshRunner();
    fs.rmSync(scope, { recursive: true, force: true });
    const wholeDown = await measured(() => cache.restoreCache([exported], `${prefix}-whole-cold`));
    expect(wholeDown.value).toBe(`${prefix}-whole-cold`);
    const runner = newStore();
    const restored = await measured(() => runner.restore(scope, `${prefix}-linux-x64-${example}-dockerfile-context2`, [`${prefix}-linux-x64-${example}-dockerfile-`]));
    expect(restored.value).toBe(coldKey);
    expect(warnings).toEqual([]);
    expect(runner.traffic().requestsDown).toBe(restored.requests);
    row(example, 'cold: save', whole, delta);
    row(example, 'fresh runner: restore', wholeDown, restored);

    const warm = build(workspace, '--cache-from', `type=local,src=${scope}`);
    expect(warm.steps.length).toBeGreaterThanOrEqual(3);
    expect(warm.steps.filter((step) => step.status !== 'CACHED'), warm.log).toEqual([]);

    // One source file changes: the build exports the new cache; the same store saves it.
    fs.appendFileSync(path.join(workspace, file), `\n// changed ${prefix}\n`);
    const fresh = `${scope}.new`;
    fs.rmSync(fresh, { recursive: true, force: true });
    const changed = build(workspace, '--cache-from', `type=local,src=${scope}`, '--cache-to', `type=local,dest=${fresh},mode=max`);
    expect(changed.steps.find((step) => /RUN mkdir/.test(step.name))?.status, changed.log).toBe('CACHED');
    expect(changed.steps.find((step) => /COPY src/.test(step.name))?.status, changed.log).toBe('DONE');
    fs.rmSync(scope, { recursive: true, force: true });
    fs.renameSync(fresh, scope);

    const wholeChange = await measured(() => cache.saveCache([scope], `${prefix}-whole-change`));
    expect(wholeChange.value).toBeGreaterThan(0);
    const changeKey = `${prefix}-linux-x64-${example}-dockerfile-context2`;
    const deltaChange = await measured(() => runner.save(scope, changeKey));
    expect(deltaChange.value).toBe(true);
    expect(warnings).toEqual([]);
    afterChange = runner.traffic();
    row(example, 'one-file change: save', wholeChange, deltaChange);

    // The shipped setup carries a small base layer (busybox here, about 1 MB) in every index
    // (options.ts, inlineRootBytes): it saves the restore a request before the first step, and
    // costs its upload on every save. What the change itself sends is the rest, and that is
    // the issue's goal: at most 1 MB up after a one-file change, far less than the whole folder.
    const { layers } = await readLayout(scope);
    const inlineBase = [...(await layerChains(scope))!.roots]
      .map((digest) => layers.get(digest) ?? 0)
      .filter((size) => size <= DELTA_DEFAULTS.inlineRootBytes)
      .reduce((sum, size) => sum + size, 0);
    expect(inlineBase).toBeGreaterThan(0);
    expect(deltaChange.up).toBeGreaterThan(inlineBase);
    expect(deltaChange.up - inlineBase).toBeLessThanOrEqual(MB);
    expect(deltaChange.up - inlineBase).toBeLessThan(wholeChange.up / 4);
    // The layers in packs are referenced again, not uploaded.
    expect(afterChange.blobsReused > 0).toBe(packed);
    // One entry (reserve, upload, finalize): the new layers are small and ride in the index.
    expect(deltaChange.requests).toBe(3);

    // And what was saved is complete: another fresh runner gets every step from it.
    freshRunner();
    const other = path.join(runnerTemp, 'image-build-cache', `${example}-other`);
    fs.rmSync(other, { recursive: true, force: true });
    const next = newStore();
    const again = await measured(() => next.restore(other, changeKey, []));
    expect(again.value).toBe(changeKey);
    expect(warnings).toEqual([]);
    const wholeAgain = await measured(() => cache.restoreCache([scope], `${prefix}-whole-change`));
    expect(wholeAgain.value).toBe(`${prefix}-whole-change`);
    row(example, 'after the change: restore', wholeAgain, again);
    const rerun = build(workspace, '--cache-from', `type=local,src=${other}`);
    expect(rerun.steps.filter((step) => step.status !== 'CACHED'), rerun.log).toEqual([]);
  });
});

describe('delta layer cache with BuildKit: an evicted pack', () => {
  it('restores a partial cache that BuildKit accepts: the steps below the gap stay cached', async () => {
    const workspace = exampleWorkspace('hello');
    const prefix = uniqueName('e2e-delta-evicted');
    fs.appendFileSync(path.join(workspace, 'deps.txt'), `${prefix}\n`);
    const warnings: string[] = [];
    // Every layer blob in a pack of its own (none of the small ones inside the index), so that one
    // layer can be evicted; the packing and the fetching are the shipped ones.
    const newStore = () => deltaCacheStore({ tempRoot: runnerTemp, warn: (message) => warnings.push(message), keyPrefix: prefix, packTargetBytes: 1, inlineBlobBytes: 0 });
    freshRunner();
    const exported = path.join(runnerTemp, 'image-build-cache', 'evicted.cold');
    fs.rmSync(exported, { recursive: true, force: true });
    build(workspace, '--cache-to', `type=local,dest=${exported},mode=max`);
    const key = `${prefix}-linux-x64-evicted-dockerfile-context1`;
    expect(await measured(() => newStore().save(exported, key))).toMatchObject({ value: true });

    // The dependency step's layer: the one of a few KiB of random files (the base is ~1 MB, the others are tiny).
    const { layers } = await readLayout(exported);
    const deps = [...layers].filter(([, size]) => size > 8_000 && size < 200_000).map(([digest]) => digest);
    expect(deps).toHaveLength(1);
    const evicted = await fetch(`${service.url}_entries/${encodeURIComponent(packKey(prefix, deps))}`, { method: 'DELETE' });
    expect(await evicted.json()).toEqual({ deleted: 1 });

    freshRunner();
    const dir = path.join(runnerTemp, 'image-build-cache', 'evicted');
    fs.rmSync(dir, { recursive: true, force: true });
    const restored = await measured(() => newStore().restore(dir, `${prefix}-linux-x64-evicted-dockerfile-context2`, [`${prefix}-linux-x64-evicted-`]));
    expect(restored.value).toBe(key);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/1 of \d+ layer blobs are missing .*Restored a partial cache/);

    const out = path.join(runnerTemp, 'evicted-rootfs');
    fs.rmSync(out, { recursive: true, force: true });
    const partial = build(workspace, '--cache-from', `type=local,src=${dir}`, '--output', `type=local,dest=${out}`);
    const status = (pattern: RegExp) => partial.steps.find((step) => pattern.test(step.name))?.status;
    expect(status(/COPY deps.txt/), partial.log).toBe('CACHED');
    expect(status(/RUN mkdir/), partial.log).toBe('DONE');
    expect(status(/RUN cat/), partial.log).toBe('DONE');
    // And the result is whole: the rebuilt dependency step's files are in it.
    expect(fs.statSync(path.join(out, 'deps', prefix)).size).toBe(4096);
    expect(fs.readFileSync(path.join(out, 'app', 'greeting.txt'), 'utf8').length).toBeGreaterThan(0);
  });
});

/**
 * The bench app built cold by the action against this file's own cache service, the pack of its
 * ~40 MB dependency layer (it travels alone) damaged by `damage`, then a one-file change built on
 * a fresh runner: the run the engine reads the damaged cache in.
 */
async function changeOverDamagedPack(name: string, damage: (depsPack: string, runnerTemp: string) => Promise<void>) {
  const workspace = exampleWorkspace('bench');
  const image = `${stack.IMAGE_BUILD_REGISTRY}/${uniqueName(`e2e/${name}`)}`;
  const prefix = uniqueName(`e2e-${name}`);
  // A dependency of its own, so that no step matches a cache record another build left in the shared engine.
  fs.appendFileSync(path.join(workspace, 'deps.txt'), `${prefix} 1\n`);
  const inputs = { context: '.', images: image, 'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`, 'cache-key-prefix': prefix };
  // This file's own cache service, so that a pack can be evicted or replaced in it.
  const env = { ACTIONS_RESULTS_URL: service.url, IMAGE_BUILD_CACHE_URL: service.url };
  const actionTemp = runnerTempDir();
  freshRunner();
  const cold = await runAction({ workspace, runnerTemp: actionTemp, inputs, env, sha: 'a'.repeat(40) });
  expect(cold.code, cold.stdout + cold.stderr).toBe(0);

  const sizes = await (await fetch(`${service.url}_entries`)).json() as { key: string; uploadedSize?: number }[];
  const depsPack = sizes.filter((entry) => entry.key.startsWith(`${prefix}-blobs-`)).sort((a, b) => (b.uploadedSize ?? 0) - (a.uploadedSize ?? 0))[0]!;
  expect(depsPack.uploadedSize).toBeGreaterThan(30 * MB);
  await damage(depsPack.key, actionTemp);

  freshRunner();
  fs.appendFileSync(path.join(workspace, 'src', fs.readdirSync(path.join(workspace, 'src')).sort()[0]!), `\n// changed ${prefix}\n`);
  const changed = await runAction({ workspace, runnerTemp: actionTemp, inputs, env, sha: 'b'.repeat(40) });
  fs.rmSync(actionTemp, { recursive: true, force: true });
  return { changed, out: changed.stdout + changed.stderr, image };
}

describe('delta layer cache in the action: a pack lost while the engine reads the cache over HTTP', () => {
  it('the build that needed the lost layer runs again on the part that arrived: warnings, no error, the image pushed', async () => {
    // Evicted from this file's own cache service.
    const { changed, out, image } = await changeOverDamagedPack('lost-pack', async (depsPack) => {
      expect(await (await fetch(`${service.url}_entries/${encodeURIComponent(depsPack)}`, { method: 'DELETE' })).json()).toEqual({ deleted: 1 });
    });
    expect(changed.code, out).toBe(0);
    expect(out).toMatch(/importing cache manifest from 127\.0\.0\.1:\d+\/image-build-cache-[0-9a-f]{32}:latest/);
    expect(out).toMatch(/::warning::The build needed cache layers that did not arrive/);
    expect(out).toMatch(/::warning::The layer cache \S+ is incomplete: 1 of \d+ layer blobs are missing .*Restored a partial cache/);
    expect(out).not.toContain('::error');
    expect(changed.outputs['cache-hit']).toBe('partial');
    // The layers below the lost one stay cached; the dependency step and the steps on it run again.
    const steps = summarySteps(changed.summary);
    expect(steps.find((step) => /COPY deps.txt/.test(step.name))?.status).toBe('cached');
    expect(steps.find((step) => /RUN mkdir -p node_modules/.test(step.name))?.status).toBe('run');
    expect(await registryDigest(`${image}:main`)).toBe(changed.outputs.digest);
  });
});

describe('delta layer cache in the action: a corrupt pack the engine reads over HTTP', () => {
  // A blob that fails its check is never served: the engine's request for it is answered 404, the build
  // that needed it fails, and it runs again on the cache pruned below that layer.
  it('the build that needed the corrupt layer runs again on the pruned cache: warnings, no error, the image pushed', async () => {
    // The pack saved again with other bytes under its digest, through @actions/cache from the store's own
    // pack path (so that the version matches).
    const { changed, out, image } = await changeOverDamagedPack('corrupt-pack', async (depsPack, runnerTemp) => {
      const packDir = path.join(runnerTemp, 'image-build-delta', 'packs', depsPack);
      await measured(async () => {
        expect(await cache.restoreCache([packDir], depsPack, [])).toBe(depsPack);
        const [blob] = fs.readdirSync(packDir);
        fs.writeFileSync(path.join(packDir, blob!), Buffer.alloc(fs.statSync(path.join(packDir, blob!)).size, 7));
        await fetch(`${service.url}_entries/${encodeURIComponent(depsPack)}`, { method: 'DELETE' });
        expect(await cache.saveCache([packDir], depsPack)).toBeGreaterThan(0);
      });
      fs.rmSync(packDir, { recursive: true, force: true });
    });
    expect(changed.code, out).toBe(0);
    expect(out).toMatch(/importing cache manifest from 127\.0\.0\.1:\d+\/image-build-cache-[0-9a-f]{32}:latest/);
    expect(out).toMatch(/::warning::The build needed cache layers that did not arrive/);
    expect(out).toMatch(/::warning::The layer cache \S+ is incomplete: 1 of \d+ layer blobs are missing \(1 did not match their digest .*Restored a partial cache/);
    expect(out).not.toContain('::error');
    expect(changed.outputs['cache-hit']).toBe('partial');
    const steps = summarySteps(changed.summary);
    expect(steps.find((step) => /COPY deps.txt/.test(step.name))?.status, out).toBe('cached');
    expect(steps.find((step) => /RUN mkdir -p node_modules/.test(step.name))?.status).toBe('run');
    expect(await registryDigest(`${image}:main`)).toBe(changed.outputs.digest);
  });
});
