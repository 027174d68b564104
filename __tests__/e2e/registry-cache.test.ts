// `cache-backend: registry` end to end, on the open and on the htpasswd registry:
// every run is a new runner (BuildKit cache and local images pruned, its own
// RUNNER_TEMP, no Actions cache service at all), so whatever is cached came from the
// registry: BuildKit's cache image `<image>:buildcache` and our record artifact
// `<image>:buildcache-record` beside it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dockerEnv, exampleWorkspace, registryDigest, runAction, runnerTempDir, stack, summarySteps, uniqueName } from './helpers.ts';

// IMAGE_BUILD_E2E_DOCKER_HOST runs these tests on another engine than the stack's (e.g. the
// one scripts/remote-builder.sh starts), away from other test runs that prune the shared one.
const engine = process.env.IMAGE_BUILD_E2E_DOCKER_HOST ? { DOCKER_HOST: process.env.IMAGE_BUILD_E2E_DOCKER_HOST } : {};

/** What a new runner has: no BuildKit cache, no local images. */
function freshRunner(): void {
  for (const args of [['buildx', 'prune', '-af'], ['image', 'prune', '-af']]) {
    execFileSync('docker', args, { env: { ...dockerEnv(), ...engine }, stdio: 'ignore' });
  }
}

const RECORD_ARTIFACT_TYPE = 'application/vnd.image-build.record.v1+json';
const RECORD_LAYER_TYPE = 'application/vnd.image-build.record.layer.v1+json';

type Auth = { username: string; password: string } | undefined;

const registries = [
  { name: 'open registry', registry: stack.IMAGE_BUILD_REGISTRY!, base: stack.IMAGE_BUILD_BASE_IMAGE!, auth: undefined as Auth },
  {
    name: 'htpasswd registry',
    registry: stack.IMAGE_BUILD_AUTH_REGISTRY!,
    base: stack.IMAGE_BUILD_AUTH_BASE_IMAGE!,
    auth: { username: stack.IMAGE_BUILD_AUTH_USER!, password: stack.IMAGE_BUILD_AUTH_PASSWORD! } as Auth,
  },
];

/** GET over HTTP, independent of the code under test. */
async function registryGet(url: string, auth: Auth, accept?: string): Promise<Response> {
  const headers: Record<string, string> = accept ? { accept } : {};
  if (auth) headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  return fetch(url, { headers });
}

/** The record artifact's manifest and the record itself. */
async function readRecordArtifact(image: string, auth: Auth) {
  const [host, ...rest] = image.split('/');
  const repository = rest.join('/');
  const response = await registryGet(`http://${host}/v2/${repository}/manifests/buildcache-record`, auth, 'application/vnd.oci.image.manifest.v1+json');
  expect(response.status).toBe(200);
  const manifest = (await response.json()) as { artifactType?: string; config: { mediaType: string }; layers: { mediaType: string; digest: string }[] };
  const blob = await registryGet(`http://${host}/v2/${repository}/blobs/${manifest.layers[0]!.digest}`, auth);
  expect(blob.status).toBe(200);
  return { manifest, record: (await blob.json()) as { key: string; fingerprint: string; contextHash: string; dockerfileHash: string; images: { ref: string; digest: string }[]; manifest?: string } };
}

describe.each(registries)('registry cache backend on the $name', ({ registry, base, auth }) => {
  const image = `${registry}/${uniqueName('e2e/regcache')}`;
  const workspace = exampleWorkspace();
  const inputs: Record<string, string> = {
    images: image,
    'build-args': `BASE=${base}`,
    'cache-backend': 'registry',
    'cache-key-prefix': uniqueName('e2e-reg'),
    'skip-unchanged': 'false',
    ...(auth ? { username: auth.username, password: auth.password } : {}),
  };
  /** A new runner: nothing local survives, and there is no Actions cache service. */
  const newRunner = (options: { inputs?: Record<string, string>; ref?: string; sha: string }) => {
    freshRunner();
    return runAction({
      workspace,
      runnerTemp: runnerTempDir(),
      inputs: { ...inputs, ...options.inputs },
      ref: options.ref,
      sha: options.sha,
      env: { ...engine, ACTIONS_RESULTS_URL: undefined, ACTIONS_CACHE_URL: undefined, ACTIONS_CACHE_SERVICE_V2: undefined },
    });
  };
  let cold: Awaited<ReturnType<typeof runAction>>;
  let changed: Awaited<ReturnType<typeof runAction>>;

  it('a cold build pushes the image, the cache image and the record artifact', async () => {
    cold = await newRunner({ sha: 'a'.repeat(40) });
    expect(cold.code, cold.stdout + cold.stderr).toBe(0);
    expect(cold.outputs['cache-hit']).toBe('miss');
    expect(cold.outputs.built).toBe('true');
    expect(await registryDigest(`${image}:main`, auth)).toBe(cold.outputs.digest);
    expect(await registryDigest(`${image}:buildcache`, auth)).toMatch(/^sha256:/);
    const { manifest, record } = await readRecordArtifact(image, auth);
    expect(manifest.artifactType).toBe(RECORD_ARTIFACT_TYPE);
    expect(manifest.config.mediaType).toBe(RECORD_ARTIFACT_TYPE);
    expect(manifest.layers.map((layer) => layer.mediaType)).toEqual([RECORD_LAYER_TYPE]);
    expect(record.key).toBe(cold.outputs['cache-key']);
    expect(record.fingerprint).toBe(cold.outputs.fingerprint);
    expect(record.contextHash).toBe(cold.outputs['context-hash']);
    expect(record.dockerfileHash).toBe(cold.outputs['dockerfile-hash']);
    expect(record.images.map((entry) => entry.ref).sort()).toEqual([`${image}:main`, `${image}:sha-aaaaaaa`]);
    expect(record.images.every((entry) => entry.digest === cold.outputs.digest)).toBe(true);
    expect(record.manifest).toBeTruthy();
    expect(cold.summary).toMatch(/entry size \| [\d.]+\s(B|KiB|MiB), saved/);
  });

  it('a new runner with an empty Actions cache gets an exact hit from the registry: every step cached', async () => {
    const cacheBefore = await registryDigest(`${image}:buildcache`, auth);
    const rerun = await newRunner({ sha: 'a'.repeat(40) });
    expect(rerun.code, rerun.stdout + rerun.stderr).toBe(0);
    expect(rerun.outputs['cache-hit']).toBe('exact');
    expect(rerun.outputs['cache-key']).toBe(cold.outputs['cache-key']);
    expect(rerun.stdout).toContain(`importing cache manifest from ${image}:buildcache`);
    const steps = summarySteps(rerun.summary).filter((step) => !/FROM/.test(step.name));
    expect(steps.length).toBeGreaterThanOrEqual(4);
    expect(steps.filter((step) => step.status !== 'cached')).toEqual([]);
    // An exact hit saves nothing: the cache image is the one the cold build wrote.
    expect(await registryDigest(`${image}:buildcache`, auth)).toBe(cacheBefore);
  });

  it('a changed source file on a new runner is a partial hit, explained from the registry record', async () => {
    fs.writeFileSync(path.join(workspace, 'src/hello.txt'), 'Hello from the registry cache.\n');
    changed = await newRunner({ ref: 'refs/heads/topic', sha: 'b'.repeat(40) });
    expect(changed.code, changed.stdout + changed.stderr).toBe(0);
    expect(changed.outputs['cache-hit']).toBe('partial');
    const steps = summarySteps(changed.summary);
    expect(steps.find((step) => /RUN mkdir -p \/deps/.test(step.name))?.status).toBe('cached');
    expect(steps.find((step) => /COPY src\//.test(step.name))?.status).toBe('run');
    expect(changed.summary).toContain('**Why it rebuilt:** `src/hello.txt`');
    expect(changed.summary).toContain('`src/hello.txt`');
    expect(changed.summary).toContain(`restored from  ${cold.outputs['cache-key']}`);
    const { record } = await readRecordArtifact(image, auth);
    expect(record.key).toBe(changed.outputs['cache-key']);
    expect(record.images.map((entry) => entry.ref).sort()).toEqual([`${image}:sha-bbbbbbb`, `${image}:topic`]);
  });

  it('skip-unchanged finds the image through the registry record alone', async () => {
    // Another branch and commit: none of its lookup tags (release, sha-eeeeeee, main) holds this fingerprint.
    // same-digest: the image as built (by default it would get this branch's labels, and a new digest).
    const reuse = await newRunner({ ref: 'refs/heads/release', sha: 'e'.repeat(40), inputs: { 'skip-unchanged': 'true', 'reuse-mode': 'same-digest' } });
    expect(reuse.code, reuse.stdout + reuse.stderr).toBe(0);
    expect(reuse.outputs['cache-hit']).toBe('exact');
    expect(reuse.outputs.built).toBe('false');
    expect(reuse.outputs.digest).toBe(changed.outputs.digest);
    expect(reuse.outputs.fingerprint).toBe(changed.outputs.fingerprint);
    expect(await registryDigest(`${image}:release`, auth)).toBe(changed.outputs.digest);
  });

  it('cache: read-only reads the registry cache and writes neither the cache nor the record', async () => {
    const cacheBefore = await registryDigest(`${image}:buildcache`, auth);
    const recordBefore = await registryDigest(`${image}:buildcache-record`, auth);
    fs.writeFileSync(path.join(workspace, 'src/hello.txt'), 'Hello, read-only.\n');
    const readOnly = await newRunner({ ref: 'refs/heads/pr-branch', sha: 'f'.repeat(40), inputs: { cache: 'read-only' } });
    expect(readOnly.code, readOnly.stdout + readOnly.stderr).toBe(0);
    expect(readOnly.outputs['cache-hit']).toBe('partial');
    expect(summarySteps(readOnly.summary).find((step) => /RUN mkdir -p \/deps/.test(step.name))?.status).toBe('cached');
    expect(readOnly.stdout).not.toContain('exporting cache to registry');
    expect(await registryDigest(`${image}:buildcache`, auth)).toBe(cacheBefore);
    expect(await registryDigest(`${image}:buildcache-record`, auth)).toBe(recordBefore);
  });
});

describe('registry cache backend: cache-ref', () => {
  it('cache-ref puts the cache and its record in another repository', async () => {
    const workspace = exampleWorkspace();
    const image = `${stack.IMAGE_BUILD_REGISTRY}/${uniqueName('e2e/regcache-app')}`;
    const cacheRepo = `${stack.IMAGE_BUILD_REGISTRY}/${uniqueName('e2e/shared-cache')}`;
    const run = await runAction({
      workspace,
      runnerTemp: runnerTempDir(),
      inputs: {
        images: image,
        'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`,
        'cache-backend': 'registry',
        'cache-ref': `${cacheRepo}:app-main`,
        'cache-key-prefix': uniqueName('e2e-reg'),
      },
      env: { ...engine, ACTIONS_RESULTS_URL: undefined },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(await registryDigest(`${cacheRepo}:app-main`)).toMatch(/^sha256:/);
    expect(await registryDigest(`${cacheRepo}:app-main-record`)).toMatch(/^sha256:/);
    expect(await registryDigest(`${image}:buildcache`)).toBeUndefined();
  });

  it('a cache that cannot be pushed (no credentials for its registry) warns; the image is still pushed', async () => {
    const workspace = exampleWorkspace();
    const image = `${stack.IMAGE_BUILD_REGISTRY}/${uniqueName('e2e/regcache-denied')}`;
    const cacheRef = `${stack.IMAGE_BUILD_AUTH_REGISTRY}/${uniqueName('e2e/denied-cache')}:buildcache`;
    const run = await runAction({
      workspace,
      runnerTemp: runnerTempDir(),
      inputs: { images: image, 'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`, 'cache-backend': 'registry', 'cache-ref': cacheRef },
      env: { ...engine, ACTIONS_RESULTS_URL: undefined },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.built).toBe('true');
    expect(await registryDigest(`${image}:main`)).toBe(run.outputs.digest);
    expect(run.stdout).toMatch(/::warning::The registry cache .* was not saved \(the image was\)/);
    const auth = { username: stack.IMAGE_BUILD_AUTH_USER!, password: stack.IMAGE_BUILD_AUTH_PASSWORD! };
    expect(await registryDigest(cacheRef, auth)).toBeUndefined();
    expect(await registryDigest(`${cacheRef}-record`, auth)).toBeUndefined();
  });

  it('a pull request build (push: auto) reads the registry cache but does not write it', async () => {
    const workspace = exampleWorkspace();
    const image = `${stack.IMAGE_BUILD_REGISTRY}/${uniqueName('e2e/regcache-pr')}`;
    const run = await runAction({
      workspace,
      runnerTemp: runnerTempDir(),
      eventName: 'pull_request',
      ref: 'refs/pull/7/merge',
      inputs: { images: image, 'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`, 'cache-backend': 'registry' },
      env: { ...engine, ACTIONS_RESULTS_URL: undefined },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs['cache-hit']).toBe('miss');
    expect(run.stdout).not.toContain('exporting cache to registry');
    expect(await registryDigest(`${image}:buildcache`)).toBeUndefined();
  });
});
