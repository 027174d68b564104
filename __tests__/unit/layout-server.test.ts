// The registry that serves a restored cache folder to the engine (src/cache/layout-server.ts):
// the distribution API subset BuildKit's registry cache import uses, over a real socket.
import { createHash } from 'node:crypto';
import { appendFile, chmod, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobArrivals } from '../../src/cache/arrivals.ts';
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

describe('a blob that streams in while the engine reads it', () => {
  const bytes = Buffer.concat([Buffer.alloc(300_000, 1), Buffer.alloc(300_000, 2)]);
  const digest = digestOf(bytes);
  const half = bytes.length / 2;

  /** A fresh folder and server whose one blob is expected from the cache service. */
  async function growingBlob(name: string) {
    const folder = path.join(dir, name);
    await mkdir(path.join(folder, 'blobs', 'sha256'), { recursive: true });
    const local = await serveLayout(folder);
    const arrivals = new BlobArrivals();
    arrivals.expect([digest]);
    local.awaitBlobs((wanted) => arrivals.wait(wanted), (wanted) => arrivals.readable(wanted));
    const url = `http://${local.ref.split('/')[0]}/v2/${local.ref.split('/')[1]!.split(':')[0]}/blobs/${digest}`;
    const part = path.join(folder, 'part');
    await writeFile(part, '');
    const growth = arrivals.growing(digest, part, bytes.length);
    const response = await fetch(url);
    return { folder, local, arrivals, part, growth, response, reader: response.body!.getReader() };
  }

  /** Reads from the response until `count` bytes have come. */
  async function readAtLeast(reader: ReadableStreamDefaultReader<Uint8Array>, count: number, seen: Buffer[] = []): Promise<Buffer[]> {
    while (Buffer.concat(seen).length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      seen.push(Buffer.from(value));
    }
    return seen;
  }

  it('sends each write as it lands, and the whole blob once the stream ends', async () => {
    const { folder, local, arrivals, part, growth, response, reader } = await growingBlob('growing-whole');
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBe(bytes.length);
    await appendFile(part, bytes.subarray(0, half));
    growth.wrote(half);
    // The first half is out before the second is written at all.
    const seen = await readAtLeast(reader, half);
    expect(Buffer.concat(seen)).toEqual(bytes.subarray(0, half));
    await appendFile(part, bytes.subarray(half));
    growth.wrote(bytes.length - half);
    await rename(part, path.join(folder, 'blobs', 'sha256', digest.slice(7)));
    arrivals.arrived(digest, true);
    expect(digestOf(Buffer.concat(await readAtLeast(reader, bytes.length + 1, seen)))).toBe(digest);
    await local.close();
  });

  it('a stream that breaks off is followed by the blob that arrives after it', async () => {
    const { folder, local, arrivals, part, growth, reader } = await growingBlob('growing-interrupted');
    await appendFile(part, bytes.subarray(0, half));
    growth.wrote(half);
    const seen = await readAtLeast(reader, half);
    growth.interrupted();
    await writeFile(path.join(folder, 'blobs', 'sha256', digest.slice(7)), bytes);
    arrivals.arrived(digest, true);
    expect(digestOf(Buffer.concat(await readAtLeast(reader, bytes.length + 1, seen)))).toBe(digest);
    await local.close();
  });

  it('a blob that breaks off and never arrives ends the response short, so the read fails', async () => {
    const { local, arrivals, part, growth, reader } = await growingBlob('growing-lost');
    await appendFile(part, bytes.subarray(0, half));
    growth.wrote(half);
    const seen = await readAtLeast(reader, half);
    growth.interrupted();
    arrivals.arrived(digest, false);
    await expect(readAtLeast(reader, bytes.length + 1, seen)).rejects.toThrow();
    await local.close();
  });
});
