// A throttled or failing cache service, on each of its calls: the lookup, the
// reservation (create), the blob upload and the finalization. 429 with and without
// Retry-After, and 503 storms (a few, then answers; or without end). What
// @actions/cache retries (5xx, 5 attempts with backoff; the Azure SDK for blobs) is
// not retried again; a 429 is sent again (Retry-After honoured, else backoff) within
// the retry budget of the restore or save; then one warning for each and the build
// goes on. Never a failed job, never two entries for one key from one run, and a
// bounded number of requests. Then a service that throttles every third request, on
// the Twirp API and on the blob store (Azurite), over a cold build and a change. The bundled
// action, the real engine, the cache-service emulator in this process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotations } from './annotations.ts';
import { exampleWorkspace, runAction, runnerTempDir, stack, uniqueName, type ActionRun } from './helpers.ts';
import { startCacheService, type CacheService, type Fault } from '../cache-service.ts';

const LOOKUP = 'GetCacheEntryDownloadURL';
const CREATE = 'CreateCacheEntry';
const FINALIZE = 'FinalizeCacheEntryUpload';
const UPLOAD = ['PutBlob', 'PutBlock', 'PutBlockList'];

function log(run: ActionRun): string {
  return `${run.stdout}\n${run.stderr}`;
}

interface Throttle {
  name: string;
  fault: Fault;
  /** The warnings the run gives, in order (the restore's, then the save's), or none (the retries got through). */
  warns?: RegExp[];
  /** The build's cache entry is saved and finalized. */
  saved: boolean;
  /** Upper bound on requests per route (a throttled save must not multiply them). */
  atMost: Record<string, number>;
  /** Requests that must have happened: route → status → count (at least). */
  atLeast?: Record<string, Record<string, number>>;
  env?: Record<string, string>;
}

const cases: Throttle[] = [
  {
    name: 'lookup: 429 with Retry-After, once → waited out, sent again, the save goes on',
    fault: { status: 429, retryAfter: 1, routes: [LOOKUP], count: 1 },
    saved: true,
    atMost: { [LOOKUP]: 2 },
    atLeast: { [LOOKUP]: { 429: 1, 200: 1 } },
  },
  {
    name: 'lookup: 429 without Retry-After, without end → sent again after 1 s and 2 s, then the budget (5 s) is spent: a warning for the restore and one for the save',
    fault: { status: 429, routes: [LOOKUP] },
    warns: [/Cache restore failed, building without cache: still rate-limited after 2 retries .*IMAGE_BUILD_CACHE_RETRY_BUDGET.*Rate limited: Failed request: \(429\)/, /Cache save skipped: the cache service failed earlier in this run \(still rate-limited/],
    env: { IMAGE_BUILD_CACHE_RETRY_BUDGET: '5' },
    saved: false,
    atMost: { [LOOKUP]: 3, [CREATE]: 0 },
    atLeast: { [LOOKUP]: { 429: 3 } },
  },
  {
    name: 'lookup: 429 with a Retry-After past the budget → not waited for: a warning for the restore and one for the save',
    fault: { status: 429, retryAfter: 3600, routes: [LOOKUP] },
    warns: [/Cache restore failed, building without cache: still rate-limited after 0 retries .*Rate limited/, /Cache save skipped: the cache service failed earlier in this run/],
    saved: false,
    atMost: { [LOOKUP]: 1, [CREATE]: 0 },
  },
  {
    name: 'lookup: a storm of two 503s → retried by @actions/cache, no warning',
    fault: { status: 503, routes: [LOOKUP], count: 2 },
    saved: true,
    atMost: { [LOOKUP]: 3 },
    atLeast: { [LOOKUP]: { 503: 2, 200: 1 } },
  },
  {
    name: 'lookup: 503 without end → its retries end within the cache time limit, a warning for the restore and one for the save',
    fault: { status: 503, routes: [LOOKUP] },
    env: { IMAGE_BUILD_CACHE_TIMEOUT: '12' },
    warns: [/(did not finish the restore within 12 s|Failed to make request after 5 attempts)/, /Cache save skipped: the cache service (did not finish the restore within 12 s|failed earlier in this run)/],
    saved: false,
    atMost: { [LOOKUP]: 5, [CREATE]: 0 },
  },
  {
    name: 'create: 429 with Retry-After, once → waited out, saved',
    fault: { status: 429, retryAfter: 1, routes: [CREATE], count: 1 },
    saved: true,
    atMost: { [CREATE]: 4 },
    atLeast: { [CREATE]: { 429: 1 } },
  },
  {
    name: 'create: 429 without end → each entry asked for within the budget (5 s: 3 times), then one warning',
    fault: { status: 429, routes: [CREATE] },
    env: { IMAGE_BUILD_CACHE_RETRY_BUDGET: '5' },
    warns: [/Cache save skipped: .*still rate-limited after \d+ retries/],
    saved: false,
    atMost: { [CREATE]: 9 },
  },
  {
    name: 'create: a storm of two 503s → retried by @actions/cache, saved',
    fault: { status: 503, routes: [CREATE], count: 2 },
    saved: true,
    atMost: { [CREATE]: 5 },
  },
  {
    name: 'upload: 503 without end → the SDK retries within the cache time limit, one warning',
    fault: { status: 503, routes: UPLOAD },
    env: { IMAGE_BUILD_CACHE_TIMEOUT: '15' },
    warns: [/(did not finish the save within 15 s|Cache save skipped: )/],
    saved: false,
    atMost: { PutBlob: 12, PutBlock: 12, [FINALIZE]: 0 },
  },
  {
    name: 'upload: a storm of two 503s → retried by the SDK, saved',
    fault: { status: 503, routes: UPLOAD, count: 2 },
    saved: true,
    atMost: { PutBlob: 6 },
  },
  {
    name: 'finalize: a storm of two 503s → retried by @actions/cache, saved once',
    fault: { status: 503, routes: [FINALIZE], count: 2 },
    saved: true,
    atMost: { [FINALIZE]: 5 },
  },
  {
    name: 'finalize: 429 with Retry-After, once → only the finalization is sent again, saved',
    fault: { status: 429, retryAfter: 1, routes: [FINALIZE], count: 1 },
    saved: true,
    atMost: { [FINALIZE]: 4, [CREATE]: 3 },
    atLeast: { [FINALIZE]: { 429: 1, 200: 1 } },
  },
  {
    name: 'finalize: 429 without end → sent again within the budget (5 s), then one warning; the entry stays unfinalized (never served)',
    fault: { status: 429, routes: [FINALIZE] },
    env: { IMAGE_BUILD_CACHE_RETRY_BUDGET: '5' },
    warns: [/Cache save skipped: .*still rate-limited after \d+ retries .*FinalizeCacheEntryUpload/],
    saved: false,
    atMost: { [FINALIZE]: 9 },
  },
];

describe('a throttled cache service: bounded retries, one warning, the build goes on', () => {
  let service: CacheService;
  const workspace = exampleWorkspace();
  fs.writeFileSync(path.join(workspace, 'Dockerfile'), `ARG BASE\nFROM \${BASE}\nRUN echo ${uniqueName('throttle')} > /id\nCOPY src/ /app/src/\n`);
  const runnerTemp = runnerTempDir();

  beforeAll(async () => {
    service = await startCacheService({ port: 0, dir: fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-throttle-svc-')), log: () => {} });
  });
  afterAll(async () => {
    await service.close();
  });

  it.each(cases)('$name', async ({ fault, warns, saved, atMost, atLeast = {}, env = {} }) => {
    const prefix = uniqueName('throttle');
    service.stats.reset();
    service.setFault(fault);
    const run = await runAction({
      workspace,
      runnerTemp,
      inputs: { images: `${stack.IMAGE_BUILD_REGISTRY}/e2e/throttle`, push: 'false', 'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`, 'cache-key-prefix': prefix },
      env: { ACTIONS_RESULTS_URL: service.url, ...env },
    });
    service.setFault(null);

    expect(run.code, log(run)).toBe(0);
    expect(annotations(run.stdout, 'error'), log(run)).toEqual([]);
    expect(run.outputs.built).toBe('true');
    const warnings = annotations(run.stdout, 'warning').map((warning) => warning.message);
    expect(warnings, log(run)).toHaveLength(warns?.length ?? 0);
    warns?.forEach((pattern, index) => expect(warnings[index], log(run)).toMatch(pattern));
    // A save that did not happen says why in the summary too, and in the output.
    expect(run.outputs['cache-saved']).toBe(String(saved));
    if (!saved) expect(run.summary).toMatch(/\| saved \| not saved: \S/);

    const key = run.outputs['cache-key']!;
    const mine = service.entries().filter((entry) => entry.key.startsWith(prefix));
    // Never two entries for one key (the index or a pack) from one run.
    const keys = mine.map((entry) => entry.key);
    expect(new Set(keys).size, keys.join('\n')).toBe(keys.length);
    expect(mine.some((entry) => entry.key === key && entry.finalized)).toBe(saved);

    const counts = Object.fromEntries(Object.entries(service.stats.routes).map(([route, stats]) => [route, stats.requests]));
    for (const [route, most] of Object.entries(atMost)) expect(counts[route] ?? 0, `${route}: ${JSON.stringify(counts)}`).toBeLessThanOrEqual(most);
    for (const [route, statuses] of Object.entries(atLeast)) {
      for (const [status, least] of Object.entries(statuses)) {
        expect(service.stats.routes[route]?.statuses[status] ?? 0, `${route} ${status}: ${JSON.stringify(service.stats.routes)}`).toBeGreaterThanOrEqual(least);
      }
    }
    console.log(`${fault.routes?.join('/')} ${fault.status}${fault.retryAfter !== undefined ? ` Retry-After ${fault.retryAfter}` : ''} ×${fault.count ?? '∞'}: ${JSON.stringify(counts)} in ${run.seconds.toFixed(1)} s`);
  });
});

describe('a service that throttles every third request, on the Twirp API (429, Retry-After: 1) and on Azurite (503)', () => {
  let service: CacheService;
  const workspace = exampleWorkspace();
  // A layer too big for the index: it travels in a pack, so the blob store sees the SDK's and the stream's reads.
  fs.writeFileSync(path.join(workspace, 'Dockerfile'), `ARG BASE\nFROM \${BASE}\nRUN echo ${uniqueName('every-third')} > /id && head -c 400000 /dev/urandom > /big\nCOPY src/ /app/src/\n`);
  const runnerTemp = runnerTempDir();
  const prefix = uniqueName('every-third');
  const throttled: Fault[] = [
    { status: 429, retryAfter: 1, routes: [LOOKUP, CREATE, FINALIZE], every: 3 },
    { status: 503, routes: ['GetBlob', 'GetBlobProperties', ...UPLOAD], every: 3 },
  ];
  const run = () =>
    runAction({
      workspace,
      runnerTemp,
      inputs: { images: `${stack.IMAGE_BUILD_REGISTRY}/e2e/throttle`, push: 'false', 'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`, 'cache-key-prefix': prefix },
      env: { ACTIONS_RESULTS_URL: service.url },
    });

  beforeAll(async () => {
    service = await startCacheService({ port: 0, dir: fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-every-third-')), log: () => {}, azurite: stack.IMAGE_BUILD_AZURITE_URL });
  });
  afterAll(async () => {
    await service.close();
  });

  it('cold, then a one-file change: both save without a warning, and the change is a partial hit', async () => {
    const outcomes: string[] = [];
    const throttledRoutes = new Set<string>();
    for (const step of ['cold', 'change']) {
      if (step === 'change') fs.writeFileSync(path.join(workspace, 'src', 'changed.txt'), `${prefix}\n`);
      service.stats.reset();
      service.setFault(throttled);
      const result = await run();
      service.setFault(null);
      expect(result.code, log(result)).toBe(0);
      expect(annotations(result.stdout, 'warning'), log(result)).toEqual([]);
      expect(result.outputs['cache-hit']).toBe(step === 'cold' ? 'miss' : 'partial');
      expect(result.outputs['cache-saved'], log(result)).toBe('true');
      const key = result.outputs['cache-key']!;
      const keys = service.entries().filter((entry) => entry.key.startsWith(prefix)).map((entry) => entry.key);
      expect(new Set(keys).size, keys.join('\n')).toBe(keys.length);
      expect(service.entries().some((entry) => entry.key === key && entry.finalized)).toBe(true);
      const throttledCount = Object.values(service.stats.faulted).reduce((sum, count) => sum + count, 0);
      for (const route of Object.keys(service.stats.faulted)) throttledRoutes.add(route);
      const requests = Object.values(service.stats.routes).reduce((sum, route) => sum + route.requests, 0);
      expect(requests, JSON.stringify(service.stats.routes)).toBeLessThan(60);
      outcomes.push(`${step}: ${result.outputs['cache-hit']}, saved, ${requests} requests (${throttledCount} throttled: ${JSON.stringify(service.stats.faulted)}) in ${result.seconds.toFixed(1)} s`);
    }
    // Both halves were throttled over the two runs: a Twirp call and a blob request.
    expect([...throttledRoutes].some((route) => throttled[0]!.routes!.includes(route)), [...throttledRoutes].join()).toBe(true);
    expect([...throttledRoutes].some((route) => throttled[1]!.routes!.includes(route)), [...throttledRoutes].join()).toBe(true);
    console.log(outcomes.join('\n'));
  });
});
