// The layer cache's public surface (src/cache/index.ts): code outside src/cache
// imports that file only, so that the stores, the packs and the restore stay
// the cache's own business and can change without touching a caller.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The src/ paths a file imports (type-only imports and re-exports included). */
function localImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
  return specifiers.filter((s) => s.startsWith('.')).map((s) => path.relative(SRC, path.resolve(path.dirname(file), s)));
}

describe('the public surface of src/cache', () => {
  it('code outside src/cache imports only src/cache/index.ts', () => {
    const reaching = sourceFiles(SRC)
      .filter((file) => !path.relative(SRC, file).startsWith('cache/'))
      .flatMap((file) => localImports(file).filter((target) => target.startsWith('cache/') && target !== 'cache/index.ts').map((target) => `${path.relative(SRC, file)} → ${target}`));
    expect(reaching).toEqual([]);
  });

  it('some code outside src/cache does use it (the rule above is not vacuous)', () => {
    const users = sourceFiles(SRC).filter((file) => !path.relative(SRC, file).startsWith('cache/') && localImports(file).includes('cache/index.ts'));
    expect(users.map((file) => path.relative(SRC, file)).sort()).toEqual(expect.arrayContaining(['action/main.ts', 'cli/main.ts', 'pipeline/run.ts']));
  });
});
