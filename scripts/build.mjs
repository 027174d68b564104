// Bundles the action and the CLI into single CommonJS files under dist/.
// Deterministic output (no timestamps, no absolute paths) so that a test can
// compare the committed dist/ with a fresh build byte for byte.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outdir = process.argv[2] ?? path.join(root, 'dist');

const entries = [
  { in: 'src/index.ts', out: 'index.cjs' },
  { in: 'src/post.ts', out: 'post.cjs' },
  { in: 'src/cli.ts', out: 'cli.cjs', banner: '#!/usr/bin/env node' },
];

for (const entry of entries) {
  await build({
    absWorkingDir: root,
    entryPoints: [entry.in],
    outfile: path.join(outdir, entry.out),
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'cjs',
    legalComments: 'none',
    logLevel: 'warning',
    banner: entry.banner ? { js: entry.banner } : undefined,
    // ESM dependencies read import.meta.url; give the CommonJS bundle an equivalent.
    define: { 'import.meta.url': 'import_meta_url' },
    inject: [path.join(root, 'scripts/import-meta-url.js')],
  });
}
