// Bundles the action and the CLI into single CommonJS files under dist/.
// Deterministic output (no timestamps, no absolute paths) so that a test can
// compare the committed dist/ with a fresh build byte for byte.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outdir = process.argv[2] ?? path.join(root, 'dist');

const entries = [
  { in: 'src/action/index.ts', out: 'index.cjs' },
  { in: 'src/action/post.ts', out: 'post.cjs' },
  // The CLI is installed with npm on whatever Node a laptop has: 20 and later.
  { in: 'src/cli/main.ts', out: 'cli.cjs', banner: '#!/usr/bin/env node', target: 'node20' },
  // @actions/cache and the Azure SDK behind it are most of the code, and a run
  // that reuses an image never loads them: a file of their own, required on first use.
  { in: 'node_modules/@actions/cache/lib/cache.js', out: 'actions-cache.cjs', own: true },
];

/** `import('@actions/cache')` in the entry bundles becomes `require('./actions-cache.cjs')` (the sibling file). */
const actionsCacheOnItsOwn = {
  name: 'actions-cache-on-its-own',
  setup(build) {
    build.onResolve({ filter: /^@actions\/cache$/ }, () => ({ path: './actions-cache.cjs', external: true }));
  },
};

/**
 * @actions/core reaches @actions/http-client (and undici, ~0.8 MB) only for getIDToken, which
 * image-build never calls; their top-level code counts as side effects to esbuild, so without
 * this they would be parsed and run on every start. Marked free of side effects, they go
 * unless something really uses them (the Actions cache's own bundle does, and keeps them).
 */
const unusedHttpClient = {
  name: 'unused-http-client',
  setup(build) {
    build.onResolve({ filter: /^(@actions\/http-client(\/.*)?|undici)$/ }, async (args) => {
      if (args.pluginData?.resolving) return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { resolving: true } });
      return resolved.errors.length ? undefined : { path: resolved.path, sideEffects: false };
    });
  },
};

for (const entry of entries) {
  await build({
    absWorkingDir: root,
    entryPoints: [entry.in],
    outfile: path.join(outdir, entry.out),
    bundle: true,
    platform: 'node',
    target: entry.target ?? 'node24',
    format: 'cjs',
    legalComments: 'none',
    logLevel: 'warning',
    banner: entry.banner ? { js: entry.banner } : undefined,
    // ESM dependencies read import.meta.url; give the CommonJS bundle an equivalent.
    define: { 'import.meta.url': 'import_meta_url' },
    inject: [path.join(root, 'scripts/import-meta-url.js')],
    plugins: entry.own ? [] : [actionsCacheOnItsOwn, unusedHttpClient],
    // `debug` (under the Azure SDK's proxy agents) tries `supports-color` in a try/catch: it is only
    // in node_modules when a devDependency brings it, and the bundle must not change with those.
    external: ['supports-color'],
  });
}
