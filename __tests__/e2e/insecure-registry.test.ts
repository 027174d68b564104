// A registry the engine lists as insecure, at an address other than loopback: the stack's
// open registry at its bridge's gateway (scripts/stack.sh lists that address in the
// engine's insecure-registries). The engine pushes there in plain HTTP, and image-build's
// own registry client, after HTTPS fails, follows the engine's word: the base image's
// lookup, the push check, the fingerprint lookup and the retag of a rerun all go there.
import { describe, expect, it } from 'vitest';
import { docker, exampleWorkspace, freshRunner, logSize, manifestPuts, registryDigest, runAction, runnerTempDir, stack, uniqueName } from './helpers.ts';

const gateway = stack.IMAGE_BUILD_GATEWAY_REGISTRY;
const listed = gateway && (JSON.parse(docker('info', '--format', '{{json .RegistryConfig}}')) as { InsecureRegistryCIDRs?: string[] }).InsecureRegistryCIDRs?.includes(`${stack.IMAGE_BUILD_GATEWAY}/32`);
const skipped = !gateway
  ? 'the stack has no registry at its bridge\'s gateway (an external engine)'
  : !listed
    ? `the stack's engine does not list ${stack.IMAGE_BUILD_GATEWAY} as an insecure registry (started before it did: scripts/stack.sh down, then up)`
    : undefined;
if (skipped) console.log(`insecure-registry.test.ts skipped: ${skipped}`);

describe.skipIf(!!skipped)('a registry the engine lists as insecure, at the bridge\'s gateway', () => {
  const repository = uniqueName('e2e/insecure');
  const image = `${gateway}/${repository}`;
  const inputs = { images: image, 'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE!.replace(stack.IMAGE_BUILD_REGISTRY!, gateway!)}`, 'cache-key-prefix': uniqueName('insecure') };
  const workspace = exampleWorkspace();
  const runnerTemp = runnerTempDir();
  const sha = 'fedcba9876543210fedcba9876543210fedcba98';

  it('pushes there, then a rerun of the commit reuses the image without a build', async () => {
    const first = await runAction({ workspace, runnerTemp, inputs, sha });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.outputs.built).toBe('true');
    expect(first.stdout).toContain(`${gateway}: plain HTTP, as the engine lists it among its insecure registries`);
    expect(await registryDigest(`${image}:main`)).toBe(first.outputs.digest);

    freshRunner();
    const logStart = logSize();
    const rerun = await runAction({ workspace, runnerTemp, inputs, sha });
    expect(rerun.code, rerun.stdout + rerun.stderr).toBe(0);
    expect(rerun.outputs.built).toBe('false');
    expect(rerun.outputs.digest).toBe(first.outputs.digest);
    expect(rerun.summary).toContain('no build');
    expect(manifestPuts(repository, logStart)).toEqual([]);
  });
});
