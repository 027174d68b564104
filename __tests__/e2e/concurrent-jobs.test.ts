// Two jobs at once: two runners build the same commit with the same cache key at
// the same time. Both succeed; afterwards one cache entry serves the key, and
// skip-unchanged finds the image. Each run gets its own RUNNER_TEMP at the same path
// (a mount namespace each, as two runners have two disks), so that they share the
// cache versions but no folder; the real engine, registry and the cache-service
// emulator in this process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotations } from './annotations.ts';
import { exampleWorkspace, registryDigest, runAction, runnerTempDir, stack, uniqueName, type ActionRun } from './helpers.ts';
import { startCacheService, type CacheService } from '../cache-service.ts';

function log(run: ActionRun): string {
  return `${run.stdout}\n${run.stderr}`;
}

describe.skipIf(process.getuid?.() !== 0)('two jobs at once', () => {
  let service: CacheService;

  beforeAll(async () => {
    service = await startCacheService({ port: 0, dir: fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-twice-svc-')), log: () => {} });
  });
  afterAll(async () => {
    await service.close();
  });

  it('the same commit and cache key on two runners at once: both succeed, one entry serves both, skip-unchanged sees the image', async () => {
    const workspace = exampleWorkspace();
    fs.writeFileSync(path.join(workspace, 'Dockerfile'), `ARG BASE\nFROM \${BASE}\nRUN echo ${uniqueName('twice')} > /id && sleep 2\nCOPY src/ /app/src/\n`);
    const image = `${stack.IMAGE_BUILD_REGISTRY}/${uniqueName('e2e/twice')}`;
    const runnerTemp = runnerTempDir();
    const options = (inputs: Record<string, string> = {}, ownRunnerTemp = true) => ({
      workspace,
      runnerTemp,
      ownRunnerTemp,
      inputs: { images: image, 'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`, 'cache-key-prefix': 'twice', ...inputs },
      env: { ACTIONS_RESULTS_URL: service.url },
    });

    const [one, two] = await Promise.all([runAction(options()), runAction(options())]);
    for (const run of [one, two]) {
      expect(run.code, log(run)).toBe(0);
      expect(annotations(run.stdout, 'error'), log(run)).toEqual([]);
      expect(annotations(run.stdout, 'warning'), log(run)).toEqual([]);
    }
    expect(two.outputs['cache-key']).toBe(one.outputs['cache-key']);
    expect(two.outputs.fingerprint).toBe(one.outputs.fingerprint);
    // Each pushed the tags; the registry holds one of the two images under them.
    expect([one.outputs.digest, two.outputs.digest]).toContain(await registryDigest(`${image}:main`));

    // One finalized entry for the key, none doubled.
    const key = one.outputs['cache-key']!;
    const forKey = service.entries().filter((entry) => entry.key === key);
    expect(forKey.filter((entry) => entry.finalized)).toHaveLength(1);
    const keys = service.entries().map((entry) => `${entry.key} ${entry.version}`);
    expect(new Set(keys).size).toBe(keys.length);

    // A third runner: skip-unchanged finds the image; a build of the same key restores the entry.
    const third = await runAction(options());
    expect(third.code, log(third)).toBe(0);
    expect(third.outputs.built).toBe('false');
    expect([one.outputs.digest, two.outputs.digest]).toContain(third.outputs.digest);
    const fourth = await runAction(options({ push: 'false' }));
    expect(fourth.code, log(fourth)).toBe(0);
    expect(fourth.outputs['cache-hit']).toBe('exact');
    console.log(`two at once: ${one.outputs.built}/${two.outputs.built}, cache saved by one, third built=${third.outputs.built}, fourth ${fourth.outputs['cache-hit']}`);
  });
});
