// The benchmark's apps and scenarios. An app is a build context (a folder, or
// one generated into the scratch folder); a scenario is one CI job on a fresh
// runner, run in order on one chain of jobs per tool (a later scenario needs
// the earlier ones' cache and images). Adding either is one entry here.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { root } from '../run-action.mjs';

/**
 * The scenarios in the order a chain runs them. `commit` names the commit
 * (the same letter = the same commit), `edit` the source file changed before
 * the job, `expect` the cache hit a sound measurement gives and whether the
 * changed steps run again. `series` scenarios run `--changes` times, first repetition only.
 */
export const SCENARIOS = [
  { id: 'cold', label: 'cold', ref: 'refs/heads/main', commit: 'a', expect: { hit: 'miss', rerun: 'all' } },
  { id: 'rerun', label: 'no-change rerun', ref: 'refs/heads/main', commit: 'a', fingerprint: true, expect: { hit: 'exact', rerun: 'none' } },
  { id: 'change', label: 'one-file change', ref: 'refs/heads/main', commit: 'b', edit: 7, expect: { hit: 'partial', rerun: 'changed' } },
  { id: 'release', label: 'release on a built commit', ref: 'refs/tags/v1.2.3', commit: 'b', fingerprint: true, expect: { hit: 'exact', rerun: 'none' } },
  { id: 'ten', label: (changes) => `${changes} one-file changes`, ref: 'refs/heads/main', series: true, edit: 100, expect: { hit: 'partial', rerun: 'changed' } },
];
export const SCENARIO_IDS = SCENARIOS.map((scenario) => scenario.id);
export const scenarioLabel = (id, changes) => {
  const label = SCENARIOS.find((scenario) => scenario.id === id)?.label ?? id;
  return typeof label === 'function' ? label(changes) : label;
};

/**
 * The apps. `changed`: the Dockerfile steps a one-file change runs again (the
 * others are cached); `sources`: the files `edit` picks from; `scenarios`: the
 * ones it runs (all when unset); `tools`: the tools that run it (all when
 * unset); `disabled`: why it does not run here.
 */
export const APPS = [
  {
    id: 'small',
    label: 'small app (examples/bench: 40 MB dependency layer, 40 sources)',
    folder: () => path.join(root, 'examples/bench'),
    sourceFile: (n) => `src/module${String(((n - 1) % 40) + 1).padStart(2, '0')}.js`,
    changed: 2,
  },
  {
    id: 'scale',
    label: 'three-stage app (27 steps, 28 cache layers, ~200 MB of cache, 2,000 sources)',
    folder: (scratch) => generateScaleApp(path.join(scratch, 'app-scale')),
    sourceFile: (n) => `src/${String(((n * 37) % SCALE.sources) + 1).padStart(4, '0')}.js`,
    // COPY src/, the two RUNs over it, and the final stage's COPY --from=build.
    changed: 4,
    scenarios: ['cold', 'rerun', 'change'],
    // Its goals are against the anchor (and the floor); the recipes' whole-folder copies of 200 MB add only time.
    tools: ['image-build', 'candidate', 'bpa-gha', 'floor'],
  },
  {
    id: 'multi',
    label: 'small app for linux/amd64 + linux/arm64 (QEMU)',
    folder: () => path.join(root, 'examples/bench'),
    sourceFile: (n) => `src/module${String(((n - 1) % 40) + 1).padStart(2, '0')}.js`,
    changed: 2,
    platforms: ['linux/amd64', 'linux/arm64'],
    base: 'base/busybox-multi:1',
    scenarios: ['cold', 'rerun', 'change'],
    tools: ['image-build', 'candidate', 'bpa-gha'],
  },
];
export const APP_IDS = APPS.map((app) => app.id);

export function appliesTo(app, scenario) {
  return !app.scenarios || app.scenarios.includes(scenario);
}

/** Edits one source file of the app in `workspace` (an appended line: a new layer for the steps from COPY on). */
export function editSource(app, workspace, n) {
  fs.appendFileSync(path.join(workspace, app.sourceFile(n)), `export const change${n} = ${n};\n`);
}

/**
 * What a sound measurement of `scenario` looks like; anything else means the
 * chain was disturbed (e.g. someone else pruned the engine mid-build) and the
 * step is left out of the min. `o`: built, hit, cached and steps (FROM left out).
 */
export function anomaly(app, scenarioId, o, skipsOnFingerprint) {
  const scenario = SCENARIOS.find((s) => s.id === scenarioId.replace(/#\d+$/, ''));
  if (skipsOnFingerprint && scenario.fingerprint) return o.built ? 'built, expected a fingerprint match' : undefined;
  if (!o.built) return 'no build, expected one';
  if (o.hit !== scenario.expect.hit) return `cache ${o.hit}, expected ${scenario.expect.hit}`;
  const cached = { all: 0, none: o.steps, changed: o.steps - app.changed }[scenario.expect.rerun];
  if (!(o.steps > app.changed) || o.cached !== cached) return `${o.cached}/${o.steps} steps cached, expected ${cached}/${o.steps}`;
  return undefined;
}

// ---- the generated three-stage app ----

const SCALE = {
  sources: 2000,
  // MiB of incompressible "packages" per dependency step: 18 layers, ~95 MiB.
  groups: [14, 12, 10, 9, 8, 7, 6, 5, 4, 4, 3, 3, 2, 2, 2, 1, 1, 1],
};

/**
 * A three-stage app: `deps` (one RUN layer per package group), `build` (the
 * 2,000 sources copied and bundled), and the final stage, which copies the
 * whole dependency tree from `deps` and the bundle from `build`. Its cache
 * (mode=max) holds every stage's layers: ~95 MiB of dependencies twice, plus
 * the sources. A one-file change runs the build stage's steps and the final
 * COPY --from=build again; the final image's dependency layer is reused.
 * Deterministic content, generated once per run; no network.
 */
function generateScaleApp(dir) {
  if (fs.existsSync(path.join(dir, 'Dockerfile'))) return dir;
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'config'), { recursive: true });
  for (let i = 1; i <= SCALE.sources; i++) {
    const name = String(i).padStart(4, '0');
    const seed = crypto.createHash('sha256').update(`source ${i}`).digest('hex');
    const lines = Array.from({ length: 24 }, (_, line) => `export const v${name}_${line} = '${seed.slice(line % 32, (line % 32) + 32)}';`);
    fs.writeFileSync(path.join(dir, 'src', `${name}.js`), `${lines.join('\n')}\n`);
  }
  fs.writeFileSync(path.join(dir, 'config', 'app.json'), `${JSON.stringify({ name: 'scale-app', port: 8080 }, null, 2)}\n`);
  const deps = SCALE.groups.map((mib, i) => {
    const name = `group${String(i + 1).padStart(2, '0')}`;
    return `RUN mkdir -p ${name} && head -c ${mib * 1024 * 1024} /dev/urandom > ${name}/${name}.tgz`;
  });
  fs.writeFileSync(path.join(dir, 'Dockerfile'), [
    '# Generated by the benchmark (scripts/bench/scenarios.mjs): a three-stage app.',
    'ARG BASE=busybox:1.36',
    'FROM ${BASE} AS deps',
    'WORKDIR /deps',
    ...deps,
    '',
    'FROM ${BASE} AS build',
    'WORKDIR /build',
    'COPY src/ ./src/',
    'RUN mkdir -p dist && cat src/*.js > dist/bundle.js',
    'RUN sha256sum src/*.js > dist/CHECKSUMS && wc -c dist/bundle.js',
    '',
    'FROM ${BASE}',
    'WORKDIR /app',
    'COPY --from=deps /deps ./node_modules',
    'COPY config/ ./config/',
    'COPY --from=build /build/dist ./dist',
    'CMD ["cat", "dist/CHECKSUMS"]',
    '',
  ].join('\n'));
  return dir;
}
