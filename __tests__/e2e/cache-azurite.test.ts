// The cache on Azure's own storage code: the stack's Azurite holds the blobs behind
// the emulator's Twirp front, under production-style URLs
// (devstoreaccount1.blob.core.windows.net, resolved to 127.0.0.1 in the action's
// process by scripts/blob-hosts.cjs), so @actions/cache takes its Azure SDK paths:
// block-blob uploads, and downloads that start with a HEAD (Get Blob Properties)
// and read in ranges. Then the faults a hosted runner meets there: the blob store
// refusing connections from the start and in the middle of a restore, an index
// blob and a pack blob gone while their entries stay listed. None fails the job,
// none is silent, and the cache comes back on a later run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotations } from './annotations.ts';
import { exampleWorkspace, runAction, runnerTempDir, stack, uniqueName, type ActionRun } from './helpers.ts';
import { startCacheService, type CacheService } from '../cache-service.ts';

const log = (run: ActionRun) => `${run.stdout}\n${run.stderr}`;
const warningsOf = (run: ActionRun) => annotations(run.stdout, 'warning').map((warning) => warning.message);

describe('the cache on Azurite, through the Azure SDK paths of @actions/cache', () => {
  let service: CacheService;

  beforeAll(async () => {
    expect(stack.IMAGE_BUILD_AZURITE_URL, 'the stack runs Azurite (scripts/stack.sh up)').toBeTruthy();
    service = await startCacheService({ port: 0, dir: fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-azurite-')), log: () => {}, azurite: stack.IMAGE_BUILD_AZURITE_URL });
  });
  afterAll(async () => {
    await service?.close();
  });

  /** A workspace whose build has a layer too big to ride in the index (so it travels in a pack). */
  function project(name: string) {
    const workspace = exampleWorkspace();
    const id = uniqueName(name);
    fs.writeFileSync(
      path.join(workspace, 'Dockerfile'),
      `ARG BASE\nFROM \${BASE}\nRUN echo ${id} > /id && head -c 400000 /dev/urandom > /big\nCOPY src/ /app/src/\n`,
    );
    const runnerTemp = runnerTempDir();
    const prefix = uniqueName(name);
    const run = (inputs: Record<string, string> = {}) =>
      runAction({
        workspace,
        runnerTemp,
        inputs: { images: `${stack.IMAGE_BUILD_REGISTRY}/e2e/azurite`, push: 'false', 'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`, 'cache-key-prefix': prefix, 'skip-unchanged': 'false', ...inputs },
        env: { ACTIONS_RESULTS_URL: service.url },
      });
    const change = (text: string) => fs.writeFileSync(path.join(workspace, 'src', 'changed.txt'), `${text}\n`);
    const entries = () => service.entries().filter((entry) => entry.key.startsWith(prefix));
    return { run, change, entries, prefix };
  }

  /** A cold run that saves, a change, then a run with the blob store refusing connections (after `afterRequests` blob requests). */
  async function runWithBlobsDown(name: string, afterRequests: number): Promise<ActionRun> {
    const p = project(name);
    expect((await p.run()).outputs['cache-saved']).toBe('true');
    p.change(name);
    service.blobsDown(afterRequests);
    try {
      const run = await p.run();
      expect(run.code, log(run)).toBe(0);
      return run;
    } finally {
      await service.blobsUp();
    }
  }

  const routes = () => Object.fromEntries(Object.entries(service.stats.routes).map(([route, stats]) => [route, stats.requests]));

  it('cold, exact rerun, change: saved and restored with the SDK (HEAD, then ranged reads; block-blob uploads)', async () => {
    const p = project('azurite-sdk');
    const seen: string[] = [];
    for (const [step, hit] of [['cold', 'miss'], ['rerun', 'exact'], ['change', 'partial']] as const) {
      if (step === 'change') p.change('changed');
      service.stats.reset();
      const run = await p.run();
      expect(run.code, log(run)).toBe(0);
      expect(warningsOf(run), log(run)).toEqual([]);
      expect(run.outputs['cache-hit'], log(run)).toBe(hit);
      expect(run.outputs['cache-saved']).toBe(String(step !== 'rerun'));
      const counts = routes();
      if (step !== 'cold') expect(counts.GetBlobProperties ?? 0, JSON.stringify(counts)).toBeGreaterThan(0); // the SDK's download
      if (step !== 'rerun') expect(counts.PutBlob ?? 0, JSON.stringify(counts)).toBeGreaterThan(0); // the SDK's upload
      const bytes = Object.values(service.stats.routes).reduce((sum, route) => sum + route.bytesUp + route.bytesDown, 0);
      expect(bytes).toBeGreaterThan(0);
      seen.push(`${step}: ${hit}, ${JSON.stringify(counts)}, ${bytes} bytes through the link, ${run.seconds.toFixed(1)} s`);
    }
    for (const entry of p.entries()) expect(entry.finalized, entry.key).toBe(true);
    console.log(seen.join('\n'));
  });

  it('the blob store refusing connections from the start: a warning for the restore and one for the save, the job succeeds', async () => {
    const run = await runWithBlobsDown('azurite-down', 0);
    const warnings = warningsOf(run);
    expect(warnings.length, log(run)).toBeGreaterThanOrEqual(2);
    expect(warnings[0]).toMatch(/^Cache restore failed, building without cache: .*ECONNREFUSED/);
    expect(warnings.at(-1)).toMatch(/^Cache save skipped: .*ECONNREFUSED/);
    expect(run.outputs['cache-saved']).toBe('false');
    expect(run.summary).toMatch(/\| saved \| not saved: .*ECONNREFUSED/);
    console.log(`blob store down from the start: ${run.seconds.toFixed(1)} s, warnings: ${JSON.stringify(warnings)}`);
  });

  it('the blob store refusing connections mid-restore (after the index): the save is not skipped in silence', async () => {
    const run = await runWithBlobsDown('azurite-midway', 2); // the index's HEAD and read go through; the packs meet a closed port
    const warnings = warningsOf(run);
    expect(warnings.some((warning) => /ECONNREFUSED/.test(warning)), log(run)).toBe(true);
    if (run.outputs['cache-saved'] === 'false') {
      expect(warnings.some((warning) => /^Cache save skipped: \S/.test(warning)), log(run)).toBe(true);
      expect(run.summary).toMatch(/\| saved \| not saved: \S/);
    }
    for (const warning of warnings) expect(warning).not.toMatch(/: $/);
    console.log(`blob store down mid-restore: saved ${run.outputs['cache-saved']}, ${run.seconds.toFixed(1)} s, warnings: ${JSON.stringify(warnings)}`);
  });

  it('an index blob gone while its entry stays listed: a warning with a reason; the next run saves the entry again under a suffix, and the run after restores it', async () => {
    const p = project('azurite-index-gone');
    const cold = await p.run();
    const key = cold.outputs['cache-key']!;
    expect(cold.outputs['cache-saved']).toBe('true');
    expect(await (await fetch(`${service.url}_blobs/${encodeURIComponent(key)}`, { method: 'DELETE' })).json()).toEqual({ deleted: 1 });

    const broken = await p.run();
    expect(broken.code, log(broken)).toBe(0);
    const [warning, ...more] = warningsOf(broken);
    expect(more, log(broken)).toEqual([]);
    expect(warning).toMatch(new RegExp(`^Cache restore failed, building without cache: the restore of ${key} failed and @actions/cache gave no reason .*404`));
    expect(broken.outputs['cache-saved'], log(broken)).toBe('true');
    expect(p.entries().some((entry) => entry.key.startsWith(`${key}-next-`) && entry.finalized)).toBe(true);

    const after = await p.run();
    expect(after.code, log(after)).toBe(0);
    expect(after.outputs['cache-hit'], log(after)).toBe('exact');
    expect(warningsOf(after)).toEqual([expect.stringMatching(new RegExp(`^The cache entry ${key} is listed but could not be downloaded .*restored its later copy ${key}-next-`))]);
  });

  it('a pack blob gone while its entry stays listed: not reused; its blobs go up under a fresh key, and the next run restores whole', async () => {
    const p = project('azurite-pack-gone');
    expect((await p.run()).outputs['cache-saved']).toBe('true');
    const packs = p.entries().filter((entry) => entry.key.includes('-blobs-'));
    expect(packs.length).toBeGreaterThan(0);
    for (const pack of packs) await fetch(`${service.url}_blobs/${encodeURIComponent(pack.key)}`, { method: 'DELETE' });

    p.change('pack gone');
    const broken = await p.run();
    expect(broken.code, log(broken)).toBe(0);
    expect(warningsOf(broken).join('\n'), log(broken)).toMatch(/packs could not be restored/);
    expect(broken.outputs['cache-saved'], log(broken)).toBe('true');
    const fresh = p.entries().filter((entry) => entry.key.includes('-blobs-') && !packs.some((pack) => pack.key === entry.key));
    expect(fresh.length, JSON.stringify(p.entries().map((entry) => entry.key))).toBeGreaterThan(0);

    p.change('after the pack came back');
    const after = await p.run();
    expect(after.code, log(after)).toBe(0);
    expect(warningsOf(after), log(after)).toEqual([]);
    expect(after.outputs['cache-hit']).toBe('partial');
    expect(after.stdout).toMatch(/RUN echo .* > \/id .*CACHED/);
  });
});
