// A throttled or failing cache service, on each of its calls: the lookup, the
// reservation (create), the blob upload and the finalization. 429 with and without
// Retry-After, and 503 storms (a few, then answers; or without end). What
// @actions/cache retries (5xx, 5 attempts with backoff; the Azure SDK for blobs) is
// not retried again; a 429 with a Retry-After that fits is waited out once; then one
// warning and the build goes on. Never a failed job, never two entries for one key
// from one run, and a bounded number of requests. The bundled action, the real
// engine, the cache-service emulator in this process.
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
  /** The one warning the run gives, or none (the retries got through). */
  warns?: RegExp;
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
    name: 'lookup: 429 without Retry-After → one warning, no save tried',
    fault: { status: 429, routes: [LOOKUP] },
    warns: /Cache restore failed, building without cache: .*Rate limited: Failed request: \(429\)/,
    saved: false,
    atMost: { [LOOKUP]: 1, [CREATE]: 0 },
  },
  {
    name: 'lookup: 429 with a Retry-After too long to wait → one warning, no save tried',
    fault: { status: 429, retryAfter: 3600, routes: [LOOKUP] },
    warns: /Cache restore failed, building without cache: .*Rate limited/,
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
    name: 'lookup: 503 without end → its retries end within the cache time limit, one warning, no save tried',
    fault: { status: 503, routes: [LOOKUP] },
    env: { IMAGE_BUILD_CACHE_TIMEOUT: '12' },
    warns: /(did not finish the restore within 12 s|Failed to make request after 5 attempts)/,
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
    name: 'create: 429 without end → one warning, each entry asked for once',
    fault: { status: 429, routes: [CREATE] },
    warns: /Cache save skipped: /,
    saved: false,
    atMost: { [CREATE]: 3 },
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
    warns: /(did not finish the save within 15 s|Cache save skipped: )/,
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
    name: 'finalize: 429 without end → one warning, the entry stays unfinalized (never served)',
    fault: { status: 429, routes: [FINALIZE] },
    warns: /Cache save skipped: /,
    saved: false,
    atMost: { [FINALIZE]: 3 },
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
    if (warns) {
      expect(warnings, log(run)).toHaveLength(1);
      expect(warnings[0]).toMatch(warns);
    } else {
      expect(warnings, log(run)).toEqual([]);
    }

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
