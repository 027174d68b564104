// Same inputs → same image: a rerun reuses the pushed image, a release tag on
// a built commit is a retag with no blob upload, and changed inputs rebuild.
import { beforeAll, describe, expect, it } from 'vitest';
import { blobUploads, docker, exampleWorkspace, freshRunner, logSize, manifestPuts, registryDigest, runAction, runnerTempDir, stack, uniqueName } from './helpers.ts';

describe('skip-unchanged and release promotion', () => {
  const repository = uniqueName('e2e/promote');
  const image = `${stack.IMAGE_BUILD_REGISTRY}/${repository}`;
  const workspace = exampleWorkspace();
  const runnerTemp = runnerTempDir();
  const sha = '0123456789abcdef0123456789abcdef01234567';
  const inputs = { images: image, 'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`, 'cache-key-prefix': uniqueName('promote') };
  let first: Awaited<ReturnType<typeof runAction>>;

  beforeAll(async () => {
    first = await runAction({ workspace, runnerTemp, inputs, sha });
  });

  it('builds the first time and labels the image with its fingerprint', async () => {
    expect(first.code, first.stdout).toBe(0);
    expect(first.outputs.built).toBe('true');
    expect(first.outputs.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    const config = JSON.parse(docker('buildx', 'imagetools', 'inspect', '--format', '{{json .Image}}', `${image}:main`)) as { config: { Labels: Record<string, string> } };
    expect(config.config.Labels['dev.image-build.fingerprint']).toBe(first.outputs.fingerprint);
  });

  it('a rerun of the same commit on a fresh runner builds nothing and reports the same digest', async () => {
    freshRunner();
    const logStart = logSize();
    const rerun = await runAction({ workspace, runnerTemp, inputs, sha });
    expect(rerun.code, rerun.stdout).toBe(0);
    expect(rerun.outputs.built).toBe('false');
    expect(rerun.outputs.digest).toBe(first.outputs.digest);
    expect(rerun.outputs.fingerprint).toBe(first.outputs.fingerprint);
    expect(rerun.stdout).not.toMatch(/::group::Build/);
    expect(rerun.summary).toContain('no build');
    // Its tags point at that digest already: nothing is written to the registry.
    expect(manifestPuts(repository, logStart)).toEqual([]);
  });

  it('reuse-mode: same-digest: a release tag on the built commit adds the semver tags to the same digest with no blob upload', async () => {
    const logStart = logSize();
    const release = await runAction({ workspace, runnerTemp, inputs: { ...inputs, 'reuse-mode': 'same-digest' }, sha, ref: 'refs/tags/v1.2.3' });
    console.log(`release retag, same digest: ${release.seconds.toFixed(2)} s`);
    expect(release.code, release.stdout).toBe(0);
    expect(release.outputs.built).toBe('false');
    expect(release.outputs.digest).toBe(first.outputs.digest);
    for (const tag of ['1.2.3', '1.2', '1', 'latest']) expect(await registryDigest(`${image}:${tag}`), tag).toBe(first.outputs.digest);
    expect(blobUploads(repository, logStart)).toBe(0);
    // Only the new tags are written; the branch and sha tags are there already.
    expect(manifestPuts(repository, logStart).sort()).toEqual(['1', '1.2', '1.2.3', 'latest']);
  });

  it("a release tag by default: the image gets the release's labels and annotations in a new config over the same layers, no layer uploaded", async () => {
    const logStart = logSize();
    const release = await runAction({ workspace, runnerTemp, inputs, sha, ref: 'refs/tags/v1.3.0' });
    console.log(`release retag, relabeled: ${release.seconds.toFixed(2)} s`);
    expect(release.code, release.stdout).toBe(0);
    expect(release.outputs.built).toBe('false');
    const digest = release.outputs.digest!;
    expect(digest).not.toBe(first.outputs.digest);
    for (const tag of ['1.3.0', '1.3', '1', 'latest', `sha-${sha.slice(0, 7)}`]) expect(await registryDigest(`${image}:${tag}`), tag).toBe(digest);
    expect(await registryDigest(`${image}:main`)).toBe(first.outputs.digest);
    const inspect = (ref: string) => JSON.parse(docker('buildx', 'imagetools', 'inspect', '--raw', ref)) as { layers: { digest: string }[]; annotations?: Record<string, string> };
    const image130 = inspect(`${image}:1.3.0`);
    expect(image130.layers).toEqual(inspect(`${image}:main`).layers);
    expect(image130.annotations?.['org.opencontainers.image.version']).toBe('1.3.0');
    const config = JSON.parse(docker('buildx', 'imagetools', 'inspect', '--format', '{{json .Image}}', `${image}:1.3.0`)) as { config: { Labels: Record<string, string> } };
    expect(config.config.Labels['org.opencontainers.image.version']).toBe('1.3.0');
    expect(config.config.Labels['dev.image-build.fingerprint']).toBe(first.outputs.fingerprint);
    expect(release.outputs.imageid).toMatch(/^sha256:/);
    // One blob goes up, the new config (a few hundred bytes); no layer.
    expect(blobUploads(repository, logStart)).toBe(1);
    expect(release.stdout).toContain("this run's labels");

    // A rerun of the release moves nothing: the image has these labels already.
    const rerunStart = logSize();
    const rerun = await runAction({ workspace, runnerTemp, inputs, sha, ref: 'refs/tags/v1.3.0' });
    expect(rerun.outputs.digest).toBe(digest);
    expect(blobUploads(repository, rerunStart)).toBe(0);
    expect(manifestPuts(repository, rerunStart)).toEqual([]);
  });

  it('a changed build argument changes the fingerprint and rebuilds', async () => {
    const changed = await runAction({ workspace, runnerTemp, inputs: { ...inputs, 'build-args': `${inputs['build-args']}\nGREETING=hi` }, sha });
    expect(changed.code, changed.stdout).toBe(0);
    expect(changed.outputs.built).toBe('true');
    expect(changed.outputs.fingerprint).not.toBe(first.outputs.fingerprint);
  });

  it('a base image tag that moved changes the fingerprint and rebuilds', async () => {
    const base = `${stack.IMAGE_BUILD_REGISTRY}/${uniqueName('e2e/moving-base')}:1`;
    const moveBase = (label: string) =>
      docker('buildx', 'build', '--provenance=false', '--push', '-t', base, '--build-arg', `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`, '--label', `moved=${label}`, '-f', `${workspace}/base.Dockerfile`, workspace);
    await import('node:fs').then((fs) => fs.writeFileSync(`${workspace}/base.Dockerfile`, 'ARG BASE\nFROM ${BASE}\n'));
    moveBase('one');
    const movingInputs = { ...inputs, images: `${image}-moving`, 'build-args': `BASE=${base}` };
    const before = await runAction({ workspace, runnerTemp, inputs: movingInputs, sha });
    expect(before.code, before.stdout).toBe(0);
    const again = await runAction({ workspace, runnerTemp, inputs: movingInputs, sha });
    expect(again.outputs.built).toBe('false');
    moveBase('two');
    const after = await runAction({ workspace, runnerTemp, inputs: movingInputs, sha });
    expect(after.code, after.stdout).toBe(0);
    expect(after.outputs.built).toBe('true');
    expect(after.outputs.fingerprint).not.toBe(before.outputs.fingerprint);
  });
});
