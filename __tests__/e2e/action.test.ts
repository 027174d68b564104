// The foundation, end to end: the bundled action as a runner runs it, against
// the real engine, registry and cache service.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleWorkspace, freshRunner, registryDigest, runAction, runnerTempDir, stack, summarySteps, uniqueName } from './helpers.ts';

describe('action: tag, restore cache, build, push', () => {
  const image = `${stack.IMAGE_BUILD_REGISTRY}/${uniqueName('e2e/hello')}`;
  const workspace = exampleWorkspace();
  // One runner temp for all runs: @actions/cache versions entries by path.
  const runnerTemp = runnerTempDir();
  const inputs = {
    context: '.',
    images: image,
    'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`,
    'cache-key-prefix': uniqueName('e2e'),
    'skip-unchanged': 'false',
  };
  const sha = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
  let cold: Awaited<ReturnType<typeof runAction>>;

  beforeAll(async () => {
    freshRunner();
    cold = await runAction({ workspace, runnerTemp, inputs, sha });
  });

  it('cold build pushes the branch and sha tags, and digest is the registry digest', async () => {
    expect(cold.code, cold.stdout + cold.stderr).toBe(0);
    expect(cold.outputs.tags!.split('\n').sort()).toEqual([`${image}:main`, `${image}:sha-a1b2c3d`]);
    expect(cold.outputs['cache-hit']).toBe('miss');
    expect(cold.outputs.built).toBe('true');
    expect(cold.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await registryDigest(`${image}:main`)).toBe(cold.outputs.digest);
    expect(await registryDigest(`${image}:sha-a1b2c3d`)).toBe(cold.outputs.digest);
    expect(cold.outputs['context-hash']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(cold.outputs['cache-key']).toContain(cold.outputs['context-hash']!.slice(7, 23));
  });

  it('a rerun on a fresh runner restores the exact cache and runs no step', async () => {
    freshRunner();
    const rerun = await runAction({ workspace, runnerTemp, inputs, sha });
    expect(rerun.code, rerun.stdout + rerun.stderr).toBe(0);
    expect(rerun.outputs['cache-hit']).toBe('exact');
    expect(rerun.outputs['cache-key']).toBe(cold.outputs['cache-key']);
    const steps = summarySteps(rerun.summary).filter((step) => !/FROM/.test(step.name));
    expect(steps.length).toBeGreaterThanOrEqual(4);
    expect(steps.filter((step) => step.status !== 'cached')).toEqual([]);
  });

  it('a changed source file gives a partial hit that reuses the dependency step', async () => {
    freshRunner();
    fs.writeFileSync(path.join(workspace, 'src/hello.txt'), 'Hello again.\n');
    const changed = await runAction({ workspace, runnerTemp, inputs, sha: 'b'.repeat(40) });
    expect(changed.code, changed.stdout + changed.stderr).toBe(0);
    expect(changed.outputs['cache-hit']).toBe('partial');
    const steps = summarySteps(changed.summary);
    expect(steps.find((step) => /RUN mkdir -p \/deps/.test(step.name))?.status).toBe('cached');
    expect(steps.find((step) => /COPY src\//.test(step.name))?.status).toBe('run');
    expect(changed.summary).toContain('src/hello.txt');
    expect(await registryDigest(`${image}:main`)).toBe(changed.outputs.digest);
    // The engine is on this machine: it read the restored cache over HTTP from the action's own registry.
    expect(changed.stdout).toMatch(/importing cache manifest from 127\.0\.0\.1:\d+\/image-build-cache-[0-9a-f]{32}:latest … DONE/);
  });

  it('IMAGE_BUILD_SERVE_CACHE=false imports the same cache from the folder, with the same hit', async () => {
    freshRunner();
    fs.writeFileSync(path.join(workspace, 'src/hello.txt'), 'Hello once more.\n');
    const changed = await runAction({ workspace, runnerTemp, inputs, sha: 'c'.repeat(40), env: { IMAGE_BUILD_SERVE_CACHE: 'false' } });
    expect(changed.code, changed.stdout + changed.stderr).toBe(0);
    expect(changed.outputs['cache-hit']).toBe('partial');
    expect(changed.stdout).toMatch(/importing cache manifest from local:\S+ … DONE/);
    expect(changed.stdout).not.toMatch(/importing cache manifest from 127\.0\.0\.1/);
    expect(summarySteps(changed.summary).find((step) => /RUN mkdir -p \/deps/.test(step.name))?.status).toBe('cached');
  });

  it('a v1.2.3 tag event pushes the semver tags', async () => {
    const release = await runAction({ workspace, runnerTemp, inputs, ref: 'refs/tags/v1.2.3', sha: 'c'.repeat(40) });
    expect(release.code, release.stdout + release.stderr).toBe(0);
    expect(release.outputs.version).toBe('1.2.3');
    for (const tag of ['1.2.3', '1.2', '1', 'latest']) {
      expect(await registryDigest(`${image}:${tag}`), tag).toBe(release.outputs.digest);
    }
  });
});
