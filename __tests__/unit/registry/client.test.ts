import nock from 'nock';
import { describe, expect, test } from 'vitest';
import { copyImage } from '../../../src/registry/copy.ts';
import {
  DOCKER_MANIFEST,
  DOCKER_MANIFEST_LIST,
  OCI_INDEX,
  OCI_MANIFEST,
  labelsOf,
  sha256Digest,
} from '../../../src/registry/manifest.ts';
import { RegistryError } from '../../../src/registry/registry-error.ts';
import { LOCAL_REGISTRY, LOCAL_URL, rejection, testClient, useNock } from './helpers.ts';

useNock();

const encode = (text: string) => new TextEncoder().encode(text);
const repo = `${LOCAL_REGISTRY}/org/app`;

// Odd but valid JSON formatting: re-serialising would change these bytes and so the digest.
const config = encode('{"architecture":"amd64","os":"linux","config":{"Labels":{"org.opencontainers.image.revision":"abc","image-build.fingerprint":"sha256:f00"}}}');
const configDigest = sha256Digest(config);
const layerDigest = `sha256:${'3'.repeat(64)}`;
const manifestBytes = encode(
  `{\n   "schemaVersion": 2,\n   "mediaType": "${OCI_MANIFEST}",\n   "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": "${configDigest}", "size": ${config.length}},\n   "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": "${layerDigest}", "size": 1234}]\n}\n`,
);
const manifestDigest = sha256Digest(manifestBytes);
const armDigest = `sha256:${'4'.repeat(64)}`;
const attestationDigest = `sha256:${'5'.repeat(64)}`;
const indexBytes = encode(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: [
      { mediaType: OCI_MANIFEST, digest: armDigest, size: 500, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
      { mediaType: OCI_MANIFEST, digest: manifestDigest, size: manifestBytes.length, platform: { os: 'linux', architecture: 'amd64' } },
      {
        mediaType: OCI_MANIFEST,
        digest: attestationDigest,
        size: 400,
        platform: { os: 'unknown', architecture: 'unknown' },
        annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
      },
    ],
  }),
);
const indexDigest = sha256Digest(indexBytes);

const open = () => nock(LOCAL_URL).get('/v2/').reply(200, '{}');
const serve = (path: string, bytes: Uint8Array, mediaType: string) =>
  nock(LOCAL_URL)
    .get(path)
    .reply(200, Buffer.from(bytes), { 'Content-Type': mediaType, 'Docker-Content-Digest': sha256Digest(bytes) });

describe('manifests and media types', () => {
  test('Accept names OCI index, OCI manifest, Docker list and Docker v2 manifest', async () => {
    open();
    let accept = '';
    nock(LOCAL_URL)
      .get('/v2/org/app/manifests/1')
      .reply(function (request: Request) {
        accept = request.headers.get('accept') ?? '';
        return [200, Buffer.from(manifestBytes), { 'Content-Type': OCI_MANIFEST }];
      });
    const { client } = testClient();
    await client.getManifest(`${repo}:1`);
    expect(accept.split(/,\s*/).sort()).toEqual([DOCKER_MANIFEST, DOCKER_MANIFEST_LIST, OCI_INDEX, OCI_MANIFEST].sort());
  });

  test('an index comes back as an index, with its exact bytes and digest', async () => {
    open();
    serve('/v2/org/app/manifests/multi', indexBytes, OCI_INDEX);
    const { client } = testClient();
    const manifest = await client.getManifest(`${repo}:multi`);
    expect(manifest.mediaType).toBe(OCI_INDEX);
    expect(manifest.digest).toBe(indexDigest);
    expect(manifest.size).toBe(indexBytes.length);
    expect(Buffer.from(manifest.body).equals(Buffer.from(indexBytes))).toBe(true);
    expect('manifests' in manifest.json && manifest.json.manifests).toHaveLength(3);
  });

  test('a Docker v2 manifest keeps its media type; content-type parameters are dropped', async () => {
    open();
    const docker = encode(JSON.stringify({ schemaVersion: 2, mediaType: DOCKER_MANIFEST, config: {}, layers: [] }));
    nock(LOCAL_URL).get('/v2/org/app/manifests/d').reply(200, Buffer.from(docker), { 'Content-Type': `${DOCKER_MANIFEST}; charset=utf-8` });
    const { client } = testClient();
    expect((await client.getManifest(`${repo}:d`)).mediaType).toBe(DOCKER_MANIFEST);
  });

  test('headManifest: digest, type and size from headers; undefined on 404', async () => {
    open();
    nock(LOCAL_URL)
      .head('/v2/org/app/manifests/multi')
      .reply(200, undefined, { 'Content-Type': OCI_INDEX, 'Docker-Content-Digest': indexDigest, 'Content-Length': String(indexBytes.length) });
    nock(LOCAL_URL).head('/v2/org/app/manifests/missing').reply(404);
    const { client } = testClient();
    expect(await client.headManifest(`${repo}:multi`)).toEqual({ digest: indexDigest, mediaType: OCI_INDEX, size: indexBytes.length });
    expect(await client.headManifest(`${repo}:missing`)).toBeUndefined();
  });

  test('headManifest without a digest header falls back to GET', async () => {
    open();
    nock(LOCAL_URL).head('/v2/org/app/manifests/1').reply(200, undefined, { 'Content-Type': OCI_MANIFEST });
    serve('/v2/org/app/manifests/1', manifestBytes, OCI_MANIFEST);
    const { client } = testClient();
    expect((await client.headManifest(`${repo}:1`))?.digest).toBe(manifestDigest);
  });

  test('missing manifests: undefined from the if-exists variant, a clear error from getManifest/resolveDigest', async () => {
    open();
    const unknown = { errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }] };
    nock(LOCAL_URL).get('/v2/org/app/manifests/gone').times(2).reply(404, unknown);
    nock(LOCAL_URL).head('/v2/org/app/manifests/gone').reply(404);
    const { client } = testClient();
    expect(await client.getManifestIfExists(`${repo}:gone`)).toBeUndefined();
    const error = await rejection(client.getManifest(`${repo}:gone`));
    expect(error.message).toBe('image 127.0.0.1:5000/org/app:gone not found on registry 127.0.0.1:5000');
    expect((error as RegistryError).code).toBe('MANIFEST_UNKNOWN');
    expect((await rejection(client.resolveDigest(`${repo}:gone`))).message).toMatch(/not found/);
  });

  test('bytes that do not match the requested digest are refused', async () => {
    open();
    nock(LOCAL_URL).get(`/v2/org/app/manifests/${indexDigest}`).reply(200, Buffer.from(manifestBytes), { 'Content-Type': OCI_MANIFEST });
    const { client } = testClient();
    const error = await rejection(client.getManifest(`${repo}@${indexDigest}`));
    expect(error.message).toMatch(/whose digest is sha256:[0-9a-f]{64}, not sha256:/);
  });
});

describe('retag', () => {
  test('PUT sends exactly the bytes GET returned, so the digest is the same', async () => {
    open();
    serve('/v2/org/app/manifests/sha-abc', manifestBytes, OCI_MANIFEST);
    let putBody: Buffer | undefined;
    let putType: string | null = null;
    nock(LOCAL_URL)
      .put('/v2/org/app/manifests/1.2.3')
      .reply(async function (request: Request) {
        putBody = Buffer.from(await request.arrayBuffer());
        putType = request.headers.get('content-type');
        return [201, '', { 'Docker-Content-Digest': sha256Digest(putBody), Location: `/v2/org/app/manifests/${sha256Digest(putBody)}` }];
      });
    const { client } = testClient();
    const source = await client.getManifest(`${repo}:sha-abc`);
    const digest = await client.putManifest(repo, '1.2.3', source.body, source.mediaType);
    expect(putBody?.equals(Buffer.from(manifestBytes))).toBe(true);
    expect(putType).toBe(OCI_MANIFEST);
    expect(digest).toBe(source.digest);
    expect(digest).toBe(manifestDigest);
  });

  test('a registry that stores a different digest is an error', async () => {
    open();
    nock(LOCAL_URL).put('/v2/org/app/manifests/1').reply(201, '', { 'Docker-Content-Digest': indexDigest });
    const { client } = testClient();
    const error = await rejection(client.putManifest(repo, '1', manifestBytes, OCI_MANIFEST));
    expect(error.message).toMatch(/stored manifest .* as sha256:/);
  });

  test('a manifest whose blobs are missing: the registry says which error', async () => {
    open();
    nock(LOCAL_URL)
      .put('/v2/other/app/manifests/1')
      .reply(400, { errors: [{ code: 'MANIFEST_BLOB_UNKNOWN', message: 'blob unknown to registry' }] });
    const { client } = testClient();
    const error = await rejection(client.putManifest(`${LOCAL_REGISTRY}/other/app`, '1', manifestBytes, OCI_MANIFEST));
    expect(error.message).toBe('PUT 127.0.0.1:5000/other/app:1: registry 127.0.0.1:5000 answered 400: MANIFEST_BLOB_UNKNOWN blob unknown to registry');
    expect((error as RegistryError).code).toBe('MANIFEST_BLOB_UNKNOWN');
  });

  test('copyImage within a repository: one GET, one PUT, no blob requests', async () => {
    open();
    serve('/v2/org/app/manifests/sha-abc', indexBytes, OCI_INDEX);
    nock(LOCAL_URL).put('/v2/org/app/manifests/latest', Buffer.from(indexBytes)).reply(201, '', { 'Docker-Content-Digest': indexDigest });
    const { client } = testClient();
    const result = await copyImage(client, `${repo}:sha-abc`, `${repo}:latest`);
    expect(result).toEqual({ digest: indexDigest, mediaType: OCI_INDEX, mountedBlobs: 0, presentBlobs: 0, copiedBlobs: 0, copiedBytes: 0, manifestsPut: 1 });
    expect(client.requestCounts()).toEqual({ 'GET manifest': 1, 'GET ping': 1, 'PUT manifest': 1 });
  });

  test('copyImage to another repository mounts the missing blobs, then PUTs', async () => {
    open();
    serve('/v2/org/app/manifests/1', manifestBytes, OCI_MANIFEST);
    nock(LOCAL_URL).head(`/v2/mirror/app/blobs/${configDigest}`).reply(200, undefined, { 'Content-Length': String(config.length) });
    nock(LOCAL_URL).head(`/v2/mirror/app/blobs/${layerDigest}`).reply(404);
    nock(LOCAL_URL)
      .post('/v2/mirror/app/blobs/uploads/')
      .query({ mount: layerDigest, from: 'org/app' })
      .reply(201, '', { Location: `/v2/mirror/app/blobs/${layerDigest}` });
    nock(LOCAL_URL).put('/v2/mirror/app/manifests/1', Buffer.from(manifestBytes)).reply(201, '', { 'Docker-Content-Digest': manifestDigest });
    const { client } = testClient();
    const result = await copyImage(client, `${repo}:1`, `${LOCAL_REGISTRY}/mirror/app:1`);
    expect(result).toEqual({ digest: manifestDigest, mediaType: OCI_MANIFEST, mountedBlobs: 1, presentBlobs: 1, copiedBlobs: 0, copiedBytes: 0, manifestsPut: 1 });
  });

  test('copyImage across registries is refused', async () => {
    const { client } = testClient();
    const error = await rejection(copyImage(client, `${repo}:1`, 'ghcr.io/org/app:1'));
    expect(error.message).toMatch(/the registries differ/);
  });
});

describe('blobs', () => {
  test('mount: 201 means mounted', async () => {
    open();
    nock(LOCAL_URL)
      .post('/v2/to/app/blobs/uploads/')
      .query({ mount: layerDigest, from: 'from/app' })
      .reply(201, '', { Location: `/v2/to/app/blobs/${layerDigest}`, 'Docker-Content-Digest': layerDigest });
    const { client } = testClient();
    expect(await client.mountBlob(`${LOCAL_REGISTRY}/from/app`, `${LOCAL_REGISTRY}/to/app`, layerDigest)).toBe(true);
  });

  test('mount: 202 means not mounted, and the upload it opened is cancelled', async () => {
    open();
    nock(LOCAL_URL)
      .post('/v2/to/app/blobs/uploads/')
      .query({ mount: layerDigest, from: 'from/app' })
      .reply(202, '', { Location: '/v2/to/app/blobs/uploads/0b1d-uuid?_state=abc', 'Docker-Upload-UUID': '0b1d-uuid' });
    nock(LOCAL_URL).delete('/v2/to/app/blobs/uploads/0b1d-uuid').query({ _state: 'abc' }).reply(204);
    const { client } = testClient();
    expect(await client.mountBlob(`${LOCAL_REGISTRY}/from/app`, `${LOCAL_REGISTRY}/to/app`, layerDigest)).toBe(false);
    expect(client.requestCounts()).toEqual({ 'DELETE upload': 1, 'GET ping': 1, 'POST upload': 1 });
  });

  test('mount asks for push on the target and pull on the source', async () => {
    nock('https://reg.test').get('/v2/').reply(401, '', { 'WWW-Authenticate': 'Bearer realm="https://reg.test/token",service="reg"' });
    nock('https://reg.test')
      .get('/token')
      .query({ service: 'reg', scope: ['repository:to/app:pull,push', 'repository:from/app:pull'] })
      .reply(200, { token: 't' });
    nock('https://reg.test').post('/v2/to/app/blobs/uploads/').query(true).reply(201);
    const { client } = testClient();
    expect(await client.mountBlob('reg.test/from/app', 'reg.test/to/app', layerDigest)).toBe(true);
  });

  test('headBlob: size, or undefined', async () => {
    open();
    nock(LOCAL_URL).head(`/v2/org/app/blobs/${layerDigest}`).reply(200, undefined, { 'Content-Length': '1234' });
    nock(LOCAL_URL).head(`/v2/org/app/blobs/${configDigest}`).reply(404);
    const { client } = testClient();
    expect(await client.headBlob(repo, layerDigest)).toEqual({ digest: layerDigest, size: 1234 });
    expect(await client.headBlob(repo, configDigest)).toBeUndefined();
  });
});

describe('tags', () => {
  test('follows Link pagination', async () => {
    open();
    nock(LOCAL_URL)
      .get('/v2/org/app/tags/list')
      .query({ n: '1000' })
      .reply(200, { name: 'org/app', tags: ['1', '1.2'] }, { Link: '</v2/org/app/tags/list?last=1.2&n=1000>; rel="next"' });
    nock(LOCAL_URL)
      .get('/v2/org/app/tags/list')
      .query({ last: '1.2', n: '1000' })
      .reply(200, { name: 'org/app', tags: ['1.2.3', 'latest'] });
    const { client } = testClient();
    expect(await client.listTags(repo)).toEqual(['1', '1.2', '1.2.3', 'latest']);
    expect(client.requestCounts()['GET tags']).toBe(2);
  });

  test('an unknown repository has no tags', async () => {
    open();
    nock(LOCAL_URL).get('/v2/new/app/tags/list').query(true).reply(404, { errors: [{ code: 'NAME_UNKNOWN' }] });
    const { client } = testClient();
    expect(await client.listTags(`${LOCAL_REGISTRY}/new/app`)).toEqual([]);
  });

  test('a Link to another host is not followed', async () => {
    open();
    nock(LOCAL_URL)
      .get('/v2/org/app/tags/list')
      .query(true)
      .reply(200, { tags: ['1'] }, { Link: '<https://evil.test/v2/org/app/tags/list?last=1>; rel="next"' });
    const { client } = testClient();
    expect(await client.listTags(repo)).toEqual(['1']);
  });
});

describe('platforms and configs', () => {
  test('resolveDigest returns the index digest; resolvePlatformDigest the amd64 manifest', async () => {
    open();
    nock(LOCAL_URL)
      .head('/v2/base/busybox/manifests/1')
      .reply(200, undefined, { 'Content-Type': OCI_INDEX, 'Docker-Content-Digest': indexDigest });
    serve('/v2/base/busybox/manifests/1', indexBytes, OCI_INDEX);
    const { client } = testClient();
    expect(await client.resolveDigest(`${LOCAL_REGISTRY}/base/busybox:1`)).toBe(indexDigest);
    expect(await client.resolvePlatformDigest(`${LOCAL_REGISTRY}/base/busybox:1`)).toBe(manifestDigest);
  });

  test('resolvePlatformDigest picks arm64 (implied v8) and lists what exists when missing', async () => {
    open();
    serve('/v2/base/busybox/manifests/1', indexBytes, OCI_INDEX);
    serve('/v2/base/busybox/manifests/1', indexBytes, OCI_INDEX);
    serve('/v2/base/busybox/manifests/1', indexBytes, OCI_INDEX);
    const { client } = testClient();
    expect(await client.resolvePlatformDigest(`${LOCAL_REGISTRY}/base/busybox:1`, 'linux/arm64')).toBe(armDigest);
    expect(await client.resolvePlatformDigest(`${LOCAL_REGISTRY}/base/busybox:1`, 'linux/arm64/v8')).toBe(armDigest);
    const error = await rejection(client.resolvePlatformDigest(`${LOCAL_REGISTRY}/base/busybox:1`, 'linux/s390x'));
    expect(error.message).toBe(
      'image 127.0.0.1:5000/base/busybox:1 has no linux/s390x manifest (it has: linux/arm64/v8, linux/amd64)',
    );
  });

  test('a single-platform image is its own platform manifest', async () => {
    open();
    serve('/v2/org/app/manifests/1', manifestBytes, OCI_MANIFEST);
    const { client } = testClient();
    expect(await client.resolvePlatformDigest(`${repo}:1`)).toBe(manifestDigest);
  });

  test('getConfig reads the labels of a single-platform image', async () => {
    open();
    serve('/v2/org/app/manifests/1', manifestBytes, OCI_MANIFEST);
    nock(LOCAL_URL).get(`/v2/org/app/blobs/${configDigest}`).reply(200, Buffer.from(config));
    const { client } = testClient();
    const imageConfig = await client.getConfig(`${repo}:1`);
    expect(labelsOf(imageConfig)).toEqual({ 'org.opencontainers.image.revision': 'abc', 'image-build.fingerprint': 'sha256:f00' });
    expect(imageConfig.architecture).toBe('amd64');
  });

  test('getConfig on an index follows the amd64 manifest', async () => {
    open();
    serve('/v2/org/app/manifests/multi', indexBytes, OCI_INDEX);
    serve(`/v2/org/app/manifests/${manifestDigest}`, manifestBytes, OCI_MANIFEST);
    nock(LOCAL_URL).get(`/v2/org/app/blobs/${configDigest}`).reply(200, Buffer.from(config));
    const { client } = testClient();
    expect(labelsOf(await client.getConfig(`${repo}:multi`))['image-build.fingerprint']).toBe('sha256:f00');
  });

  test('a config blob that does not match its digest is refused', async () => {
    open();
    serve('/v2/org/app/manifests/1', manifestBytes, OCI_MANIFEST);
    nock(LOCAL_URL).get(`/v2/org/app/blobs/${configDigest}`).reply(200, '{"tampered":true}');
    const { client } = testClient();
    expect((await rejection(client.getConfig(`${repo}:1`))).message).toMatch(/does not match its digest/);
  });
});

test('registry error bodies: code, message, and a string detail when there is one', async () => {
  const { registryErrorOf } = await import('../../../src/registry/registry-error.ts');
  const body = (value: unknown) => encode(JSON.stringify(value));
  expect(registryErrorOf(body({ errors: [{ code: 'MANIFEST_INVALID', message: 'manifest invalid', detail: {} }] }))).toEqual({
    code: 'MANIFEST_INVALID',
    text: 'manifest invalid',
  });
  expect(registryErrorOf(body({ errors: [{ code: 'DENIED', message: 'denied', detail: 'no push to org/app' }] }))?.text).toBe(
    'denied (no push to org/app)',
  );
  expect(registryErrorOf(body({ errors: [{ code: 'NAME_UNKNOWN' }] }))?.text).toBe('name unknown');
  expect(registryErrorOf(encode('<html>502 Bad Gateway</html>'))).toBeUndefined();
  expect(registryErrorOf(new Uint8Array())).toBeUndefined();
});
