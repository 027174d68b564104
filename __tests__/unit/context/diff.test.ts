import zlib from 'node:zlib';
import { describe, it, expect } from 'vitest';
import { diffManifests, explainManifestDiff, serializeManifest, deserializeManifest, contextHashOf } from '../../../src/context/manifest.ts';
import type { ContextManifest, ManifestEntry } from '../../../src/context/manifest.ts';

const file = (p: string, digest = 'sha256:' + '1'.repeat(64), mode = 0o644): ManifestEntry => ({ path: p, type: 'file', mode, size: 10, digest });
const dir = (p: string, mode = 0o755): ManifestEntry => ({ path: p, type: 'dir', mode, size: 0 });
const link = (p: string, target: string): ManifestEntry => ({ path: p, type: 'symlink', mode: 0o777, size: target.length, target });
const manifest = (entries: ManifestEntry[]): ContextManifest => ({ entries, hash: contextHashOf(entries) });

describe('diffManifests', () => {
  const before = manifest([file('a'), dir('src'), file('src/x.ts'), file('src/y.ts'), link('l', 'a'), dir('old'), file('old/z')]);

  it('is empty for the same manifest', () => {
    expect(diffManifests(before, before)).toEqual({ added: [], removed: [], changed: [] });
  });

  it('names added, removed and changed files, sorted', () => {
    const after = manifest([
      file('a', 'sha256:' + '2'.repeat(64)),
      dir('src'),
      file('src/x.ts', undefined, 0o755),
      file('src/y.ts'),
      file('src/new.ts'),
      link('l', 'src/x.ts'),
      dir('new'),
      dir('new/empty'),
    ]);
    expect(diffManifests(before, after)).toEqual({
      added: ['new/empty/', 'src/new.ts'],
      removed: ['old/z'],
      changed: ['a', 'l', 'src/x.ts'],
    });
  });

  it('names a directory whose mode changed, and a file that became a link', () => {
    const after = manifest([link('a', 'x'), dir('src', 0o700), file('src/x.ts'), file('src/y.ts'), link('l', 'a'), dir('old'), file('old/z')]);
    expect(diffManifests(before, after)).toEqual({ added: [], removed: [], changed: ['a', 'src/'] });
  });
});

describe('explainManifestDiff', () => {
  it('gives counts and the first paths of each kind', () => {
    const added = Array.from({ length: 25 }, (_, i) => `new/f${String(i).padStart(2, '0')}`);
    const lines = explainManifestDiff({ added, removed: ['gone'], changed: [] }, 20);
    expect(lines[0]).toBe('25 files added (first 20 shown):');
    expect(lines.slice(1, 21)).toEqual(added.slice(0, 20).map((p) => `  ${p}`));
    expect(lines.slice(21)).toEqual(['1 file removed:', '  gone']);
    expect(explainManifestDiff({ added: [], removed: [], changed: [] })).toEqual([]);
  });
});

describe('manifest serialisation', () => {
  it('round-trips and is compact', () => {
    const entries: ManifestEntry[] = [];
    for (let i = 0; i < 2000; i++) entries.push(file(`src/module-${i}/index.ts`, 'sha256:' + i.toString(16).padStart(64, '0')));
    entries.push(link('l', 'src'), dir('src'), { path: 'p', type: 'fifo', mode: 0o644, size: 0 }, { path: 'd', type: 'device', mode: 0o600, size: 0, target: 'c 1:3' });
    const m: ContextManifest = { ...manifest(entries), ignoreFile: '.dockerignore' };
    const data = serializeManifest(m);
    // Files keep the first 16 hex digits of their digest: enough to tell which changed.
    const shortened = { ...m, entries: m.entries.map((e) => (e.type === 'file' ? { ...e, digest: e.digest!.slice(0, 'sha256:'.length + 16) } : e)) };
    expect(deserializeManifest(data)).toEqual(shortened);
    expect(data.length).toBeLessThan(2000 * 16);
  });

  it('a stored manifest explains a miss against the whole digests of this run', () => {
    const digest = (n: number) => 'sha256:' + n.toString(16).padStart(64, '0');
    const previous = manifest([file('a', digest(1)), file('b', digest(2)), file('c', digest(3))]);
    const current = manifest([file('a', digest(1)), file('b', digest(2).slice(0, -1) + 'f'), file('c', digest(3)), file('d', digest(4))]);
    const stored = deserializeManifest(serializeManifest(previous));
    expect(diffManifests(stored, current)).toEqual({ added: ['d'], removed: [], changed: [] });
    // A change past the stored prefix is still seen when the size differs.
    const resized = manifest([file('a', digest(1)), { ...file('b', digest(2)), size: 99 }, file('c', digest(3))]);
    expect(diffManifests(stored, resized).changed).toEqual(['b']);
    const early = manifest([file('a', 'sha256:f' + digest(1).slice(8)), file('b', digest(2)), file('c', digest(3))]);
    expect(diffManifests(stored, early).changed).toEqual(['a']);
  });

  it('reads manifests stored with whole digests (version 1)', () => {
    const m = manifest([file('a', 'sha256:' + 'ab'.repeat(32))]);
    const v1 = zlib.gzipSync(JSON.stringify({ v: 1, hash: m.hash, e: [['a', 'f', 0o644, m.entries[0]!.size, 'ab'.repeat(32)]] }));
    expect(deserializeManifest(v1)).toEqual(m);
  });

  it('rejects what it does not know', () => {
    expect(() => deserializeManifest(Buffer.from('nope'))).toThrow();
  });
});
