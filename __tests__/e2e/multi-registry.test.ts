// Several registries in one step: the same tags on each; an image already built for one
// registry reaches another by copy (no rebuild, the same digest); one registry of two
// refusing the push gives one error naming it and the tags that landed.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFlakyProxy, type FlakyProxy } from './flaky-proxy.ts';
import { exampleWorkspace, registryDigest, runAction, runnerTempDir, stack, uniqueName } from './helpers.ts';
import { leaksOf } from './leaks.ts';
import { startTokenRegistry, type TokenRegistry } from './token-registry.ts';

const open = stack.IMAGE_BUILD_REGISTRY!;

function workspace(): string {
  const dir = exampleWorkspace();
  fs.writeFileSync(path.join(dir, 'Dockerfile'), `ARG BASE\nFROM \${BASE}\nRUN echo ${uniqueName('multi')} > /id\nCOPY src/ /app/src/\n`);
  return dir;
}

describe('an image built for one registry, then wanted on a second', () => {
  let tokens: TokenRegistry;
  beforeAll(async () => {
    tokens = await startTokenRegistry();
  });
  afterAll(async () => {
    await tokens?.close();
  });

  it('the second registry gets it by copy, with the same digest and no build; `logins` gives its credentials, masked', async () => {
    const dir = workspace();
    const first = `${open}/${uniqueName('e2e/multi-a')}`;
    const second = `${tokens.host}/${uniqueName('e2e/multi-b')}`;
    const common = { 'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`, cache: 'false' };
    const built = await runAction({ workspace: dir, inputs: { images: first, ...common } });
    expect(built.code, built.stdout).toBe(0);
    expect(built.outputs.built).toBe('true');

    const logins = `registry=${tokens.host},username=${tokens.user},password=${tokens.password}`;
    const reused = await runAction({ workspace: dir, runnerTemp: runnerTempDir(), inputs: { images: `${first}\n${second}`, logins, ...common } });
    expect(reused.code, reused.stdout).toBe(0);
    expect(reused.outputs.built, reused.stdout).toBe('false');
    expect(reused.outputs.digest).toBe(built.outputs.digest);
    expect(reused.stdout).not.toContain('::group::Build');
    expect(reused.stdout).toMatch(new RegExp(`Tagged ${second}:main → ${built.outputs.digest} \\(copied from ${open}: \\d+ blobs`));
    for (const tag of reused.outputs.tags!.split('\n')) {
      const digest = tag.startsWith(tokens.host) ? await tokens.digest(tag) : await registryDigest(tag);
      expect(digest, tag).toBe(built.outputs.digest);
    }
    expect(reused.summary).toMatch(/\| registry \| \d+ requests, \d+ blobs? \([\d.]+\s(B|KiB|MiB)\) copied to another registry \|/);
    expect(reused.stdout).toContain(`::add-mask::${tokens.password}`);
    expect(leaksOf(reused, new Set(), { password: tokens.password }, [tokens.user])).toEqual([]);
  });
});

describe('one registry of two refusing the push', () => {
  let proxy: FlakyProxy;
  beforeAll(async () => {
    // Takes everything but a manifest: the up-front access check passes, the push itself is refused.
    proxy = await startFlakyProxy({ target: open, match: /^PUT \/v2\/.+\/manifests\//, failures: Infinity, statuses: [403] });
  });
  afterAll(async () => {
    await proxy?.close();
  });

  it('one error names the refusing registry and the tags that landed on the other', async () => {
    const landing = `${open}/${uniqueName('e2e/multi-ok')}`;
    const refusing = `${proxy.host}/${uniqueName('e2e/multi-refused')}`;
    const run = await runAction({
      workspace: workspace(),
      inputs: { images: `${landing}\n${refusing}`, 'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`, cache: 'false' },
    });
    expect(run.code).not.toBe(0);
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error'));
    expect(errors, run.stdout).toHaveLength(1);
    expect(errors[0]).toContain(`Registry ${proxy.host} took none of its tags`);
    expect(errors[0]).toContain(`Pushed before the failure: ${landing}:main, ${landing}:sha-`);
    expect(errors[0]).toContain(`Not pushed: ${refusing}:main`);
    expect(await registryDigest(`${landing}:main`)).toBeDefined();
  });
});
