import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readContextManifest, contextHashOf } from '../../../src/context/manifest.ts';
import { contextHash, contextLs } from '../../../src/cli/context-command.ts';
import { hashFiles } from '../../../src/context/hash.ts';

let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-hash-'));
  write('a.txt', 'alpha\n');
  write('src/main.ts', 'console.log(1)\n');
  write('src/lib/util.ts', 'export {}\n');
  write('ignored/big.bin', 'x'.repeat(1000));
  write('.dockerignore', 'ignored\n*.log\n');
  fs.symlinkSync('a.txt', path.join(dir, 'link'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(rel: string, content: string | Buffer): void {
  const abs = path.join(dir, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, content);
}

const hash = () => contextHash(dir);

describe('context hash', () => {
  it('is sha256:<64 hex> and stable', async () => {
    const h = await hash();
    expect(h).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await hash()).toBe(h);
  });

  it('changes with content', async () => {
    const h = await hash();
    write('src/main.ts', 'console.log(2)\n');
    expect(await hash()).not.toBe(h);
  });

  it('changes with permission bits', async () => {
    const h = await hash();
    fs.chmodSync(path.join(dir, 'a.txt'), 0o755);
    expect(await hash()).not.toBe(h);
  });

  it('changes with a symlink target', async () => {
    const h = await hash();
    fs.unlinkSync(path.join(dir, 'link'));
    fs.symlinkSync('src/main.ts', path.join(dir, 'link'));
    expect(await hash()).not.toBe(h);
  });

  it('changes with a new empty directory (COPY creates it)', async () => {
    const h = await hash();
    fs.mkdirSync(path.join(dir, 'empty'));
    expect(await hash()).not.toBe(h);
  });

  it('changes with a renamed file', async () => {
    const h = await hash();
    fs.renameSync(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
    fs.unlinkSync(path.join(dir, 'link'));
    fs.symlinkSync('a.txt', path.join(dir, 'link'));
    expect(await hash()).not.toBe(h);
  });

  it('does not change with mtimes', async () => {
    const h = await hash();
    const old = new Date('2001-02-03T04:05:06Z');
    for (const f of ['a.txt', 'src/main.ts', 'src', '.']) fs.utimesSync(path.join(dir, f), old, old);
    expect(await hash()).toBe(h);
  });

  it('does not change with ignored files', async () => {
    const h = await hash();
    write('ignored/big.bin', 'changed');
    write('ignored/new/deep.txt', 'new');
    write('debug.log', 'log');
    write('ignored/trace.log', 'log');
    expect(await hash()).toBe(h);
  });

  it('does not depend on where the context is', async () => {
    const h = await hash();
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-hash-copy-'));
    try {
      fs.cpSync(dir, copy, { recursive: true, verbatimSymlinks: true, preserveTimestamps: false });
      expect(await contextHash(copy)).toBe(h);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  it('changes when the ignore file changes (it is in the context)', async () => {
    const h = await hash();
    write('.dockerignore', 'ignored\n*.log\n# note\n');
    expect(await hash()).not.toBe(h);
  });

  it('uses <Dockerfile>.dockerignore beside the Dockerfile instead of .dockerignore', async () => {
    write('app.Dockerfile', 'FROM scratch\n');
    write('app.Dockerfile.dockerignore', 'src\napp.Dockerfile*\n');
    const m = await readContextManifest(dir, path.join(dir, 'app.Dockerfile'));
    expect(m.ignoreFile).toMatch(/app\.Dockerfile\.dockerignore$/);
    const paths = m.entries.filter((e) => e.type !== 'dir').map((e) => e.path);
    expect(paths).toEqual(['.dockerignore', 'a.txt', 'ignored/big.bin', 'link']);
    // The default Dockerfile has no specific ignore file: .dockerignore applies.
    expect((await readContextManifest(dir)).ignoreFile).toMatch(/(^|\/)\.dockerignore$/);
  });
});

describe('manifest', () => {
  it('lists files, symlinks and directories with mode, size, digest and target', async () => {
    fs.chmodSync(path.join(dir, 'src/main.ts'), 0o755);
    const m = await readContextManifest(dir);
    expect(m.entries.map((e) => [e.path, e.type])).toEqual([
      ['.dockerignore', 'file'],
      ['a.txt', 'file'],
      ['link', 'symlink'],
      ['src', 'dir'],
      ['src/lib', 'dir'],
      ['src/lib/util.ts', 'file'],
      ['src/main.ts', 'file'],
    ]);
    const main = m.entries.find((e) => e.path === 'src/main.ts')!;
    expect(main.mode).toBe(0o755);
    expect(main.size).toBe(15);
    expect(main.digest).toBe('sha256:' + crypto.createHash('sha256').update('console.log(1)\n').digest('hex'));
    expect(m.entries.find((e) => e.path === 'link')!.target).toBe('a.txt');
    expect(m.hash).toBe(contextHashOf(m.entries));
  });

  it('sorts paths in code point (UTF-8 byte) order', async () => {
    for (const name of ['b', 'a.txt', 'a/x', 'é', '\uFF21', '😀', 'Z']) write(`sort/${name}`, name);
    const out = (await contextLs(dir)).split('\n').filter((p) => p.startsWith('sort/'));
    expect(out).toEqual(['sort/Z', 'sort/a.txt', 'sort/a/x', 'sort/b', 'sort/é', 'sort/\uFF21', 'sort/😀']);
  });

  it('context ls prints files and symlinks only; --json the manifest', async () => {
    fs.mkdirSync(path.join(dir, 'empty'));
    expect(await contextLs(dir)).toBe('.dockerignore\na.txt\nlink\nsrc/lib/util.ts\nsrc/main.ts\n');
    const json = JSON.parse(await contextLs(dir, { json: true }));
    expect(json.hash).toBe(await hash());
    expect(json.entries.find((e: { path: string }) => e.path === 'a.txt')).toMatchObject({ type: 'file', mode: '0644', size: 6 });
    expect(json.entries.find((e: { path: string }) => e.path === 'empty')).toMatchObject({ type: 'dir' });
  });

  it('does not walk into an excluded directory that no exception can reach', async () => {
    write('node_modules/pkg/deep/index.js', 'x');
    write('keepdir/sub/a', 'x');
    write('.dockerignore', 'node_modules\nkeepdir\n!keepdir/sub/a\n');
    const spy = vi.spyOn(fs, 'readdirSync');
    try {
      const m = await readContextManifest(dir);
      const read = spy.mock.calls.map((c) => path.relative(dir, String(c[0])));
      expect(read.filter((p) => p.startsWith('node_modules'))).toEqual([]);
      expect(read).toContain('keepdir');
      expect(m.entries.map((e) => e.path)).toContain('keepdir/sub/a');
    } finally {
      spy.mockRestore();
    }
  });

  it('an unreadable context is a clear error', async () => {
    await expect(contextHash(path.join(dir, 'missing'))).rejects.toThrow(/not a readable directory/);
  });
});

describe('parallel hashing', () => {
  it('gives the same digests with workers as in one thread, large files included', async () => {
    const files: string[] = [];
    for (let i = 0; i < 600; i++) {
      const rel = `many/${i % 7}/f${i}`;
      write(rel, i % 150 === 0 ? crypto.randomBytes(3 * 1024 * 1024 + i) : `file ${i}\n`.repeat(i % 50));
      files.push(path.join(dir, rel));
    }
    const one = await hashFiles(files, undefined, { workers: 0 });
    const many = await hashFiles(files, undefined, { workers: 3, batch: 16 });
    expect(many).toEqual(one);
    for (const i of [0, 150, 301]) {
      expect(one[i]!.digest).toBe(crypto.createHash('sha256').update(fs.readFileSync(files[i]!)).digest('hex'));
    }
    const m = await readContextManifest(dir, undefined, { workers: 2 });
    const m0 = await readContextManifest(dir, undefined, { workers: 0 });
    expect(m.hash).toBe(m0.hash);
  });

  it('names the file it cannot read', async () => {
    const files = Array.from({ length: 500 }, (_, i) => path.join(dir, `nope-${i}`));
    await expect(hashFiles(files, (i) => `nope-${i}`, { workers: 2 })).rejects.toThrow(/cannot read nope-\d+ in the build context: ENOENT/);
  });
});
