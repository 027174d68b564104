// The tools the benchmark compares: each runs one CI job's image step on a
// chain (its own image name, cache keys and runner temp folder) and returns
// its phases and what the build did. Adding a tool is one entry in TOOLS.
//
// `bench` is what the run provides: run(command, args, options), nodeBinary,
// the network of this run (registry host, cacheUrl, token) and runAction/runnerFor.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/**
 * Every tool. `ours`: a build of image-build (its goals are reported);
 * `skipsUnchanged`: a rerun on the same commit builds nothing; `scenarios`: the
 * ones it runs (all when unset), `reported`: the ones in the tables (those it
 * runs when unset); `chart: false` keeps a yardstick out of the chart;
 * `cannotRun(machine)`: why the tool cannot run on this machine, so that its
 * steps are reported failed without being tried.
 */
export const TOOLS = {
  'image-build': { label: 'image-build', ours: true, skipsUnchanged: true, run: (bench, chain, commit) => imageBuild(bench, bench.action, chain, commit) },
  candidate: { label: 'image-build (candidate)', ours: true, skipsUnchanged: true, optional: true, run: (bench, chain, commit) => imageBuild(bench, bench.candidate, chain, commit) },
  'bpa-gha': {
    label: 'build-push-action + type=gha',
    anchor: true,
    run: buildPushActionGha,
    owns: (entry) => /^(buildkit-blob-|index-)/.test(entry.key),
    // The BuildKit inside Docker 26 (0.13) knows only the v1 cache API, which the emulator (v2, as on hosted runners) does not serve.
    cannotRun: (machine) => (Number(/^(\d+)/.exec(machine.docker)?.[1]) < 28
      ? 'BuildKit 0.13 (Docker 26) speaks only the v1 cache API (`/_apis/artifactcache/cache`), which the emulator does not serve, so the anchor does not run on Docker 26.'
      : undefined),
  },
  recipe: { label: 'local-cache recipe', run: localCacheRecipe },
  'save-load': { label: 'docker save/load', run: saveLoad },
  floor: { label: 'floor: one restore + BuildKit', scenarios: ['cold', 'change'], reported: ['change'], chart: false, run: floor },
};

export const runsIn = (tool, scenario) => !TOOLS[tool].scenarios || TOOLS[tool].scenarios.includes(scenario);
export const reportedIn = (tool, scenario) => (TOOLS[tool].reported ? TOOLS[tool].reported.includes(scenario) : runsIn(tool, scenario));
/** Whether a cache-service entry belongs to the chain (to count what it stores and undo a failed attempt). */
export const ownsEntry = (chain, entry) => entry.key.startsWith(`${chain.prefix}-`) || Boolean(TOOLS[chain.tool].owns?.(entry, chain));

/** The tags the default `tags` input gives for a ref (metadata-action: semver, branch, sha). */
export function tagNames(ref, sha) {
  const sha7 = `sha-${sha.slice(0, 7)}`;
  const version = /^refs\/tags\/v?(\d+)\.(\d+)\.(\d+)$/.exec(ref);
  if (version) return [`${version[1]}.${version[2]}.${version[3]}`, `${version[1]}.${version[2]}`, version[1], 'latest', sha7];
  return [ref.replace(/^refs\/heads\//, '').replace(/[^A-Za-z0-9_.-]/g, '-'), sha7];
}

/**
 * Cached and total Dockerfile steps (FROM left out) in `--progress=plain` output.
 * A step BuildKit takes from a remote cache it must pull (type=gha, type=registry)
 * prints its blob downloads instead of CACHED.
 */
export function plainSteps(output) {
  const idToStep = new Map();
  for (const match of output.matchAll(/^#(\d+) \[([^\]]*?\d+\/\d+)\] (.*)$/gm)) if (!/^FROM /.test(match[3])) idToStep.set(match[1], match[2].replace(/^(linux\/\S+)\s+/, ''));
  const cached = new Set();
  for (const match of output.matchAll(/^#(\d+) (?:CACHED|extracting sha256:\S+|sha256:[0-9a-f]{64} \S+ \/ \S+ \S+ done)$/gm)) if (idToStep.has(match[1])) cached.add(idToStep.get(match[1]));
  return { cached: cached.size, steps: new Set(idToStep.values()).size };
}

/** The same counts from image-build's job summary (its step table; a multi-platform build's has a column per platform: a step counts once, cached when cached on every platform). */
export function summarySteps(summary) {
  const steps = new Map();
  for (const row of summary.matchAll(/^\| \d* \| `([^`]*)`[^|]*\|(.*)$/gm)) {
    if (/^(\[[^\]]*\] )?FROM /.test(row[1])) continue;
    const results = row[2].split('|').map((cell) => cell.trim()).filter((cell) => /^(cached|run|\*\*failed\*\*)/.test(cell));
    if (results.length) steps.set(row[1], (steps.get(row[1]) ?? true) && results.every((cell) => cell.startsWith('cached')));
  }
  return { cached: [...steps.values()].filter(Boolean).length, steps: steps.size };
}

/** The phase seconds of image-build's job summary (its timing table: a column per phase), by phase name. */
export function summaryPhases(summary) {
  const lines = summary.split('\n');
  const header = lines.findIndex((line) => line.startsWith('| hash | lookup |'));
  if (header < 0) return {};
  const cells = (line) => line.replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
  const values = cells(lines[header + 2] ?? '');
  // The export + push is part of the build, as the summary's older "of which" row said.
  const seconds = (text = '') => {
    const minutes = /^(\d+)\s*min\s+(\d+)/.exec(text);
    return minutes ? Number(minutes[1]) * 60 + Number(minutes[2]) : Number.parseFloat(text);
  };
  return Object.fromEntries(cells(lines[header]).map((name, i) => [name === 'export + push' ? 'of which export + push' : name, seconds(values[i])]));
}

/** The env an actions/cache step (or Buildx, for type=gha) sees on a runner: cache service v2, this workspace. */
function runnerEnv(bench, chain) {
  const env = { ...process.env, ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: bench.cacheUrl, ACTIONS_CACHE_URL: bench.cacheUrl, ACTIONS_RUNTIME_TOKEN: bench.token,
    GITHUB_WORKSPACE: chain.workspace, RUNNER_TEMP: chain.runnerTemp, RUNNER_OS: 'Linux', RUNNER_ARCH: 'X64' };
  delete env.GITHUB_SERVER_URL;
  return env;
}

async function cacheStep(bench, chain, mode, job) {
  const result = await bench.run(bench.nodeBinary, [path.join(HERE, 'cache-step.mjs'), mode, JSON.stringify(job)], { env: runnerEnv(bench, chain), cwd: chain.workspace });
  const line = result.stdout.split('\n').find((l) => l.startsWith('::bench-result::'));
  if (!line) throw new Error(`actions/cache ${mode} printed no result:\n${result.stdout}${result.stderr}`);
  const parsed = JSON.parse(line.slice('::bench-result::'.length));
  if (parsed.error && mode === 'restore') throw new Error(`actions/cache restore: ${parsed.error}`);
  if (parsed.error) bench.log(`warning: ${chain.tool} save: ${parsed.error}`);
  return { ...parsed, seconds: result.seconds };
}

const platformArgs = (chain) => (chain.app.platforms ? ['--platform', chain.app.platforms.join(',')] : []);

/** `docker buildx build … --push` of the app as the recipes run it, pushing the tags image-build pushes. */
function buildAndPush(bench, chain, { ref, sha }, extra, env) {
  const tags = tagNames(ref, sha).flatMap((tag) => ['--tag', `${chain.image}:${tag}`]);
  return bench.run('docker', ['buildx', 'build', ...(bench.anchorBuilder ? ['--builder', bench.anchorBuilder] : []), '--progress=plain', '--provenance=false', ...platformArgs(chain), '--build-arg', `BASE=${bench.base(chain.app)}`, ...tags, ...extra, '--push', '.'],
    { cwd: chain.workspace, env });
}

/** One run of the action (main, then post) as a runner runs it; its phases from the job summary. */
async function imageBuild(bench, distDir, chain, { ref, sha }) {
  const runner = distDir ? await bench.runnerFor(distDir) : bench.runAction;
  const result = await runner({
    workspace: chain.workspace,
    runnerTemp: chain.runnerTemp,
    ref,
    sha,
    inputs: { context: '.', images: chain.image, 'build-args': `BASE=${bench.base(chain.app)}`, 'cache-key-prefix': chain.prefix, ...(bench.builder ? { builder: bench.builder } : {}),
      ...(chain.app.platforms ? { platforms: chain.app.platforms.join(',') } : {}) },
    env: { IMAGE_BUILD_CACHE_URL: bench.cacheUrl, ACTIONS_RESULTS_URL: bench.cacheUrl, ACTIONS_RUNTIME_TOKEN: bench.token,
      // The BuildKit image of the builder image-build makes on a stock runner's engine (own-builder.ts).
      ...(process.env.IMAGE_BUILD_BUILDKIT_IMAGE ? { IMAGE_BUILD_BUILDKIT_IMAGE: process.env.IMAGE_BUILD_BUILDKIT_IMAGE } : {}) },
  });
  if (process.env.BENCH_DEBUG) fs.writeFileSync(path.join(process.env.BENCH_DEBUG, `${chain.prefix}-${Date.now()}.log`), result.stdout + result.stderr);
  if (result.code !== 0) {
    const tail = (result.stdout + result.stderr).trim().split('\n').slice(-12).join('\n');
    throw new Error(`the action failed (exit ${result.code}):\n${tail}`);
  }
  const expected = tagNames(ref, sha);
  const got = (result.outputs['tag-names'] ?? '').split('\n').filter(Boolean);
  if (got.slice().sort().join() !== expected.slice().sort().join()) bench.log(`warning: image-build pushed ${got.join(', ')}; the others push ${expected.join(', ')}`);
  // The summary's phases (0.1 s resolution), then what lies outside them: in the
  // pipeline (Docker CLI checks, config), in main (Node start-up, bundle load,
  // outputs, summary) and the post step.
  const reported = summaryPhases(result.summary);
  const phases = {};
  for (const [name, value] of Object.entries(reported)) if (name !== 'total' && (value > 0 || name.startsWith('of which'))) phases[name] = value;
  const inPhases = ['hash', 'lookup', 'restore', 'build', 'save'].reduce((sum, name) => sum + (reported[name] ?? 0), 0);
  if (reported.total !== undefined) {
    phases['pipeline, outside phases'] = Math.max(0, reported.total - inPhases);
    phases['main, outside pipeline'] = Math.max(0, result.seconds - reported.total);
  }
  if (result.post?.seconds !== undefined) phases['post step'] = result.post.seconds;
  return { phases, built: result.outputs.built !== 'false', hit: result.outputs['cache-hit'], ...summarySteps(result.summary) };
}

/**
 * The anchor: docker/metadata-action + docker/build-push-action with BuildKit's
 * own gha cache, as most workflows that cache write it. Two action start-ups
 * (action-start.mjs stands in for their bundles), then the invocation
 * build-push-action makes, with the runner's ACTIONS_* environment so Buildx
 * fills in the cache URL and token, then the post step's start-up.
 */
async function buildPushActionGha(bench, chain, commit) {
  const phases = {};
  const env = runnerEnv(bench, chain);
  const start = async (mode) => (await bench.run(bench.nodeBinary, [path.join(HERE, 'action-start.mjs'), mode], { env, cwd: chain.workspace })).seconds;
  phases['metadata-action'] = await start('metadata');
  phases['build-push-action start'] = await start('build');
  const temp = fs.mkdtempSync(path.join(chain.runnerTemp, 'docker-actions-toolkit-'));
  const labels = ['org.opencontainers.image.source=https://github.com/acme/hello', `org.opencontainers.image.revision=${commit.sha}`, 'org.opencontainers.image.title=hello']
    .flatMap((label) => ['--label', label]);
  const scope = `scope=${chain.prefix}`;
  const build = await buildAndPush(bench, chain, commit, [
    '--cache-from', `type=gha,${scope}`, '--cache-to', `type=gha,mode=max,${scope}`,
    '--iidfile', path.join(temp, 'build-iidfile.txt'), '--metadata-file', path.join(temp, 'build-metadata.json'), ...labels,
  ], env);
  phases.build = build.seconds;
  phases['post step'] = await start('post');
  if (process.env.BENCH_DEBUG) fs.writeFileSync(path.join(process.env.BENCH_DEBUG, `${chain.prefix}-${Date.now()}.log`), build.stderr);
  const steps = plainSteps(build.stderr);
  // BuildKit's gha import reads the index under the scope: a hit when any step came from it.
  return { phases, built: true, hit: steps.cached === 0 ? 'miss' : steps.cached === steps.steps ? 'exact' : 'partial', ...steps };
}

async function localCacheRecipe(bench, chain, commit) {
  const cacheDir = path.join(chain.runnerTemp, '.buildx-cache');
  const key = `${chain.prefix}-Linux-buildx-${commit.sha}`;
  const phases = {};
  const restored = await cacheStep(bench, chain, 'restore', { path: cacheDir, key, restoreKeys: [`${chain.prefix}-Linux-buildx-`] });
  phases.restore = restored.seconds;
  const build = await buildAndPush(bench, chain, commit, ['--cache-from', `type=local,src=${cacheDir}`, '--cache-to', `type=local,dest=${cacheDir}-new,mode=max`]);
  phases.build = build.seconds;
  const started = Date.now();
  // The documented "temp fix" for the growing cache: move the new folder over the old one.
  fs.rmSync(cacheDir, { recursive: true, force: true });
  fs.renameSync(`${cacheDir}-new`, cacheDir);
  phases.swap = (Date.now() - started) / 1000;
  const exact = restored.key === key;
  if (!exact) phases.save = (await cacheStep(bench, chain, 'save', { path: cacheDir, key })).seconds;
  return { phases, built: true, hit: exact ? 'exact' : restored.key ? 'partial' : 'miss', ...plainSteps(build.stderr) };
}

// Not something users run: a lower bound for any tool whose cache lives in the
// Actions cache. The cold step stores the cold build's BuildKit cache as one
// entry; the change restores it (one lookup, one download), builds with it and
// does nothing else: no cache export, no save.
async function floor(bench, chain, commit) {
  const cacheDir = path.join(chain.runnerTemp, '.buildx-cache');
  const key = `${chain.prefix}-floor`;
  const phases = {};
  const restored = await cacheStep(bench, chain, 'restore', { path: cacheDir, key, restoreKeys: [] });
  phases.restore = restored.seconds;
  const build = await buildAndPush(bench, chain, commit, restored.key ? ['--cache-from', `type=local,src=${cacheDir}`] : ['--cache-to', `type=local,dest=${cacheDir},mode=max`]);
  phases.build = build.seconds;
  if (!restored.key) phases.save = (await cacheStep(bench, chain, 'save', { path: cacheDir, key })).seconds;
  return { phases, built: true, hit: restored.key ? 'partial' : 'miss', ...plainSteps(build.stderr) };
}

async function saveLoad(bench, chain, { ref, sha }) {
  const tarDir = path.join(chain.runnerTemp, 'docker-image');
  const tar = path.join(tarDir, 'image.tar');
  const key = `${chain.prefix}-Linux-docker-image-${sha}`;
  const phases = {};
  const restored = await cacheStep(bench, chain, 'restore', { path: tarDir, key, restoreKeys: [`${chain.prefix}-Linux-docker-image-`] });
  phases.restore = restored.seconds;
  const cacheFrom = [];
  if (restored.key && fs.existsSync(tar)) {
    const loaded = await bench.run('docker', ['load', '--input', tar]);
    phases.load = loaded.seconds;
    for (const match of loaded.stdout.matchAll(/^Loaded image: (\S+)$/gm)) cacheFrom.push('--cache-from', match[1]);
  }
  const build = await buildAndPush(bench, chain, { ref, sha }, ['--build-arg', 'BUILDKIT_INLINE_CACHE=1', ...cacheFrom]);
  phases.build = build.seconds;
  const exact = restored.key === key;
  if (!exact) {
    fs.mkdirSync(tarDir, { recursive: true });
    phases['docker save'] = (await bench.run('docker', ['save', '--output', tar, `${chain.image}:${tagNames(ref, sha)[0]}`])).seconds;
    phases.save = (await cacheStep(bench, chain, 'save', { path: tarDir, key })).seconds;
  }
  return { phases, built: true, hit: exact ? 'exact' : restored.key ? 'partial' : 'miss', ...plainSteps(build.stderr) };
}
