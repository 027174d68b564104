// The shape of src/: folders by layer, read from the imports themselves (type-only imports
// count: a type in the wrong home is a circle all the same).
//   entry points   action/ (the GitHub Action), cli/ (the terminal)
//   presentation   report/ (the job summary, the advice), over the pipeline's result
//   the pipeline   pipeline/ (settings, phases, lookups, the merge mode)
//   capabilities   inputs/, buildx/, cache/, context/, registry/, tags/, github/, common/
// No import circles; a capability imports no layer above it; only src/cache/index.ts is
// the cache's door; only the entry points talk to the runner through @actions/core.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');
const ENTRY = ['action', 'cli'];
const ABOVE_CAPABILITIES = ['action', 'cli', 'report', 'pipeline'];
const CAPABILITIES = ['inputs', 'buildx', 'cache', 'context', 'registry', 'tags', 'github', 'common'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every module a file imports: relative ones as src/ paths, packages by name. */
function importsOf(file: string): { local: string[]; packages: string[] } {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
  const local = specifiers.filter((s) => s.startsWith('.')).map((s) => path.relative(SRC, path.resolve(path.dirname(file), s)));
  const packages = specifiers.filter((s) => !s.startsWith('.') && !s.startsWith('node:'));
  return { local, packages };
}

const files = sourceFiles(SRC).map((file) => path.relative(SRC, file));
const graph = new Map(files.map((file) => [file, importsOf(path.join(SRC, file))]));
const folderOf = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : '.');

describe('the layers of src/', () => {
  it('every file lives in a layer folder', () => {
    expect(files.filter((file) => ![...ABOVE_CAPABILITIES, ...CAPABILITIES].includes(folderOf(file)))).toEqual([]);
  });

  it('has no import circle', () => {
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file)?.local ?? []) if (graph.has(next)) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(circles).toEqual([]);
  });

  it('a capability imports no layer above it', () => {
    const upward = files
      .filter((file) => CAPABILITIES.includes(folderOf(file)))
      .flatMap((file) => graph.get(file)!.local.filter((target) => ABOVE_CAPABILITIES.includes(folderOf(target))).map((target) => `${file} → ${target}`));
    expect(upward).toEqual([]);
  });

  it('the pipeline imports neither the entry points nor the report', () => {
    const upward = files
      .filter((file) => folderOf(file) === 'pipeline')
      .flatMap((file) => graph.get(file)!.local.filter((target) => ['action', 'cli', 'report'].includes(folderOf(target))).map((target) => `${file} → ${target}`));
    expect(upward).toEqual([]);
  });

  // The cache's public surface: the stores, the packs and the restore stay the cache's own
  // business, as actions/toolkit's cache package keeps its internals under internal/.
  it('code outside src/cache imports only its surface, src/cache/index.ts', () => {
    const outside = files.filter((file) => folderOf(file) !== 'cache');
    const reaching = outside.flatMap((file) => graph.get(file)!.local.filter((target) => target.startsWith('cache/') && target !== 'cache/index.ts').map((target) => `${file} → ${target}`));
    expect(reaching).toEqual([]);
    // Not vacuous: the entry points and the pipeline do use it.
    expect(outside.filter((file) => graph.get(file)!.local.includes('cache/index.ts'))).toEqual(expect.arrayContaining(['action/main.ts', 'cli/main.ts', 'pipeline/restore.ts']));
  });

  it('only the entry points import @actions/core', () => {
    const users = files.filter((file) => graph.get(file)!.packages.some((name) => name === '@actions/core' || name.startsWith('@actions/core/')));
    expect(users.filter((file) => !ENTRY.includes(folderOf(file)))).toEqual([]);
  });
});
