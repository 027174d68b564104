// RUNNER_TEMP out of space while the cache restores (a small tmpfs mounted as
// RUNNER_TEMP; the tests run as root): a warning, the build goes on without (that
// part of) the cache, and the half-restored files are removed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotations } from './annotations.ts';
import { exampleWorkspace, runAction, stack, uniqueName, type ActionRun } from './helpers.ts';
import { startCacheService, type CacheService } from '../cache-service.ts';

const isRoot = process.getuid?.() === 0;

function log(run: ActionRun): string {
  return `${run.stdout}\n${run.stderr}`;
}

function mountTmpfs(dir: string, size: string): void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
}

describe.skipIf(!isRoot)('RUNNER_TEMP out of space', () => {
  let service: CacheService;
  const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-full-'));
  let mounted = false;

  beforeAll(async () => {
    service = await startCacheService({ port: 0, dir: fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-full-svc-')), log: () => {} });
  });
  afterAll(async () => {
    if (mounted) execFileSync('umount', [runnerTemp]);
    await service.close();
  });

  it('while restoring (ENOSPC): a warning, a build without the cache, no half-restored folder left', async () => {
    const workspace = exampleWorkspace();
    // A 4 MB layer of random bytes: its pack does not fit in the small RUNNER_TEMP below.
    fs.writeFileSync(path.join(workspace, 'Dockerfile'), `ARG BASE\nFROM \${BASE}\nRUN head -c 4000000 /dev/urandom > /big # ${uniqueName('full')}\nCOPY src/ /app/src/\n`);
    const prefix = uniqueName('full');
    const run = () =>
      runAction({
        workspace,
        runnerTemp,
        inputs: { images: `${stack.IMAGE_BUILD_REGISTRY}/e2e/disk-full`, push: 'false', 'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`, 'cache-key-prefix': prefix },
        env: { ACTIONS_RESULTS_URL: service.url },
      });

    // A roomy RUNNER_TEMP saves the entry; the same path (the cache versions entries by path), now 2.5 MB (room for the base layer, not for the big one), restores it.
    mountTmpfs(runnerTemp, '64m');
    mounted = true;
    const first = await run();
    expect(first.code, log(first)).toBe(0);
    expect(service.entries().some((entry) => entry.key === first.outputs['cache-key'] && entry.finalized)).toBe(true);
    execFileSync('umount', [runnerTemp]);
    mountTmpfs(runnerTemp, '2560k');

    // The next commit drops the big step: a partial hit on the entry, whose big pack comes down
    // while the build runs, and does not fit. The build's own export is small and fits.
    fs.writeFileSync(path.join(workspace, 'Dockerfile'), `ARG BASE\nFROM \${BASE}\nCOPY src/ /app/src/\n`);
    fs.writeFileSync(path.join(workspace, 'src', 'hello.txt'), `${uniqueName('changed')}\n`);
    const full = await run();
    expect(full.code, log(full)).toBe(0);
    expect(annotations(full.stdout, 'error'), log(full)).toEqual([]);
    expect(full.outputs.built).toBe('true');
    const warnings = annotations(full.stdout, 'warning').map((warning) => warning.message);
    expect(warnings.length, log(full)).toBeGreaterThanOrEqual(1);
    expect(warnings.join('\n'), log(full)).toMatch(/no space left on device|ENOSPC/i);
    // Nothing half-restored is left behind.
    // (The build's own export stays in the cache folder, as after any run: the runner wipes RUNNER_TEMP.)
    const files = fs.readdirSync(runnerTemp, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    const halfRestored = files.map((entry) => path.join(entry.parentPath, entry.name)).filter((file) => file.includes('image-build-delta') || file.endsWith('.tzst'));
    expect(halfRestored, log(full)).toEqual([]);
    console.log(`disk full: cache-hit ${full.outputs['cache-hit']}; warnings:\n  ${warnings.join('\n  ')}`);
  });
});
