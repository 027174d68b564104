// Registries failing mid-way: the connection dropped during a manifest PUT of a
// promotion (before the registry saw it, or after it took it) and during a blob
// upload of BuildKit's push. A manifest PUT of the same bytes is safe to send again,
// so it is retried and the tags land with the same digest; what cannot be retried
// ends in one error naming the registry. The real open registry, behind a proxy that
// drops connections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { annotations, stackFrames } from './annotations.ts';
import { startFlakyProxy, type FlakyProxy } from './flaky-proxy.ts';
import { exampleWorkspace, registryDigest, runAction, runnerTempDir, stack, uniqueName, type ActionRun } from './helpers.ts';

function log(run: ActionRun): string {
  return `${run.stdout}\n${run.stderr}`;
}

describe('registries failing mid-way', () => {
  let proxy: FlakyProxy;
  let first: ActionRun;
  const repository = uniqueName('e2e/midway');
  const workspace = exampleWorkspace();
  fs.writeFileSync(path.join(workspace, 'Dockerfile'), `ARG BASE\nFROM \${BASE}\nRUN echo ${uniqueName('midway')} > /id\nCOPY src/ /app/src/\n`);
  const runnerTemp = runnerTempDir();
  const sha = '89abcdef0123456789abcdef0123456789abcdef';
  let image: string;
  const inputs = () => ({ images: image, 'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`, cache: 'false' });

  beforeAll(async () => {
    proxy = await startFlakyProxy({ target: stack.IMAGE_BUILD_REGISTRY!, failures: 0 });
    image = `${proxy.host}/${repository}`;
    first = await runAction({ workspace, runnerTemp, inputs: inputs(), sha });
    expect(first.code, log(first)).toBe(0);
  });
  afterAll(async () => {
    await proxy.close();
  });

  const promotions = [
    { name: 'the manifest PUT of a promotion is cut off after the registry took it: sent again, the tags land', version: '1.0.0', afterForward: true },
    { name: 'the manifest PUT of a promotion is cut off before the registry saw it: sent again, the tags land', version: '2.0.0', afterForward: false },
  ];

  it.each(promotions)('$name', async ({ version, afterForward }) => {
    proxy.setDrop({ match: /^PUT \/v2\/.+\/manifests\//, count: 1, afterForward });
    const release = await runAction({ workspace, runnerTemp, inputs: inputs(), sha, ref: `refs/tags/v${version}` });
    const dropped = proxy.droppedCount();
    proxy.setDrop(undefined);
    expect(release.code, log(release)).toBe(0);
    expect(annotations(release.stdout, 'error')).toEqual([]);
    expect(release.outputs.built, log(release)).toBe('false');
    expect(dropped).toBe(1);
    const [major, minor] = version.split('.');
    // The release's labels make a new manifest over the same layers; the cut PUT is sent again.
    expect(release.outputs.digest).not.toBe(first.outputs.digest);
    for (const tag of [version, `${major}.${minor}`, major!]) {
      expect(await registryDigest(`${stack.IMAGE_BUILD_REGISTRY}/${repository}:${tag}`), tag).toBe(release.outputs.digest);
    }
  });

  it("a blob upload of BuildKit's push is cut off: the push still lands, or one error names the registry", async () => {
    fs.writeFileSync(path.join(workspace, 'src', 'hello.txt'), `${uniqueName('changed')}\n`);
    proxy.setDrop({ match: /^(PUT|PATCH) \/v2\/.+\/blobs\/uploads\//, count: 1 });
    const run = await runAction({ workspace, runnerTemp, inputs: inputs(), sha: 'fedcba9876543210fedcba9876543210fedcba98' });
    const dropped = proxy.droppedCount();
    proxy.setDrop(undefined);
    expect(dropped).toBe(1);
    expect(stackFrames(run.stdout, run.stderr)).toEqual([]);
    console.log(`blob upload dropped: exit ${run.code}; errors ${JSON.stringify(annotations(run.stdout, 'error').map((error) => error.message))}`);
    if (run.code === 0) {
      expect(await registryDigest(`${stack.IMAGE_BUILD_REGISTRY}/${repository}:sha-fedcba9`)).toBe(run.outputs.digest);
    } else {
      const errors = annotations(run.stdout, 'error');
      expect(errors, log(run)).toHaveLength(1);
      expect(errors[0]!.message).toContain(proxy.host);
    }
  });
});
