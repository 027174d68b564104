// Multi-platform images as most users build them: linux/amd64 + linux/arm64 from a
// multi-arch base, the arm64 RUN steps under QEMU. One index is pushed, reused on a
// fresh runner, partly rebuilt after a one-file change and promoted to a release tag
// with no layer upload (as built, or with the release's labels); the summary shows each platform's steps; a one-platform matrix
// job keeps its own cache entry.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobUploads, docker, exampleWorkspace, freshRunner, logSize, registryDigest, runAction, runnerTempDir, stack, summarySteps, uniqueName } from './helpers.ts';

const PLATFORMS = ['linux/amd64', 'linux/arm64'];
// The stack registers QEMU (scripts/stack/qemu.sh); a machine where binfmt_misc cannot be
// mounted (an unprivileged container) has no way to run an arm64 RUN step.
const qemu = fs.existsSync('/proc/sys/fs/binfmt_misc/qemu-aarch64');
const base = stack.IMAGE_BUILD_MULTI_BASE_IMAGE;
if (!qemu) console.warn('multi-platform tests skipped: no qemu-aarch64 binfmt handler (scripts/stack.sh up registers it where binfmt_misc can be mounted)');
else if (!base) console.warn('multi-platform tests skipped: the stack has no multi-arch base image (IMAGE_BUILD_MULTI_BASE_IMAGE; scripts/stack.sh up builds it on Debian)');

interface IndexJson {
  mediaType: string;
  manifests: { digest: string; platform?: { os: string; architecture: string } }[];
}

async function index(ref: string): Promise<IndexJson> {
  const match = /^([^/]+)\/(.+):([^:/]+)$/.exec(ref)!;
  const response = await fetch(`http://${match[1]}/v2/${match[2]}/manifests/${match[3]}`, {
    headers: { accept: 'application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json' },
  });
  expect(response.status, ref).toBe(200);
  return (await response.json()) as IndexJson;
}

const stepsOf = (summary: string, platform: string) => summarySteps(summary).filter((step) => step.platform === platform);

describe.skipIf(!qemu || !base)('multi-platform builds (linux/amd64 + linux/arm64 under QEMU)', () => {
  const repository = uniqueName('e2e/multi');
  const image = `${stack.IMAGE_BUILD_REGISTRY}/${repository}`;
  const workspace = exampleWorkspace();
  const runnerTemp = runnerTempDir();
  const prefix = uniqueName('multi');
  const inputs = {
    images: image,
    platforms: PLATFORMS.join(','),
    'build-args': `BASE=${stack.IMAGE_BUILD_MULTI_BASE_IMAGE}`,
    'cache-key-prefix': prefix,
  };
  const sha1 = 'a'.repeat(40);
  const sha2 = 'b'.repeat(40);

  it('builds one index of both platforms, reuses it, rebuilds a part, promotes a release with no upload', async () => {
    freshRunner();
    const cold = await runAction({ workspace, runnerTemp, inputs, sha: sha1 });
    expect(cold.code, cold.stdout).toBe(0);
    expect(cold.outputs.built).toBe('true');
    const pushed = await index(`${image}:main`);
    expect(pushed.mediaType).toMatch(/index|manifest\.list/);
    expect(pushed.manifests.map((m) => `${m.platform?.os}/${m.platform?.architecture}`).sort()).toEqual(PLATFORMS);
    expect(await registryDigest(`${image}:main`)).toBe(cold.outputs.digest);
    // The arm64 image really is arm64 all through: its RUN ran under emulation.
    const arm = JSON.parse(docker('buildx', 'imagetools', 'inspect', '--format', '{{json (index .Image "linux/arm64")}}', `${image}:main`)) as { architecture: string };
    expect(arm.architecture).toBe('arm64');
    // One row per step, a column per platform.
    for (const platform of PLATFORMS) {
      const steps = stepsOf(cold.summary, platform);
      expect(steps.map((step) => step.line), `${platform} in\n${cold.summary}`).toEqual([4, 5, 8, 9, 10, 11]);
      expect(steps.filter((step) => step.line >= 8).every((step) => step.status === 'run')).toBe(true);
    }
    expect(cold.summary).toContain('| line | step | linux/amd64 | linux/arm64 | size |');
    expect(cold.summary).toMatch(/\| 9 \| `RUN mkdir -p \/deps[^|]*` \| run [\d.]+\s(s|min) [^|]*\| run [\d.]+\s(s|min) [^|]*\| 16\sKiB \|/);
    expect(cold.outputs['cache-key']).toContain('linux_amd64+linux_arm64-');

    // A rerun of the commit on a fresh runner: the index is found by its fingerprint.
    freshRunner();
    const rerun = await runAction({ workspace, runnerTemp, inputs, sha: sha1 });
    expect(rerun.code, rerun.stdout).toBe(0);
    expect(rerun.outputs.built).toBe('false');
    expect(rerun.outputs.digest).toBe(cold.outputs.digest);

    // A one-file change: both platforms keep their dependency layer and re-run from the COPY.
    freshRunner();
    fs.writeFileSync(path.join(workspace, 'src/world.txt'), 'A changed line.\n');
    const changed = await runAction({ workspace, runnerTemp, inputs, sha: sha2 });
    expect(changed.code, changed.stdout).toBe(0);
    expect(changed.outputs.built).toBe('true');
    expect(changed.outputs['cache-hit']).toBe('partial');
    expect(changed.summary).toContain('- 1 changed: `src/world.txt`');
    for (const platform of PLATFORMS) {
      const steps = stepsOf(changed.summary, platform);
      expect(steps.find((step) => step.line === 9)?.status, `${platform} in\n${changed.summary}`).toBe('cached');
      expect(steps.find((step) => step.line === 10)?.status, platform).toBe('run');
    }
    expect(changed.outputs.digest).not.toBe(cold.outputs.digest);

    // The release tag on that commit with reuse-mode: same-digest: the whole index retagged, the same digest, no blob uploaded.
    const logStart = logSize();
    const release = await runAction({ workspace, runnerTemp, inputs: { ...inputs, 'reuse-mode': 'same-digest' }, sha: sha2, ref: 'refs/tags/v2.0.0' });
    expect(release.code, release.stdout).toBe(0);
    expect(release.outputs.built).toBe('false');
    for (const tag of ['2.0.0', '2.0', '2', 'latest']) expect(await registryDigest(`${image}:${tag}`), tag).toBe(changed.outputs.digest);
    expect((await index(`${image}:2.0.0`)).manifests.length).toBe((await index(`${image}:main`)).manifests.length);
    expect(blobUploads(repository, logStart)).toBe(0);

    // By default a release carries its own labels: each platform's image gets a new config over
    // the same layers, under a new index; two configs go up, no layer.
    const relabelStart = logSize();
    const relabeled = await runAction({ workspace, runnerTemp, inputs, sha: sha2, ref: 'refs/tags/v2.1.0' });
    expect(relabeled.code, relabeled.stdout).toBe(0);
    expect(relabeled.outputs.built).toBe('false');
    expect(relabeled.outputs.digest).not.toBe(changed.outputs.digest);
    expect(await registryDigest(`${image}:2.1.0`)).toBe(relabeled.outputs.digest);
    const before = await index(`${image}:2.0.0`);
    const after = await index(`${image}:2.1.0`);
    expect(after.manifests.map((m) => m.platform)).toEqual(before.manifests.map((m) => m.platform));
    const raw = (digest: string) => JSON.parse(docker('buildx', 'imagetools', 'inspect', '--raw', `${image}@${digest}`)) as { layers: { digest: string }[] };
    for (const [at, platform] of after.manifests.entries()) {
      expect(raw(platform.digest).layers, `${platform.platform?.architecture}`).toEqual(raw(before.manifests[at]!.digest).layers);
    }
    for (const platform of PLATFORMS) {
      const config = JSON.parse(docker('buildx', 'imagetools', 'inspect', '--format', `{{json (index .Image "${platform}")}}`, `${image}:2.1.0`)) as { config: { Labels: Record<string, string> } };
      expect(config.config.Labels['org.opencontainers.image.version'], platform).toBe('2.1.0');
    }
    expect(blobUploads(repository, relabelStart)).toBe(2);
    expect(relabeled.stdout).toContain("platform images of");
  });

  it('a one-platform matrix job keeps its own cache entry and leaves the two-platform one whole', async () => {
    // What a matrix job builds (its push by digest is the merge flow's part; here it only builds and caches).
    const matrixInputs = { ...inputs, platforms: 'linux/arm64', push: 'false', 'skip-unchanged': 'false' };
    freshRunner();
    const arm = await runAction({ workspace, runnerTemp, inputs: matrixInputs, sha: sha2 });
    expect(arm.code, arm.stdout).toBe(0);
    expect(arm.outputs['cache-key']).toContain('-linux_arm64-');
    // It started from the two-platform entry (its arm64 layers), not from nothing.
    expect(arm.outputs['cache-hit']).toBe('partial');
    expect(summarySteps(arm.summary).find((step) => step.line === 9)?.status, arm.summary).toBe('cached');
    expect(arm.summary).toContain('- the restored entry was built for linux/amd64, linux/arm64, not for this build');

    freshRunner();
    const both = await runAction({ workspace, runnerTemp, inputs: { ...inputs, 'skip-unchanged': 'false' }, sha: sha2 });
    expect(both.code, both.stdout).toBe(0);
    expect(both.outputs['cache-hit']).toBe('exact');
    for (const platform of PLATFORMS) {
      expect(stepsOf(both.summary, platform).filter((step) => step.line >= 8).every((step) => step.status === 'cached'), `${platform}\n${both.summary}`).toBe(true);
    }
  });

  it('a base tag moved for one platform changes the fingerprint and rebuilds', async () => {
    // An index of the stack's per-platform busybox images, then the same index with a new arm64 image.
    const perPlatform = stack.IMAGE_BUILD_MULTI_BASE_IMAGE!;
    const base = `${stack.IMAGE_BUILD_REGISTRY}/${uniqueName('e2e/multi-base')}`;
    fs.writeFileSync(path.join(workspace, 'base.Dockerfile'), `FROM ${perPlatform}-arm64\nLABEL moved=yes\n`);
    docker('buildx', 'build', '--provenance=false', '--platform', 'linux/arm64', '--push', '-t', `${base}:arm64-moved`, '-f', path.join(workspace, 'base.Dockerfile'), workspace);
    const pointBase = (arm64: string) => docker('buildx', 'imagetools', 'create', '-t', `${base}:1`, `${perPlatform}-amd64`, arm64);
    pointBase(`${perPlatform}-arm64`);
    const movingInputs = { ...inputs, images: `${image}-moving`, 'build-args': `BASE=${base}:1` };
    const before = await runAction({ workspace, runnerTemp, inputs: movingInputs, sha: sha1 });
    expect(before.code, before.stdout).toBe(0);
    const again = await runAction({ workspace, runnerTemp, inputs: movingInputs, sha: sha1 });
    expect(again.outputs.built).toBe('false');
    pointBase(`${base}:arm64-moved`);
    const after = await runAction({ workspace, runnerTemp, inputs: movingInputs, sha: sha1 });
    expect(after.code, after.stdout).toBe(0);
    expect(after.outputs.built).toBe('true');
    expect(after.outputs.fingerprint).not.toBe(before.outputs.fingerprint);
  });

  it('a step that fails on one platform names that platform at its Dockerfile line', async () => {
    const failing = exampleWorkspace();
    fs.appendFileSync(path.join(failing, 'Dockerfile'), 'RUN test "$(uname -m)" = x86_64\n');
    const line = fs.readFileSync(path.join(failing, 'Dockerfile'), 'utf8').trimEnd().split('\n').length;
    const run = await runAction({ workspace: failing, runnerTemp: runnerTempDir(), inputs: { ...inputs, images: `${image}-failing` }, sha: sha1 });
    expect(run.code).not.toBe(0);
    const error = run.stdout.split('\n').find((line) => line.startsWith('::error'));
    expect(error, run.stdout).toMatch(new RegExp(`^::error file=Dockerfile,line=${line}::\\[linux/arm64 7/7\\] RUN test .* failed on linux/arm64: .*exit code: 1$`));
  });
});
