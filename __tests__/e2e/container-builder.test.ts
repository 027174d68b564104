// docker/setup-buildx-action's builder: `docker-container`, on the host network or on a
// bridge (its default). The restored cache is served to it over HTTP while it downloads:
// on 127.0.0.1 for the host network, at the bridge's gateway (registry.insecure=true)
// otherwise. Needs a BuildKit image on the engine (moby/buildkit:buildx-stable-1, or
// IMAGE_BUILD_BUILDKIT_IMAGE); none can be pulled on the machines this suite runs on.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, dockerEnv, imagePresent, runAction, runnerTempDir, stack, summarySteps, uniqueName } from './helpers.ts';

const image = process.env.IMAGE_BUILD_BUILDKIT_IMAGE || 'moby/buildkit:buildx-stable-1';
const present = imagePresent(image);
if (!present) console.log(`container-builder.test.ts skipped: no BuildKit image ${image} on this engine (set IMAGE_BUILD_BUILDKIT_IMAGE to one that is)`);

/** An app whose dependency step is worth caching, on a base every network reaches (scratch). */
function workspace(): string {
  const dir = fs.mkdtempSync(path.join(runnerTempDir(), 'ws-'));
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'deps.bin'), Buffer.alloc(4 * 1024 * 1024, uniqueName('deps')));
  fs.writeFileSync(path.join(dir, 'src', 'app.txt'), 'one\n');
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\nCOPY deps.bin /deps/\nCOPY src/ /app/\n');
  return dir;
}

describe.skipIf(!present).each([
  ['host network', 'network=host', /served over HTTP as it downloads, to builder "[^"]+" \(docker-container, host network\) on 127\.0\.0\.1/],
  ['bridge network', '', /served over HTTP as it downloads, to builder "[^"]+" \(docker-container, bridge network\) at its gateway \d+\.\d+\.\d+\.\d+/],
])('a docker-container builder on the %s', (_, networkOpt, served) => {
  const builder = uniqueName('ib-container');
  const buildx = (...args: string[]) => execFileSync('docker', ['buildx', ...args], { env: dockerEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  // On a bridge the stack's open registry is at the gateway, in plain HTTP: BuildKit's own config says so.
  const gatewayRegistry = networkOpt ? undefined : stack.IMAGE_BUILD_GATEWAY_REGISTRY;

  beforeAll(() => {
    const config = gatewayRegistry && path.join(fs.mkdtempSync(path.join(runnerTempDir(), 'buildkitd-')), 'buildkitd.toml');
    if (config) fs.writeFileSync(config, `[registry."${gatewayRegistry}"]\n  http = true\n`);
    buildx('create', '--name', builder, '--driver', 'docker-container', '--driver-opt', [`image=${image}`, networkOpt].filter(Boolean).join(','), ...(config ? ['--buildkitd-config', config] : []), '--bootstrap');
  });
  afterAll(() => {
    buildx('rm', '--force', builder);
  });

  it('saves the cache, then serves it to a new builder on a change: the dependency step is cached', async () => {
    const dir = workspace();
    const runnerTemp = runnerTempDir();
    const inputs = { builder, push: 'false', 'cache-key-prefix': uniqueName('container') };
    const cold = await runAction({ workspace: dir, runnerTemp, inputs, sha: 'c'.repeat(40) });
    expect(cold.code, cold.stdout + cold.stderr).toBe(0);
    expect(cold.outputs['cache-saved'], cold.stdout).toBe('true');
    expect(cold.summary).toContain(`| builder | ${builder} (docker-container driver) |`);

    // A new runner: the builder's own cache is gone, the Actions cache is not.
    buildx('prune', '--builder', builder, '--all', '--force');
    fs.writeFileSync(path.join(dir, 'src', 'app.txt'), 'two\n');
    const change = await runAction({ workspace: dir, runnerTemp, inputs, sha: 'd'.repeat(40) });
    expect(change.code, change.stdout + change.stderr).toBe(0);
    expect(change.outputs['cache-hit']).toBe('partial');
    expect(change.stdout).toMatch(served);
    expect(change.summary).toContain('| travel | served over HTTP while it downloads |');
    const steps = summarySteps(change.summary);
    expect(steps.find((step) => step.name.startsWith('COPY deps.bin'))?.status, change.summary).toBe('cached');
    expect(steps.find((step) => step.name.startsWith('COPY src/'))?.status).toBe('run');
  });

  it('load: the imageid output is the ID the engine gives the loaded image', async () => {
    const name = uniqueName('e2e/container-load');
    const run = await runAction({ workspace: workspace(), runnerTemp: runnerTempDir(), inputs: { builder, images: name, push: 'false', load: 'true', cache: 'false' } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.imageid).toMatch(/^sha256:/);
    expect(run.outputs.imageid).toBe(docker('image', 'inspect', '--format', '{{.Id}}', `${name}:main`).trim());
  });

  it('pushes to the registry as the builder reaches it: on 127.0.0.1 from the host network, at the gateway from a bridge', async ({ skip }) => {
    if (!networkOpt && !gatewayRegistry) skip('the stack has no registry at its bridge\'s gateway (an external engine)');
    const target = `${gatewayRegistry ?? stack.IMAGE_BUILD_REGISTRY}/${uniqueName('e2e/container')}`;
    const run = await runAction({ workspace: workspace(), runnerTemp: runnerTempDir(), inputs: { builder, images: target, 'cache-key-prefix': uniqueName('container-push') } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.digest).toMatch(/^sha256:/);
  });
});
