// A reused image with one 1 GiB layer, found by its fingerprint on one registry and
// copied to a second (the stack's open registry to a token registry of the test's own),
// in bounded memory: the action's peak RSS is measured from outside by /usr/bin/time
// (Buffers live outside the V8 heap, so only the process's resident set tells). The layer
// is made on the fly (big-layer.ts), never on disk; the token registry's storage goes
// when the test ends, and the open registry keeps one copy of the layer whatever the
// number of runs (the bytes are the same each time).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINGERPRINT_LABEL } from '../../src/pipeline/fingerprint.ts';
import { generatedLayer, pushBlob, pushBytes, putManifest, type GeneratedLayer } from './big-layer.ts';
import { exampleWorkspace, runAction, runnerTempDir, stack, uniqueName } from './helpers.ts';
import { startTokenRegistry, type TokenRegistry } from './token-registry.ts';

const LAYER_FILE_BYTES = Number(process.env.IMAGE_BUILD_BIG_LAYER_MIB ?? 1024) * 1024 * 1024;
/** Node and the action's code take about 100 MB; a copy adds its stream buffers, not its size. */
const PEAK_RSS_BOUND_MB = 300;
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const open = stack.IMAGE_BUILD_REGISTRY!;

function freeDiskBytes(dir: string): number {
  const stats = fs.statfsSync(dir);
  return stats.bavail * stats.bsize;
}

describe.skipIf(!fs.existsSync('/usr/bin/time'))('a 1 GiB layer copied to another registry', () => {
  let tokens: TokenRegistry;
  let layer: GeneratedLayer;
  beforeAll(async () => {
    // The open registry holds the layer once, the token registry's temporary folder once more.
    const needed = 3 * LAYER_FILE_BYTES;
    if (freeDiskBytes('/tmp') < needed) throw new Error(`this test needs ${needed >> 20} MiB free under /tmp`);
    tokens = await startTokenRegistry();
    layer = await generatedLayer(LAYER_FILE_BYTES);
  });
  afterAll(async () => {
    await tokens?.close();
  });

  it('the reused image reaches the second registry with the same digest, in bounded memory', async () => {
    const dir = exampleWorkspace();
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'ARG BASE\nFROM ${BASE}\nCOPY src/ /app/src/\n');
    const name = uniqueName('e2e/big-layer');
    const source = `${open}/${name}`;
    const target = `${tokens.host}/${name}`;
    const common = { 'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`, cache: 'false' };

    // The first run builds a small image for its fingerprint; the big image then takes its tags with that fingerprint.
    const first = await runAction({ workspace: dir, inputs: { images: source, ...common } });
    expect(first.code, first.stdout).toBe(0);
    const fingerprint = first.outputs.fingerprint!;
    expect(fingerprint).toMatch(/^sha256:/);
    await pushBlob(open, name, layer);
    const config = Buffer.from(
      JSON.stringify({
        architecture: 'amd64',
        os: 'linux',
        config: { Labels: { [FINGERPRINT_LABEL]: fingerprint } },
        rootfs: { type: 'layers', diff_ids: [layer.digest] },
        history: [{ created_by: 'generated 1 GiB layer' }],
      }),
    );
    const configDigest = await pushBytes(open, name, config);
    const manifest = {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: layer.digest, size: layer.size }],
    };
    for (const tag of first.outputs['tag-names']!.split('\n')) await putManifest(open, name, tag, manifest, OCI_MANIFEST);

    const logins = `registry=${tokens.host},username=${tokens.user},password=${tokens.password}`;
    const copy = await runAction({
      workspace: dir,
      runnerTemp: runnerTempDir(),
      inputs: { images: `${source}\n${target}`, logins, ...common },
      wrap: ['/usr/bin/time', '-f', 'peak-rss-kb=%M'],
    });
    const peakMb = Number(/peak-rss-kb=(\d+)/.exec(copy.stderr)![1]) / 1024;
    console.log(`copy of a ${(layer.size / 2 ** 20).toFixed(0)} MiB layer to another registry: ${copy.seconds.toFixed(1)} s, peak RSS ${peakMb.toFixed(0)} MB`);
    expect(copy.code, copy.stdout + copy.stderr).toBe(0);
    expect(copy.outputs.built, copy.stdout).toBe('false');
    const copied = new RegExp(`Tagged ${target}:\\S+ → (sha256:[0-9a-f]{64}) \\(copied from ${open}: 2 blobs, (\\d+) bytes\\)`).exec(copy.stdout);
    expect(copied, copy.stdout).not.toBeNull();
    expect(Number(copied![2])).toBeGreaterThan(layer.size);
    // Both tags of the second registry's repository: the blobs travel for the first only.
    expect(copy.stdout.match(/\(copied from /g), copy.stdout).toHaveLength(1);
    for (const tag of copy.outputs['tag-names']!.split('\n')) expect(await tokens.digest(`${target}:${tag}`), tag).toBe(copy.outputs.digest);

    expect(peakMb).toBeLessThan(PEAK_RSS_BOUND_MB);
  });
});
