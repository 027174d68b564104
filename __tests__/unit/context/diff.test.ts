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
    expect(deserializeManifest(data)).toEqual(m);
    expect(data.length).toBeLessThan(2000 * 40);
  });

  it('rejects what it does not know', () => {
    expect(() => deserializeManifest(Buffer.from('nope'))).toThrow();
  });
});
