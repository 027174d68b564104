// Blob copies between registries are streams, so a retry cannot come from a buffer: a
// connection cut in the middle of a layer's upload starts the copy over with a new upload
// and a new download from the source registry. The stack's open registry is the source
// and its htpasswd registry the target, each behind a proxy of the test's own (the
// target's cuts the first upload of the layer after 4 MiB of its body).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../src/registry/client.ts';
import { copyImage } from '../../src/registry/copy.ts';
import { generatedLayer, pushBlob, pushBytes, putManifest, type GeneratedLayer } from './big-layer.ts';
import { startFlakyProxy, type FlakyProxy } from './flaky-proxy.ts';
import { stack, uniqueName } from './helpers.ts';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const open = stack.IMAGE_BUILD_REGISTRY!;
const auth = stack.IMAGE_BUILD_AUTH_REGISTRY!;

describe('a copy to another registry cut in the middle of a layer', () => {
  let source: FlakyProxy;
  let target: FlakyProxy;
  let layer: GeneratedLayer;
  const name = uniqueName('e2e/stream-copy');
  beforeAll(async () => {
    layer = await generatedLayer(32 * 1024 * 1024);
    await pushBlob(open, name, layer);
    const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [layer.digest] } }));
    const configDigest = await pushBytes(open, name, config);
    await putManifest(open, name, '1', {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: layer.digest, size: layer.size }],
    }, OCI_MANIFEST);
    source = await startFlakyProxy({ target: open, failures: 0 });
    const layerPut = new RegExp(`^PUT /v2/.+/blobs/uploads/.*${layer.digest.slice('sha256:'.length)}`);
    target = await startFlakyProxy({ target: auth, failures: 0, drop: { match: layerPut, count: 1, afterBytes: 4 * 1024 * 1024 } });
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('starts over: a new upload, the layer read again from the source; the image lands with its digest', async () => {
    const logs: string[] = [];
    const credentials = new Map([[target.host, { username: stack.IMAGE_BUILD_AUTH_USER!, password: stack.IMAGE_BUILD_AUTH_PASSWORD! }]]);
    const client = new RegistryClient({ credentials, log: (line) => logs.push(line), retryBaseDelayMs: 50 });
    const result = await copyImage(client, `${source.host}/${name}:1`, `${target.host}/${name}:1`, { crossRegistry: true });

    expect(target.droppedCount()).toBe(1);
    expect(result.copiedBlobs).toBe(2);
    expect(result.copiedBytes).toBeGreaterThan(layer.size);
    const hex = layer.digest.slice('sha256:'.length);
    const layerGets = source.requests.filter((request) => request.method === 'GET' && request.path.includes(hex));
    expect(layerGets, 'each upload reads the layer from the source anew').toHaveLength(2);
    const layerPuts = target.requests.filter((request) => request.method === 'PUT' && request.path.includes(hex));
    expect(layerPuts).toHaveLength(2);
    expect(logs.some((line) => line.includes(`upload of ${target.host}/${name}@${layer.digest} failed`) && line.includes('starting it over'))).toBe(true);
    // What the registry holds is the layer, whole.
    const stored = await client.getBlobStream(`${target.host}/${name}`, layer.digest, layer.size);
    let bytes = 0;
    for await (const chunk of stored.stream) bytes += chunk.byteLength;
    expect(bytes).toBe(layer.size);
    expect((await client.headManifest(`${target.host}/${name}:1`))?.digest).toBe(result.digest);
  });
});

describe('a source registry that stops answering in the middle of a copy', () => {
  let source: FlakyProxy;
  let layer: GeneratedLayer;
  const name = uniqueName('e2e/stream-stall');
  beforeAll(async () => {
    layer = await generatedLayer(1024 * 1024);
    await pushBlob(open, name, layer);
    source = await startFlakyProxy({ target: open, failures: 0, hold: new RegExp(`^GET /v2/.+/blobs/${layer.digest}`) });
  });
  afterAll(async () => {
    await source?.close();
  });

  it('fails after the stall limit with one error naming the source registry; the target gets no blob', async () => {
    const credentials = new Map([[auth, { username: stack.IMAGE_BUILD_AUTH_USER!, password: stack.IMAGE_BUILD_AUTH_PASSWORD! }]]);
    const client = new RegistryClient({ credentials, timeoutMs: 1_000, retries: 1, retryBaseDelayMs: 50 });
    const started = Date.now();
    const failure = await client.copyBlob(`${source.host}/${name}`, `${auth}/${name}`, layer).catch((error: Error) => error);
    expect((failure as Error).message).toBe(`GET blob on registry ${source.host} stalled: no data moved for 1000 ms (2 attempts)`);
    // Two uploads of two GETs each, a second apiece: bounded, not hung.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(source.heldCount()).toBe(4);
    expect(await client.headBlob(`${auth}/${name}`, layer.digest)).toBeUndefined();
  });
});
