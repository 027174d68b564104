// A pack streamed from the cache service (src/cache/pack-stream.ts) and the tar
// reader under it (src/cache/tar-reader.ts): archives written by the real GNU
// tar the way @actions/cache writes them, and entries saved by the real
// @actions/cache into the cache-service emulator.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as actionsCache from '@actions/cache';
import { cacheVersion, compressionMethod, downloadUrl, readArchive, StreamFailed, streamingService } from '../../src/cache/pack-stream.ts';
import { readTar, type TarSink } from '../../src/cache/tar-reader.ts';
import { startCacheService, useCacheService, type CacheService } from '../cache-service.ts';
import { content } from './synthetic-bytes.ts';

const KiB = 1024;
const MiB = 1024 * KiB;

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'pack-stream-test-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Files as @actions/cache archives them: `tar --posix -cf … -P -C <workspace> --files-from <list>`. */
async function archive(name: string, files: Record<string, Buffer>, folder = 'packs/key'): Promise<Buffer> {
  const workspace = path.join(root, name, 'workspace');
  const source = path.join(root, name, folder);
  await mkdir(source, { recursive: true });
  await mkdir(workspace, { recursive: true });
  for (const [file, bytes] of Object.entries(files)) await writeFile(path.join(source, file), bytes);
  const list = path.join(root, name, 'files.txt');
  await writeFile(list, `${path.relative(workspace, source)}\n`);
  const tarFile = path.join(root, name, 'archive.tar');
  execFileSync('tar', ['--posix', '-cf', tarFile, '-P', '-C', workspace, '--files-from', list]);
  return readFile(tarFile);
}

/** What readTar hands out, file by file, fed `chunkSize` bytes at a time. */
async function read(tar: Buffer, chunkSize: number): Promise<Record<string, string>> {
  async function* chunks() {
    for (let offset = 0; offset < tar.length; offset += chunkSize) yield tar.subarray(offset, offset + chunkSize);
  }
  const seen: Record<string, string> = {};
  await readTar(chunks(), ({ path: file, size }) => {
    const hash = createHash('sha256');
    let written = 0;
    const sink: TarSink = {
      write: (chunk) => {
        hash.update(chunk);
        written += chunk.length;
      },
      end: () => {
        expect(written).toBe(size);
        seen[path.basename(file)] = hash.digest('hex');
      },
    };
    return sink;
  });
  return seen;
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('reading the archives @actions/cache writes', () => {
  const files = {
    empty: Buffer.alloc(0),
    one: content('one', 1),
    'block-less-one': content('511', 511),
    block: content('512', 512),
    'block-and-one': content('513', 513),
    large: content('large', MiB + 3),
  };
  it.each([1, 7, 512, 4096, 65536, 10 * MiB])('takes out every regular file whole, fed %i bytes at a time', async (chunkSize) => {
    const tar = await archive(`sizes-${chunkSize}`, files);
    const expected = Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, sha(bytes)]));
    expect(await read(tar, chunkSize)).toEqual(expected);
  });

  it('reads a path longer than a ustar name from its pax header', async () => {
    const folder = `packs/${'a-long-pack-key-'.repeat(8)}`;
    const name = 'f'.repeat(64);
    const tar = await archive('long', { [name]: content('long', 3000) }, folder);
    const paths: string[] = [];
    await readTar(
      (async function* () {
        yield tar;
      })(),
      ({ path: file }) => {
        paths.push(file);
        return undefined;
      },
    );
    expect(paths).toHaveLength(1);
    expect(paths[0]!.endsWith(`${folder}/${name}`)).toBe(true);
    expect(paths[0]!.length).toBeGreaterThan(100);
  });

  it.each([
    ['ends in the middle of a file', (tar: Buffer) => tar.subarray(0, 512 + 700)],
    ['ends in the middle of a header', (tar: Buffer) => tar.subarray(0, 300)],
    ['has a header that does not match its checksum', (tar: Buffer) => Buffer.concat([tar.subarray(0, 10), Buffer.from('X'), tar.subarray(11)])],
  ])('fails on an archive that %s', async (_, damage) => {
    const tar = await archive(`damaged-${damage.length}-${Math.random()}`, { blob: content('damaged', 2000) });
    await expect(read(damage(tar), 4096)).rejects.toThrow(/ends in the middle|checksum/);
  });
});

describe('a pack from the cache service', () => {
  let service: CacheService;
  let restoreEnv: () => void = () => {};
  const workspace = () => path.join(root, 'service-workspace');

  beforeAll(async () => {
    await mkdir(workspace(), { recursive: true });
    // 4 MB/s down: an archive of a few MiB is still on its way while its first files are read.
    service = await startCacheService({ port: 0, dir: path.join(root, 'service'), log: () => {}, downMBps: 4 });
    restoreEnv = useCacheService(service.url, path.join(root, 'runner-temp'), workspace());
  });

  afterAll(async () => {
    await service?.close();
    restoreEnv();
  });

  beforeEach(() => {
    service.setFault(null);
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((() => true) as typeof process.stdout.write);
    return () => spy.mockRestore();
  });

  async function savePack(key: string, files: Record<string, Buffer>): Promise<string> {
    const folder = path.join(root, 'runner-temp', 'packs', key);
    await mkdir(folder, { recursive: true });
    for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(folder, name), bytes);
    expect(await actionsCache.saveCache([folder], key)).toBeGreaterThan(0);
    await rm(folder, { recursive: true, force: true });
    return folder;
  }

  it('finds the entry @actions/cache saved, under the version it gave it', async () => {
    const folder = await savePack('stream-version', { [sha(content('v', 10))]: content('v', 10) });
    const method = await compressionMethod();
    expect(method).toBe('zstd-without-long'); // zstd is on this machine, as on hosted runners
    const entry = service.entries().find((candidate) => candidate.key === 'stream-version')!;
    expect(entry.version).toBe(cacheVersion([folder], method));
    expect(await downloadUrl(streamingService()!, 'stream-version', cacheVersion([folder], method))).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/blobs\//);
    expect(await downloadUrl(streamingService()!, 'stream-version', cacheVersion([`${folder}-other`], method))).toBeUndefined();
  });

  it('hands out each file as soon as its last byte is in, while the archive is still downloading', async () => {
    const first = content('first', 2 * MiB);
    const second = content('second', 2 * MiB);
    const folder = await savePack('stream-order', { [`a-${sha(first)}`]: first, [`b-${sha(second)}`]: second });
    const method = await compressionMethod();
    const url = (await downloadUrl(streamingService()!, 'stream-order', cacheVersion([folder], method)))!;
    service.stats.reset();
    const finished: { name: string; archiveDone: boolean; digest: string }[] = [];
    const compressed = await readArchive(url, method, async ({ path: file }) => {
      const hash = createHash('sha256');
      return {
        write: (chunk) => void hash.update(chunk),
        end: () => void finished.push({ name: path.basename(file).slice(0, 1), archiveDone: service.stats.routes.GetBlob !== undefined, digest: hash.digest('hex') }),
      };
    });
    expect(finished.map(({ name }) => name).sort()).toEqual(['a', 'b']);
    for (const file of finished) expect(file.digest).toBe(sha(file.name === 'a' ? first : second));
    // The service records a download when its last byte has gone: the first file was whole before that.
    expect(finished[0]!.archiveDone).toBe(false);
    expect(compressed).toBe(service.stats.routes.GetBlob!.bytesDown);
  });

  it.each([
    ['the lookup', 'GetCacheEntryDownloadURL'],
    ['the archive download', 'GetBlob'],
  ])('a failure of %s is a StreamFailed, for the caller to hand to @actions/cache', async (_, route) => {
    const folder = await savePack(`stream-fault-${route}`, { [sha(content('f', 10))]: content('f', 10) });
    const method = await compressionMethod();
    const lookup = () => downloadUrl(streamingService()!, `stream-fault-${route}`, cacheVersion([folder], method));
    const url = route === 'GetBlob' ? await lookup() : undefined;
    service.setFault({ status: 500, routes: [route] });
    const attempt = route === 'GetBlob' ? readArchive(url!, method, async () => undefined) : lookup();
    await expect(attempt).rejects.toBeInstanceOf(StreamFailed);
  });

  it.each([
    ['no v2 service', { ACTIONS_CACHE_SERVICE_V2: undefined }],
    ['no runtime token', { ACTIONS_RUNTIME_TOKEN: undefined }],
    ['a proxy to go through', { HTTPS_PROXY: 'http://proxy.example:3128' }],
    ['GitHub Enterprise Server (v1 only)', { GITHUB_SERVER_URL: 'https://github.example.com' }],
    ['a cache mode that does not read', { ACTIONS_CACHE_MODE: 'write-only' }],
  ])('is not streamed with %s', (_, overrides) => {
    const usable = { ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: 'http://127.0.0.1:1/', ACTIONS_RUNTIME_TOKEN: 't', GITHUB_SERVER_URL: 'https://github.com', ACTIONS_CACHE_MODE: 'read' };
    expect(streamingService(usable)).toEqual({ url: 'http://127.0.0.1:1/', token: 't' });
    expect(streamingService({ ...usable, ...overrides })).toBeUndefined();
  });
});
