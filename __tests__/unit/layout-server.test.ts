// The registry that serves a restored cache folder to the engine (src/cache/layout-server.ts):
// the distribution API subset BuildKit's registry cache import uses, over a real socket.
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRange, serveLayout, type LayoutServer } from '../../src/cache/layout-server.ts';

const INDEX_TYPE = 'application/vnd.oci.image.index.v1+json';
const digestOf = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

let dir: string;
let server: LayoutServer;
let base: string;
/** `http://127.0.0.1:<port>/v2/<the server's repository>` */
let repo: string;
const layer = Buffer.from('0123456789abcdefghij');
const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: INDEX_TYPE, manifests: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: digestOf(layer), size: layer.length }] }));

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'layout-server-test-'));
  await mkdir(path.join(dir, 'blobs', 'sha256'), { recursive: true });
  for (const blob of [layer, manifest]) await writeFile(path.join(dir, 'blobs', 'sha256', digestOf(blob).slice(7)), blob);
  await writeFile(
    path.join(dir, 'index.json'),
    JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: INDEX_TYPE, digest: digestOf(manifest), size: manifest.length, annotations: { 'org.opencontainers.image.ref.name': 'latest' } }] }),
  );
  server = await serveLayout(dir);
  base = `http://${server.ref.split('/')[0]}`;
  repo = `${base}/v2/${server.ref.split('/')[1]!.split(':')[0]}`;
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('layout server', () => {
  it('names itself on 127.0.0.1 with a tag BuildKit can import, in a repository no one can guess', () => {
    expect(server.ref).toMatch(/^127\.0\.0\.1:\d+\/image-build-cache-[0-9a-f]{32}:latest$/);
  });

  it('answers the version check', async () => {
    const response = await fetch(`${base}/v2/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('docker-distribution-api-version')).toBe('registry/2.0');
  });

  it('resolves the tag to the cache manifest with its media type, digest and size', async () => {
    const head = await fetch(`${repo}/manifests/latest`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe(INDEX_TYPE);
    expect(head.headers.get('docker-content-digest')).toBe(digestOf(manifest));
    expect(Number(head.headers.get('content-length'))).toBe(manifest.length);
    const byDigest = await fetch(`${repo}/manifests/${digestOf(manifest)}`);
    expect(Buffer.from(await byDigest.arrayBuffer())).toEqual(manifest);
    expect(byDigest.headers.get('content-type')).toBe(INDEX_TYPE);
  });

  it('serves blobs whole and by range', async () => {
    const whole = await fetch(`${repo}/blobs/${digestOf(layer)}`);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(layer);
    const part = await fetch(`${repo}/blobs/${digestOf(layer)}`, { headers: { Range: 'bytes=10-' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${layer.length}`);
    expect(await part.text()).toBe('abcdefghij');
    const beyond = await fetch(`${repo}/blobs/${digestOf(layer)}`, { headers: { Range: 'bytes=99-' } });
    expect(beyond.status).toBe(416);
  });

  it.each([
    ['an unknown blob', 'GET', `REPO/blobs/sha256:${'0'.repeat(64)}`, 404, 'BLOB_UNKNOWN'],
    ['an unknown tag', 'GET', 'REPO/manifests/other', 404, 'MANIFEST_UNKNOWN'],
    ['a blob name that is not a digest', 'GET', 'REPO/blobs/..%2f..%2findex.json', 404, 'BLOB_UNKNOWN'],
    ['another repository', 'GET', `/v2/image-build-cache/blobs/${digestOf(layer)}`, 404, 'NAME_UNKNOWN'],
    ['a path outside the API', 'GET', '/index.json', 404, 'NAME_UNKNOWN'],
    ['an upload', 'POST', 'REPO/blobs/uploads/', 405, 'UNSUPPORTED'],
  ])('refuses %s', async (_, method, url, status, code) => {
    const response = await fetch(url.startsWith('REPO') ? `${repo}${url.slice(4)}` : `${base}${url}`, { method });
    expect(response.status).toBe(status);
    expect(((await response.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe(code);
  });

  it('counts the content it served', async () => {
    const before = server.served();
    await (await fetch(`${repo}/blobs/${digestOf(layer)}`)).arrayBuffer();
    await fetch(`${repo}/blobs/${digestOf(layer)}`, { method: 'HEAD' });
    expect(server.served()).toBe(before + 1);
  });
});

describe('probe: does the engine reach the server?', () => {
  /** A `docker` on PATH that pulls by fetching the manifest itself (an engine on this host), or does nothing (an engine elsewhere). */
  async function fakeDocker(reaches: boolean): Promise<NodeJS.ProcessEnv> {
    const bin = await mkdtemp(path.join(tmpdir(), 'fake-docker-'));
    const fetchScript = `const ref = process.argv.at(-1); const [host, rest] = [ref.slice(0, ref.indexOf('/')), ref.slice(ref.indexOf('/') + 1)]; const [name, tag] = rest.split(':'); fetch('http://' + host + '/v2/' + name + '/manifests/' + tag, { method: 'HEAD' }).finally(() => process.exit(1));`;
    await writeFile(path.join(bin, 'docker'), reaches ? `#!/bin/sh\nexec "${process.execPath}" -e "${fetchScript.replace(/"/g, '\\"')}" "$@"\n` : '#!/bin/sh\nexit 1\n');
    await chmod(path.join(bin, 'docker'), 0o755);
    return { ...process.env, PATH: `${bin}:${process.env.PATH}` };
  }

  it('is true when the pull request arrives, false when it never does', async () => {
    expect(await server.probe(await fakeDocker(true))).toBe(true);
    expect(await server.probe(await fakeDocker(false))).toBe(false);
  });

  it('is false when there is no docker at all', async () => {
    expect(await server.probe({ ...process.env, PATH: '/nonexistent' })).toBe(false);
  });
});

describe('parseRange', () => {
  it.each([
    [undefined, 10, undefined],
    ['bytes=0-4', 10, [0, 4]],
    ['bytes=5-', 10, [5, 9]],
    ['bytes=-3', 10, [7, 9]],
    ['bytes=8-20', 10, [8, 9]],
    ['bytes=10-', 10, 'unsatisfiable'],
    ['bytes=6-2', 10, 'unsatisfiable'],
    ['bytes=0-1,4-5', 10, undefined],
    ['items=0-1', 10, undefined],
  ] as const)('%s of %i bytes → %j', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});
