// `builder:` drives a BuildKit that is not the local default: a second Docker Engine
// (scripts/remote-builder.sh: its own containerd and dockerd on unix sockets under
// .stack/remote/) reached through a Docker context, as a remote or shared builder is.
// The proof that the build ran there: the remote engine has the image and its build
// cache, the stack's engine has neither. Then the same engine without the containerd
// image store: its docker driver cannot export a cache, and the action says so once
// and builds anyway.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, dockerEnv, exampleWorkspace, registryDigest, repoRoot, runAction, runnerTempDir, stack, summarySteps, uniqueName, userDockerConfig } from './helpers.ts';

const script = path.join(repoRoot, 'scripts/remote-builder.sh');
const remoteBuilder = (...args: string[]) => execFileSync('bash', [script, ...args], { env: dockerEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('builder: a second Docker Engine through a Docker context', () => {
  // The "user's" Docker config: the context lives there, and the action links it into its private one.
  const dockerConfig = userDockerConfig();
  const context = uniqueName('ib-remote');
  const withConfig = { ...dockerEnv(), DOCKER_CONFIG: dockerConfig };
  const onRemote = (...args: string[]) =>
    execFileSync('docker', ['--context', context, ...args], { env: withConfig, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const onDefault = (...args: string[]) => docker(...args);
  const workspace = exampleWorkspace();
  const baseInputs = {
    'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`,
    builder: context,
    'cache-backend': 'registry',
    'cache-key-prefix': uniqueName('e2e-remote'),
    'skip-unchanged': 'false',
  };
  const run = (inputs: Record<string, string>, sha = 'a'.repeat(40)) =>
    runAction({ workspace, runnerTemp: runnerTempDir(), inputs: { ...baseInputs, ...inputs }, sha, env: { DOCKER_CONFIG: dockerConfig, ACTIONS_RESULTS_URL: undefined } });

  beforeAll(() => {
    remoteBuilder('up');
    execFileSync('docker', ['context', 'create', context, '--docker', `host=${remoteBuilder('host').trim()}`], { env: withConfig, stdio: 'ignore' });
  });
  afterAll(() => {
    remoteBuilder('down');
    fs.rmSync(dockerConfig, { recursive: true, force: true });
  });

  it('the context is a Buildx builder of its own, not the default one', () => {
    const inspect = execFileSync('docker', ['buildx', 'inspect', context], { env: withConfig, encoding: 'utf8' });
    expect(inspect).toMatch(/^Driver:\s+docker$/m);
    expect(inspect).toMatch(new RegExp(`^Endpoint:\\s+${context}$`, 'm'));
    expect(onRemote('info', '--format', '{{.DockerRootDir}}').trim()).not.toBe(onDefault('info', '--format', '{{.DockerRootDir}}').trim());
  });

  // Built on the remote engine with the containerd image store: its registry cache is read again at the end.
  const image = `${stack.IMAGE_BUILD_REGISTRY}/${uniqueName('e2e/remote')}`;

  it('builds and pushes on the remote engine: the image and its build cache are there, not on the default engine', async () => {
    onRemote('buildx', 'prune', '-af');
    const result = await run({ images: image });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.outputs.built).toBe('true');
    expect(result.outputs['cache-hit']).toBe('miss');
    expect(result.stdout).not.toContain('::notice::');
    expect(await registryDigest(`${image}:main`)).toBe(result.outputs.digest);
    expect(await registryDigest(`${image}:buildcache`)).toMatch(/^sha256:/);
    // The docker driver with the containerd image store keeps what it pushed.
    expect(onRemote('image', 'inspect', '--format', '{{.Id}}', `${image}:main`).trim()).toMatch(/^sha256:/);
    expect(() => onDefault('image', 'inspect', `${image}:main`)).toThrow();
    expect(onRemote('buildx', 'du', '--verbose')).toMatch(/mkdir -p \/deps/);

    // A shared builder that lost its cache gets it back from the registry.
    onRemote('buildx', 'prune', '-af');
    onRemote('image', 'prune', '-af');
    const again = await run({ images: image });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.outputs['cache-hit']).toBe('exact');
    const steps = summarySteps(again.summary).filter((step) => !/FROM/.test(step.name));
    expect(steps.length).toBeGreaterThanOrEqual(4);
    expect(steps.filter((step) => step.status !== 'cached')).toEqual([]);
  });

  it('a docker-driver engine without the containerd image store builds, its cache inline in the pushed image, after one warning', async () => {
    remoteBuilder('up', '--classic');
    // Its data root outlives the engine: start from an empty builder cache.
    onRemote('buildx', 'prune', '-af');
    expect(onRemote('info', '--format', '{{json .DriverStatus}}')).not.toContain('io.containerd.snapshotter.v1');
    const classicImage = `${stack.IMAGE_BUILD_REGISTRY}/${uniqueName('e2e/remote-classic')}`;
    const result = await run({ images: classicImage });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const warnings = result.stdout.split('\n').filter((line) => line.startsWith('::warning'));
    expect(warnings, result.stdout).toHaveLength(1);
    expect(warnings[0]).toContain(`builder "${context}"`);
    expect(warnings[0]).toContain('cannot export a build cache');
    expect(warnings[0]).toContain('containerd image store');
    expect(warnings[0]).toContain('the cache image of cache-backend: registry cannot be written by it either');
    expect(warnings[0]).toContain('the cache goes inline in the pushed image');
    expect(result.outputs['cache-saved']).toBe('true');
    expect(result.outputs.built).toBe('true');
    expect(await registryDigest(`${classicImage}:main`)).toBe(result.outputs.digest);
    expect(await registryDigest(`${classicImage}:buildcache`)).toBeUndefined();
    expect(await registryDigest(`${classicImage}:buildcache-record`)).toBeUndefined();
    expect(onRemote('image', 'inspect', '--format', '{{.Id}}', `${classicImage}:main`).trim()).toMatch(/^sha256:/);
  });

  it('the classic engine still reads the registry cache the containerd engine wrote', async () => {
    expect(await registryDigest(`${image}:buildcache`)).toMatch(/^sha256:/);
    fs.writeFileSync(path.join(workspace, 'src/hello.txt'), `Hello from a classic engine (${uniqueName('run')}).\n`);
    const reader = await run({ images: image }, 'b'.repeat(40));
    expect(reader.code, reader.stdout + reader.stderr).toBe(0);
    expect(reader.outputs['cache-hit']).toBe('partial');
    const steps = summarySteps(reader.summary);
    expect(steps.find((step) => /RUN mkdir -p \/deps/.test(step.name))?.status).toBe('cached');
    expect(steps.find((step) => /COPY src\//.test(step.name))?.status).toBe('run');
  });
});
