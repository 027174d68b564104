// The registry cache backend's pure parts (references, Buildx specs, the record
// artifact) and the registry client's monolithic blob upload, against nock.
import nock from 'nock';
import { describe, expect, test } from 'vitest';
import {
  RECORD_ARTIFACT_TYPE,
  RECORD_LAYER_TYPE,
  RegistryCache,
  cacheManifestBytes,
  parseRecord,
  recordHit,
  recordLayerOf,
  recordManifest,
  recordRefOf,
  registryCacheExportError,
  registryCacheFrom,
  registryCacheRef,
  registryCacheTo,
} from '../../src/cache/registry-backend.ts';
import type { CacheRecord } from '../../src/cache/record.ts';
import { OCI_MANIFEST, sha256Digest } from '../../src/registry/manifest.ts';
import { LOCAL_REGISTRY, LOCAL_URL, testClient, useNock } from './registry/helpers.ts';

const record: CacheRecord = {
  version: 1,
  key: 'image-build-linux-x64-org_app-0123456789abcdef-fedcba9876543210',
  fingerprint: 'sha256:f00',
  contextHash: 'sha256:c0',
  dockerfileHash: 'sha256:d0',
  images: [{ ref: `${LOCAL_REGISTRY}/org/app:main`, digest: 'sha256:1234' }],
  manifest: 'AAAA',
  createdAt: '2026-11-28T00:00:00.000Z',
};

describe('cache and record references', () => {
  test('the default cache ref is <first image>:buildcache', () => {
    expect(registryCacheRef(undefined, 'ghcr.io/org/app')).toBe('ghcr.io/org/app:buildcache');
    expect(registryCacheRef('', '127.0.0.1:15000/org/app')).toBe('127.0.0.1:15000/org/app:buildcache');
  });

  test('cache-ref wins, and gets the buildcache tag when it has none', () => {
    expect(registryCacheRef('ghcr.io/org/cache:main', 'ghcr.io/org/app')).toBe('ghcr.io/org/cache:main');
    expect(registryCacheRef('ghcr.io/org/cache', undefined)).toBe('ghcr.io/org/cache:buildcache');
  });

  test('no image and no cache-ref, a digest, or a bad reference is an error naming cache-ref', () => {
    expect(() => registryCacheRef(undefined, undefined)).toThrow(/cache-ref/);
    expect(() => registryCacheRef(`ghcr.io/org/cache@sha256:${'a'.repeat(64)}`, undefined)).toThrow(/must name a tag/);
    expect(() => registryCacheRef('Not A Ref', undefined)).toThrow(/not a valid image reference/);
  });

  test('the record sits beside the cache: <tag>-record, within the 128-character tag limit', () => {
    expect(recordRefOf('ghcr.io/org/app:buildcache')).toBe('ghcr.io/org/app:buildcache-record');
    const long = recordRefOf(`ghcr.io/org/app:${'t'.repeat(128)}`);
    expect(long.split(':').pop()).toHaveLength(128);
    expect(long.endsWith('-record')).toBe(true);
  });

  test('Buildx specs', () => {
    expect(registryCacheFrom('ghcr.io/org/app:buildcache')).toBe('type=registry,ref=ghcr.io/org/app:buildcache');
    expect(registryCacheTo('ghcr.io/org/app:buildcache', 'max')).toBe('type=registry,ref=ghcr.io/org/app:buildcache,mode=max,ignore-error=true');
    expect(registryCacheExportError([{ name: 'exporting to image' }, { name: 'exporting cache to registry', error: 'unauthorized' }])).toBe('unauthorized');
    expect(registryCacheExportError([{ name: 'exporting cache to registry' }])).toBeUndefined();
  });
});

describe('the record artifact', () => {
  test('hit kinds: exact for this key, partial for another, miss without a record', () => {
    expect(recordHit(record, record.key)).toBe('exact');
    expect(recordHit(record, 'other-key')).toBe('partial');
    expect(recordHit(undefined, record.key)).toBe('miss');
  });

  test('an OCI manifest with our artifact type and one layer holding the JSON', () => {
    const bytes = new TextEncoder().encode(JSON.stringify(record));
    const manifest = JSON.parse(new TextDecoder().decode(recordManifest(bytes, record.createdAt)));
    expect(manifest).toMatchObject({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType: RECORD_ARTIFACT_TYPE,
      config: { mediaType: RECORD_ARTIFACT_TYPE, digest: sha256Digest(new TextEncoder().encode('{}')), size: 2 },
      layers: [{ mediaType: RECORD_LAYER_TYPE, digest: sha256Digest(bytes), size: bytes.length }],
    });
    expect(recordLayerOf(manifest)).toEqual(manifest.layers[0]);
  });

  test('a manifest of another kind (an image) is not taken for a record', () => {
    const image = { schemaVersion: 2, config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: 'sha256:1', size: 1 }, layers: [] };
    expect(recordLayerOf(image)).toBeUndefined();
  });

  test('records of another version or broken JSON are ignored', () => {
    expect(parseRecord(new TextEncoder().encode(JSON.stringify(record)))).toEqual(record);
    expect(parseRecord(new TextEncoder().encode(JSON.stringify({ ...record, version: 2 })))).toBeUndefined();
    expect(parseRecord(new TextEncoder().encode('{'))).toBeUndefined();
  });

  test('cache size: the blobs a BuildKit cache index lists', () => {
    expect(cacheManifestBytes({ schemaVersion: 2, manifests: [{ mediaType: 'x', digest: 'sha256:1', size: 100 }, { mediaType: 'y', digest: 'sha256:2', size: 23 }] })).toBe(123);
    expect(cacheManifestBytes({ schemaVersion: 2, config: { mediaType: 'c', digest: 'sha256:3', size: 7 }, layers: [{ mediaType: 'l', digest: 'sha256:4', size: 3 }] })).toBe(10);
  });
});

describe('against a registry (nock)', () => {
  useNock();
  const repo = `${LOCAL_REGISTRY}/org/app`;
  const open = () => nock(LOCAL_URL).get('/v2/').reply(200, '{}');

  test('uploadBlob: HEAD, then POST and one PUT of all the bytes with ?digest=', async () => {
    const bytes = new TextEncoder().encode('{"hello":"registry"}');
    const digest = sha256Digest(bytes);
    open();
    nock(LOCAL_URL)
      .head(`/v2/org/app/blobs/${digest}`)
      .reply(404)
      .post('/v2/org/app/blobs/uploads/')
      .reply(202, '', { Location: '/v2/org/app/blobs/uploads/abc?_state=xyz' })
      // Matched on the exact body: one PUT carries all the bytes.
      .put('/v2/org/app/blobs/uploads/abc', '{"hello":"registry"}')
      .query({ _state: 'xyz', digest })
      .reply(201, '', { 'Docker-Content-Digest': digest });
    const { client } = testClient();
    expect(await client.uploadBlob(repo, bytes)).toBe(digest);
  });

  test('uploadBlob: a blob the repository has is not uploaded again', async () => {
    const bytes = new TextEncoder().encode('{}');
    const digest = sha256Digest(bytes);
    open();
    nock(LOCAL_URL).head(`/v2/org/app/blobs/${digest}`).reply(200, '', { 'Content-Length': '2' });
    const { client } = testClient();
    expect(await client.uploadBlob(repo, bytes)).toBe(digest);
  });

  test('a lookup that fails is a warning and a miss, never an error', async () => {
    open();
    nock(LOCAL_URL).head('/v2/org/app/manifests/buildcache').reply(400, '{}').get('/v2/org/app/manifests/buildcache-record').reply(400, '{}');
    const warnings: string[] = [];
    const cache = new RegistryCache(testClient().client, `${repo}:buildcache`, (message) => warnings.push(message));
    expect(await cache.lookup(record.key)).toEqual({ hit: 'miss', cacheExists: false });
    expect(warnings.join('\n')).toMatch(/Registry cache lookup of .*buildcache failed/);
  });
});

describe('lookup (nock)', () => {
  useNock();
  const repo = `${LOCAL_REGISTRY}/org/app`;

  test('a record without its cache image is a miss that still carries the record', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(record));
    const manifest = recordManifest(bytes, record.createdAt);
    nock(LOCAL_URL).get('/v2/').reply(200, '{}');
    nock(LOCAL_URL)
      .head('/v2/org/app/manifests/buildcache')
      .reply(404)
      .get('/v2/org/app/manifests/buildcache-record')
      .reply(200, Buffer.from(manifest), { 'Content-Type': OCI_MANIFEST, 'Docker-Content-Digest': sha256Digest(manifest) })
      .get(`/v2/org/app/blobs/${sha256Digest(bytes)}`)
      .reply(200, Buffer.from(bytes));
    const cache = new RegistryCache(testClient().client, `${repo}:buildcache`, () => {});
    expect(await cache.lookup(record.key)).toEqual({ hit: 'miss', record, cacheExists: false });
  });
});
