// A stock GitHub-hosted runner with no setup step: Docker 28 with the classic image store
// and its `default` builder (the docker driver), which cannot export a cache. The cache
// then travels inline in the pushed image and is read back from the images the lookup
// names; a cache-to the builder cannot export is left out with one warning.
// Runs on an engine without the containerd image store (IMAGE_BUILD_ENGINE=28-classic).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classicImageStore, docker, exampleWorkspace, freshRunner, imagePresent, registryDigest, runAction, runnerTempDir, stack, summarySteps, uniqueName } from './helpers.ts';

const classic = classicImageStore();
if (!classic) console.log('stock-runner.test.ts skipped: this engine uses the containerd image store (run it with IMAGE_BUILD_ENGINE=28-classic)');
const buildkitImage = process.env.IMAGE_BUILD_BUILDKIT_IMAGE || 'moby/buildkit:buildx-stable-1';
const buildkitPresent = classic && imagePresent(buildkitImage);
if (classic && !buildkitPresent) console.log(`stock-runner.test.ts: the own-builder case skipped: no BuildKit image ${buildkitImage} on this engine`);
// Where no BuildKit image can be had: a name no registry answers for (the pull fails at once).
const noBuildkit = { IMAGE_BUILD_BUILDKIT_IMAGE: '127.0.0.1:9/none/buildkit:absent' };

describe.skipIf(!classic)('a stock hosted runner: the docker driver on the classic image store', () => {
  const image = `${stack.IMAGE_BUILD_REGISTRY}/${uniqueName('e2e/stock')}`;
  const workspace = exampleWorkspace();
  const runnerTemp = runnerTempDir();
  const inputs = { images: image, 'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`, 'cache-key-prefix': uniqueName('stock') };
  const warnings = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('::warning'));

  // First: the tests after it prune unused images, the BuildKit image among them.
  it.skipIf(!buildkitPresent)("with a BuildKit image: image-build's own docker-container builder saves the whole cache and serves it; the post step removes the builder", async () => {
    const own = { images: `${stack.IMAGE_BUILD_REGISTRY}/${uniqueName('e2e/stock-own')}`, 'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`, 'cache-key-prefix': uniqueName('stock-own') };
    const ownWorkspace = exampleWorkspace();
    const ownTemp = runnerTempDir();
    const env = { IMAGE_BUILD_BUILDKIT_IMAGE: buildkitImage };
    const cold = await runAction({ workspace: ownWorkspace, runnerTemp: ownTemp, inputs: own, sha: 'e'.repeat(40), env });
    expect(cold.code, cold.stdout + cold.stderr).toBe(0);
    expect(warnings(cold.stdout), cold.stdout).toEqual([]);
    const notice = /^::notice::.*cannot export a build cache.*: building on image-build's own docker-container builder "(image-build-[0-9a-f]+)"/m.exec(cold.stdout);
    expect(notice, cold.stdout).not.toBeNull();
    expect(cold.outputs['cache-saved']).toBe('true');
    expect(cold.summary).toMatch(/\| builder \| image-build-[0-9a-f]+ \(docker-container driver\) \|/);
    expect(cold.outputs.digest).toBe(await registryDigest(`${own.images}:main`));
    // The post step removed the builder it made.
    expect(() => docker('buildx', 'inspect', notice![1]!)).toThrow();

    fs.appendFileSync(path.join(ownWorkspace, 'src', 'hello.txt'), 'changed\n');
    const change = await runAction({ workspace: ownWorkspace, runnerTemp: ownTemp, inputs: own, sha: 'f'.repeat(40), env });
    expect(change.code, change.stdout + change.stderr).toBe(0);
    expect(change.outputs['cache-hit']).toBe('partial');
    expect(change.summary).toContain('| travel | served over HTTP while it downloads |');
    expect(summarySteps(change.summary).find((step) => step.name.startsWith('RUN mkdir -p /deps'))?.status, change.summary).toBe('cached');
  });

  it('saves the cache inline in the pushed image, says so once, and a change reads it back', async () => {
    freshRunner();
    const cold = await runAction({ workspace, runnerTemp, inputs, sha: 'a'.repeat(40), env: noBuildkit });
    expect(cold.code, cold.stdout).toBe(0);
    expect(cold.outputs['cache-saved']).toBe('true');
    expect(cold.outputs['cache-hit']).toBe('miss');
    // The classic store pushes a manifest of its own making: the digest output is the registry's.
    expect(cold.outputs.digest).toBe(await registryDigest(`${image}:main`));
    expect(warnings(cold.stdout), cold.stdout).toHaveLength(1);
    expect(warnings(cold.stdout)[0]).toMatch(/cannot export a build cache.*image-build could not make a builder of its own: the BuildKit image 127\.0\.0\.1:9\/none\/buildkit:absent could not be pulled.*the cache goes inline in the pushed image.*docker\/setup-buildx-action/);
    expect(cold.summary).toMatch(/\| builder \| default \(docker driver, classic image store\) \|/);
    expect(cold.summary).toContain('| travel | inline in the pushed image |');

    // A new runner, a changed source file: the dependency step comes from the pushed image's inline cache.
    freshRunner();
    fs.appendFileSync(path.join(workspace, 'src', 'hello.txt'), 'changed\n');
    const change = await runAction({ workspace, runnerTemp, inputs, sha: 'b'.repeat(40), env: noBuildkit });
    expect(change.code, change.stdout).toBe(0);
    expect(change.outputs.built).toBe('true');
    expect(change.outputs['cache-saved']).toBe('true');
    expect(change.outputs['cache-hit'], 'the inline cache of the pushed image is an older cache read').toBe('partial');
    expect(warnings(change.stdout)[0]).toContain(`reads it from ${image}:main`);
    const steps = summarySteps(change.summary);
    expect(steps.find((step) => step.name.startsWith('RUN mkdir -p /deps'))?.status, change.summary).toBe('cached');
    expect(steps.find((step) => step.name.startsWith('RUN cat src'))?.status).toBe('run');
  });

  it("a cache-to the builder cannot export is left out with one warning, not a failed build; nothing pushed, nothing saved, and the summary says why", async () => {
    const dest = fs.mkdtempSync(path.join(runnerTempDir(), 'cache-to-'));
    const run = await runAction({ workspace, runnerTemp, inputs: { ...inputs, push: 'false', 'cache-to': `type=local,dest=${dest}`, builder: 'current' } });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs['cache-saved']).toBe('false');
    expect(run.stdout).toMatch(new RegExp(`^::warning::cache-to "type=local,dest=${dest}" left out: builder "default"`, 'm'));
    expect(run.stdout).toMatch(/an inline cache needs a pushed image, so this build saves no cache/);
    expect(run.summary).toMatch(/\| saved \| not saved: the builder cannot export a cache, and an inline cache travels only in a pushed image \|/);
  });

});

