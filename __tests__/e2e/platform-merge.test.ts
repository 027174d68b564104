// Per-platform jobs pushing by digest, then one `merge-digests` step: an OCI index
// with both platforms under every tag. A release tag on the merged commit: the
// per-platform jobs skip (their image found inside the merged index), the merge
// gives the same index digest, no blob is uploaded. And attestations: a provenance
// index is pushed, reused and retagged whole.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { blobUploads, docker, exampleWorkspace, logSize, registryDigest, runAction, runnerTempDir, stack, summarySteps, uniqueName, type ActionRun } from './helpers.ts';

interface Index {
  mediaType: string;
  manifests: { digest: string; platform?: { os: string; architecture: string }; annotations?: Record<string, string> }[];
  annotations?: Record<string, string>;
}

const rawManifest = (ref: string) => JSON.parse(docker('buildx', 'imagetools', 'inspect', '--raw', ref)) as Index;

describe('platform merge: two jobs push by digest, one step merges', () => {
  const repository = uniqueName('e2e/merge');
  const image = `${stack.IMAGE_BUILD_REGISTRY}/${repository}`;
  const workspace = exampleWorkspace();
  const sha = 'e'.repeat(40);
  const jobs: Record<string, ActionRun> = {};
  // No RUN step: the arm64 image builds without emulation.
  // same-digest: a release's jobs hand the merge the digests they pushed (by default each would get the release's labels).
  const job = (platform: string, ref = 'refs/heads/main') =>
    runAction({
      workspace,
      runnerTemp: runnerTempDir(),
      ref,
      sha,
      inputs: {
        images: image,
        platforms: platform,
        outputs: `type=image,name=${image},push-by-digest=true,name-canonical=true,push=true`,
        'cache-key-prefix': uniqueName('merge'),
        'reuse-mode': 'same-digest',
      },
    });
  const merge = (digests: string[], ref = 'refs/heads/main') =>
    runAction({ workspace, runnerTemp: runnerTempDir(), ref, sha, inputs: { images: image, 'merge-digests': digests.join('\n'), annotations: 'index:org.opencontainers.image.description=merged' } });
  let merged: ActionRun;

  beforeAll(async () => {
    fs.writeFileSync(path.join(workspace, 'Dockerfile'), 'FROM scratch\nCOPY src/ /app/\n');
    jobs.amd64 = await job('linux/amd64');
    jobs.arm64 = await job('linux/arm64');
    merged = await merge([jobs.amd64.outputs.digest!, jobs.arm64.outputs.digest!]);
  });

  it('each job pushed its image by digest, with no tag', async () => {
    for (const run of Object.values(jobs)) {
      expect(run.code, run.stdout).toBe(0);
      expect(run.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
    expect(jobs.amd64!.outputs.digest).not.toBe(jobs.arm64!.outputs.digest);
    const tags = (await (await fetch(`http://${stack.IMAGE_BUILD_REGISTRY}/v2/${repository}/tags/list`)).json()) as { tags: string[] | null };
    expect(tags.tags ?? []).toEqual(expect.arrayContaining(['main'])); // from the merge only
    expect(rawManifest(`${image}@${jobs.arm64!.outputs.digest}`)).toBeTruthy();
  });

  it('the merge is an index of both platforms under every tag, with its annotations', async () => {
    expect(merged.code, merged.stdout).toBe(0);
    const index = rawManifest(`${image}:main`);
    expect(index.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    const platforms = index.manifests.map((m) => `${m.platform?.os}/${m.platform?.architecture}`).sort();
    expect(platforms).toEqual(['linux/amd64', 'linux/arm64']);
    expect(index.manifests.map((m) => m.digest).sort()).toEqual([jobs.amd64!.outputs.digest, jobs.arm64!.outputs.digest].sort());
    expect(index.annotations?.['org.opencontainers.image.description']).toBe('merged');
    for (const tag of ['main', `sha-${sha.slice(0, 7)}`]) expect(await registryDigest(`${image}:${tag}`), tag).toBe(merged.outputs.digest);
    expect(merged.summary).toContain('merged 2 platforms');
  });

  it('a release tag on the merged commit: jobs skip, the merge keeps the digest, no blob is uploaded', async () => {
    const logStart = logSize();
    const amd64 = await job('linux/amd64', 'refs/tags/v2.0.0');
    const arm64 = await job('linux/arm64', 'refs/tags/v2.0.0');
    for (const run of [amd64, arm64]) {
      expect(run.code, run.stdout).toBe(0);
      expect(run.outputs.built).toBe('false');
    }
    expect(amd64.outputs.digest).toBe(jobs.amd64!.outputs.digest);
    expect(arm64.outputs.digest).toBe(jobs.arm64!.outputs.digest);
    const release = await merge([arm64.outputs.digest!, amd64.outputs.digest!], 'refs/tags/v2.0.0');
    expect(release.code, release.stdout).toBe(0);
    expect(release.outputs.digest).toBe(merged.outputs.digest);
    for (const tag of ['2.0.0', '2.0', '2', 'latest']) expect(await registryDigest(`${image}:${tag}`), tag).toBe(merged.outputs.digest);
    expect(blobUploads(repository, logStart)).toBe(0);
  });

  it('a digest that is not there is one error naming merge-digests', async () => {
    const bad = await merge([`sha256:${'0'.repeat(64)}`]);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toMatch(/::error title=input merge-digests::merge-digests: .* does not exist; push it by digest first/);
  });
});

describe('attestations: provenance mode=max', () => {
  const repository = uniqueName('e2e/provenance');
  const image = `${stack.IMAGE_BUILD_REGISTRY}/${repository}`;
  const workspace = exampleWorkspace();
  const runnerTemp = runnerTempDir();
  const sha = 'f'.repeat(40);
  const inputs = { images: image, 'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`, provenance: 'mode=max', 'cache-key-prefix': uniqueName('prov') };
  let first: ActionRun;

  beforeAll(async () => {
    first = await runAction({ workspace, runnerTemp, inputs, sha });
  });

  it('pushes an index with the image and its attestation manifest; the summary reads the image inside', () => {
    expect(first.code, first.stdout).toBe(0);
    const index = rawManifest(`${image}:main`);
    expect(index.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(index.manifests.map((m) => `${m.platform?.os}/${m.platform?.architecture}`)).toEqual(['linux/amd64', 'unknown/unknown']);
    expect(index.manifests[1]!.annotations?.['vnd.docker.reference.type']).toBe('attestation-manifest');
    expect(first.outputs.digest).toBe(docker('buildx', 'imagetools', 'inspect', '--format', '{{json .Manifest.Digest}}', `${image}:main`).trim().replace(/"/g, ''));
    // Layer sizes come from the image manifest inside the index, not the attestation's.
    const rows = first.summary.split('\n').filter((line) => /^\| \d+ \| `RUN /.test(line));
    expect(rows.length).toBe(2);
    for (const row of rows) expect(row).toMatch(/\s(B|KiB|MiB) \|$/);
    expect(summarySteps(first.summary).length).toBeGreaterThan(3);
  });

  it('a release retag keeps the index digest, with no blob upload', async () => {
    const logStart = logSize();
    const release = await runAction({ workspace, runnerTemp, inputs, sha, ref: 'refs/tags/v3.1.0' });
    expect(release.code, release.stdout).toBe(0);
    expect(release.outputs.built).toBe('false');
    expect(release.outputs.digest).toBe(first.outputs.digest);
    for (const tag of ['3.1.0', '3.1', '3', 'latest']) expect(await registryDigest(`${image}:${tag}`), tag).toBe(first.outputs.digest);
    expect(blobUploads(repository, logStart)).toBe(0);
  });
});

describe('attestations: attests', () => {
  it('attests: type=provenance,mode=min adds the attestation manifest', async () => {
    const image = `${stack.IMAGE_BUILD_REGISTRY}/${uniqueName('e2e/attests')}`;
    const run = await runAction({
      workspace: exampleWorkspace(),
      runnerTemp: runnerTempDir(),
      inputs: { images: image, 'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`, attests: 'type=provenance,mode=min', cache: 'false' },
    });
    expect(run.code, run.stdout).toBe(0);
    const index = rawManifest(`${image}:main`);
    expect(index.manifests.map((m) => m.annotations?.['vnd.docker.reference.type'] ?? 'image')).toEqual(['image', 'attestation-manifest']);
  });
});
