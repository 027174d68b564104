#!/usr/bin/env node
// The benchmark (issue 9): image-build side by side with what users run today,
// in one run, on one machine, against the local stack (scripts/stack.sh).
//
//   node_modules/.bin/node scripts/bench.mjs [--reps N] [--quick] [--changes N]
//       [--scenarios cold,rerun,change,release,ten] [--tools image-build,recipe,save-load]
//       [--write | --no-write] [--keep] [--attempts N] [--action DIR] [--candidate DIR]
//
// Tools, each with its own image name, cache keys and runner temp folder:
//   image-build  the bundled action (dist/index.cjs, then dist/post.cjs) as a runner runs it
//   recipe       Docker's documented local-cache recipe: actions/cache restores
//                /tmp/.buildx-cache (key <os>-buildx-<sha>, restore key <os>-buildx-),
//                `buildx build --cache-from type=local,src=… --cache-to type=local,dest=…-new,mode=max`,
//                the new folder is moved over the old one, actions/cache saves it
//                (not on an exact key hit, as actions/cache does)
//   save-load    actions/cache restores an image tar, `docker load`, build with inline
//                cache (BUILDKIT_INLINE_CACHE=1, --cache-from <loaded image>), push,
//                `docker save`, actions/cache saves it (not on an exact hit)
// The cache steps of the two recipes run the real @actions/cache in their own
// Node processes (as actions/cache does: restore in main, save in post). All
// three tools use one private instance of the stack's cache-service emulator
// (scripts/cache-service.mjs on a free port), so its /_stats count this
// benchmark's requests and bytes only, even while others test against the stack.
//
// Scenarios, each on a "fresh runner" (builder cache pruned, local images removed,
// runner temp emptied): cold; no-change rerun (same commit); one source file changed
// (new commit); release tag refs/tags/v1.2.3 on the commit just built; ten
// consecutive one-file changes (the cache size after them; first repetition only).
// Times are the min over the repetitions; other columns come from that repetition.
// A step whose result is not what the scenario must give (a failed push, a cache
// hit of the wrong kind, a step that should have been cached but ran: others
// prune the same engine at any moment) is retried, up to --attempts (3), and a
// disturbed step never counts toward the min.
// Measured per step: wall seconds; bytes down/up and requests to the cache
// service (/_stats); what the chain keeps stored there (its finalized entries);
// blob uploads to the registry (`PUT /v2/<repo>/blobs/uploads/… 201` in its
// access log). Cache size = what a restore downloads: the one-file change
// restores the cold cache, the last change of the series the cache after N changes.
//
// Writes docs/benchmarks.md (between its bench:start/bench:end markers) and
// docs/benchmarks.svg; `--quick` (1 repetition) writes them only with --write.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nodeBinary, root, runAction, spawnCollect, stackEnv } from './run-action.mjs';

const SELF = fileURLToPath(import.meta.url);

// ---- child mode: one actions/cache step (restore or save) in its own process ----
if (process.argv[2] === '--child') {
  const [mode, json] = process.argv.slice(3);
  const job = JSON.parse(json);
  const cache = await import('@actions/cache');
  const started = Date.now();
  let result;
  try {
    if (mode === 'restore') result = { key: (await cache.restoreCache([job.path], job.key, job.restoreKeys)) ?? null };
    else result = { id: await cache.saveCache([job.path], job.key) };
  } catch (error) {
    result = { error: String(error?.message ?? error) };
  }
  result.seconds = (Date.now() - started) / 1000;
  process.stdout.write(`\n::bench-result::${JSON.stringify(result)}\n`);
  process.exit(0);
}

// ---- options ----
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
if (flag('--help') || flag('-h')) {
  process.stdout.write(fs.readFileSync(SELF, 'utf8').split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n') + '\n');
  process.exit(0);
}
const QUICK = flag('--quick');
const REPS = Number(option('--reps', QUICK ? '1' : '3'));
const CHANGES = Number(option('--changes', '10'));
const WRITE = flag('--write') || (!QUICK && !flag('--no-write') && !argv.includes('--link-mbps') && !argv.includes('--latency-ms'));
const KEEP = flag('--keep');
const ATTEMPTS = Number(option('--attempts', '3'));
// --candidate DIR: a second build of the action (DIR holds its .cjs files,
// e.g. `node scripts/build.mjs /tmp/candidate`) run beside the
// committed one, to measure a change in the same run.
const CANDIDATE = option('--candidate');
// --action DIR: run this build as "image-build" instead of the committed dist/ (a clean A/B with --candidate).
const ACTION = option('--action');
// --link-mbps N, --latency-ms N: the cache service behind a modelled network (a link of N MB/s
// each way, N ms a request; scripts/cache-service.mjs) instead of loopback. Such a run does
// not write the docs unless --write is given.
const LINK_MBPS = Number(option('--link-mbps', '0'));
const LATENCY_MS = Number(option('--latency-ms', '0'));
const NETWORK = LINK_MBPS > 0 || LATENCY_MS > 0 ? `the cache service behind a modelled network: ${LINK_MBPS > 0 ? `${LINK_MBPS} MB/s each way` : 'loopback speed'}, ${LATENCY_MS} ms a request` : 'the cache service on loopback';
const ALL_TOOLS = ['image-build', ...(CANDIDATE ? ['candidate'] : []), 'recipe', 'save-load', 'floor'];
const TOOLS = option('--tools', ALL_TOOLS.join(',')).split(',');
/** The floor is a yardstick, not a tool: it stays out of the chart. */
const CHART_TOOLS = TOOLS.filter((tool) => tool !== 'floor');
const ALL_SCENARIOS = ['cold', 'rerun', 'change', 'release', 'ten'];
const SCENARIOS = option('--scenarios', ALL_SCENARIOS.join(',')).split(',');
for (const t of TOOLS) if (!ALL_TOOLS.includes(t)) usage(`unknown tool ${t}`);
for (const s of SCENARIOS) if (!ALL_SCENARIOS.includes(s)) usage(`unknown scenario ${s}`);
if (!(REPS >= 1) || !(CHANGES >= 1)) usage('--reps and --changes take a number >= 1');
if (!(LINK_MBPS >= 0) || !(LATENCY_MS >= 0)) usage('--link-mbps and --latency-ms take a number >= 0');

function usage(message) {
  console.error(`bench: ${message}\nusage: node scripts/bench.mjs [--reps N] [--quick] [--changes N] [--scenarios …] [--tools …] [--write|--no-write] [--keep] [--attempts N] [--link-mbps N] [--latency-ms N]`);
  process.exit(2);
}

const LABELS = { cold: 'cold', rerun: 'no-change rerun', change: 'one-file change', release: 'release on a built commit', ten: `${CHANGES} one-file changes` };
const TOOL_LABELS = { 'image-build': 'image-build', candidate: 'image-build (candidate)', recipe: 'local-cache recipe', 'save-load': 'docker save/load', floor: 'floor: one restore + BuildKit' };
/** The floor is a yardstick for the one-file change; its cold step only stores the cache that change restores. */
const runsIn = (tool, scenario) => tool !== 'floor' || ['cold', 'change'].includes(scenario);
const reportedIn = (tool, scenario) => tool !== 'floor' || scenario === 'change';
const APP = path.join(root, 'examples/bench');
const log = (message) => process.stderr.write(`bench: ${message}\n`);

// ---- small helpers ----
async function run(command, args, { env = process.env, cwd = root, allowFail = false } = {}) {
  const result = await spawnCollect(command, args, env, cwd);
  if (result.code !== 0 && !allowFail) {
    const tail = (result.stderr || result.stdout).trim().split('\n').slice(-8).join('\n');
    throw new Error(`${command} ${args.slice(0, 3).join(' ')} … exited ${result.code}:\n${tail}`);
  }
  return result;
}
const docker = (...args) => run('docker', args);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const hex = (bytes) => crypto.randomBytes(bytes).toString('hex');
const fileSize = (file) => (file && fs.existsSync(file) ? fs.statSync(file).size : 0);
const readFrom = (file, offset) => {
  if (!file || !fs.existsSync(file)) return '';
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const buffer = Buffer.alloc(Math.max(0, size - offset));
    fs.readSync(fd, buffer, 0, buffer.length, offset);
    return buffer.toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
};
const mb = (bytes) => (bytes === undefined || bytes === null ? '–' : (bytes / 1e6).toFixed(bytes >= 1e3 && bytes < 1e5 ? 3 : 1));
const secs = (value) => (value === undefined ? '–' : value.toFixed(2));

/** Cached and total Dockerfile steps (FROM left out) in `--progress=plain` output. */
function plainSteps(output) {
  const idToStep = new Map();
  for (const match of output.matchAll(/^#(\d+) \[([^\]]*?\d+\/\d+)\] (.*)$/gm)) if (!/^FROM /.test(match[3])) idToStep.set(match[1], match[2]);
  const cached = new Set();
  for (const match of output.matchAll(/^#(\d+) CACHED$/gm)) if (idToStep.has(match[1])) cached.add(idToStep.get(match[1]));
  return { cached: cached.size, steps: new Set(idToStep.values()).size };
}

/** The same counts from image-build's job summary (its step table). */
function summarySteps(summary) {
  const rows = [...summary.matchAll(/^\|(?:[^|`\n]*\|)? `([^`]*)` \| (cached|run|\*\*failed\*\*)/gm)].filter((m) => !/^(\[[^\]]*\] )?FROM /.test(m[1]));
  return { cached: rows.filter((m) => m[2] === 'cached').length, steps: rows.length };
}

/**
 * What a sound measurement of `scenario` looks like; anything else means the
 * chain was disturbed (e.g. someone else pruned the engine mid-build) and the
 * step is left out of the min.
 */
function anomaly(scenario, o) {
  const kind = scenario.replace(/#\d+$/, '');
  if (['image-build', 'candidate'].includes(o.tool) && ['rerun', 'release'].includes(kind)) return o.built ? 'built, expected a fingerprint match' : undefined;
  if (!o.built) return 'no build, expected one';
  const expected = { cold: ['miss', 0], rerun: ['exact', o.steps], release: ['exact', o.steps], change: ['partial', o.steps - 2], ten: ['partial', o.steps - 2] }[kind];
  if (o.hit !== expected[0]) return `cache ${o.hit}, expected ${expected[0]}`;
  if (o.steps !== 5 || o.cached !== expected[1]) return `${o.cached}/${o.steps} steps cached, expected ${expected[1]}/5`;
  return undefined;
}

/** The tags the default `tags` input gives for a ref (metadata-action: semver, branch, sha). */
function tagNames(ref, sha) {
  const sha7 = `sha-${sha.slice(0, 7)}`;
  const version = /^refs\/tags\/v?(\d+)\.(\d+)\.(\d+)$/.exec(ref);
  if (version) return [`${version[1]}.${version[2]}.${version[3]}`, `${version[1]}.${version[2]}`, version[1], 'latest', sha7];
  return [ref.replace(/^refs\/heads\//, '').replace(/[^A-Za-z0-9_.-]/g, '-'), sha7];
}

// ---- the stack ----
log('bringing up the stack (scripts/stack.sh up)');
{
  const up = await run('bash', [path.join(root, 'scripts/stack.sh'), 'up'], { allowFail: true });
  if (up.code !== 0) {
    console.error(up.stderr || up.stdout);
    process.exit(1);
  }
}
const STACK = stackEnv();
Object.assign(process.env, STACK);
const REGISTRY = STACK.IMAGE_BUILD_REGISTRY;
const BASE = STACK.IMAGE_BUILD_BASE_IMAGE;
const REGISTRY_LOG = STACK.IMAGE_BUILD_REGISTRY_LOG;
if (!REGISTRY_LOG || !fs.existsSync(REGISTRY_LOG)) throw new Error('the stack has no registry access log (IMAGE_BUILD_REGISTRY_LOG)');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-bench-'));
// A private instance of the stack's cache-service emulator, used by all three
// tools: its /_stats then count this benchmark's requests and bytes only, even
// while others run tests against the stack's instance.
const cacheService = await startCacheService();
const CACHE_URL = cacheService.url;
for (const file of ['dist/index.cjs', 'dist/post.cjs', 'dist/actions-cache.cjs']) {
  if (!fs.existsSync(path.join(root, file))) throw new Error(`${file} is missing: run \`npm run build\``);
}
const distDigest = () => crypto.createHash('sha256').update(fs.readFileSync(path.join(root, 'dist/index.cjs'))).digest('hex').slice(0, 12);
const DIST_AT_START = distDigest();

/** The env an actions/cache step sees on a runner (cache service v2, this workspace). */
function cacheStepEnv(chain) {
  const env = { ...process.env, ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: CACHE_URL, ACTIONS_RUNTIME_TOKEN: 'local-token',
    GITHUB_WORKSPACE: chain.workspace, RUNNER_TEMP: chain.runnerTemp, RUNNER_OS: 'Linux', RUNNER_ARCH: 'X64' };
  delete env.GITHUB_SERVER_URL;
  delete env.ACTIONS_CACHE_URL;
  return env;
}

async function cacheStep(chain, mode, job) {
  const result = await run(nodeBinary(), [SELF, '--child', mode, JSON.stringify(job)], { env: cacheStepEnv(chain), cwd: chain.workspace });
  const line = result.stdout.split('\n').find((l) => l.startsWith('::bench-result::'));
  if (!line) throw new Error(`actions/cache ${mode} printed no result:\n${result.stdout}${result.stderr}`);
  const parsed = JSON.parse(line.slice('::bench-result::'.length));
  if (parsed.error && mode === 'restore') throw new Error(`actions/cache restore: ${parsed.error}`);
  return { ...parsed, seconds: result.seconds };
}

async function startCacheService() {
  const dir = path.join(scratch, 'cache-service');
  const logFile = path.join(scratch, 'cache-service.log');
  const out = fs.openSync(logFile, 'a');
  const network = [...(LINK_MBPS > 0 ? ['--link-mbps', String(LINK_MBPS)] : []), ...(LATENCY_MS > 0 ? ['--latency-ms', String(LATENCY_MS)] : [])];
  const child = spawn(nodeBinary(), [path.join(root, 'scripts/cache-service.mjs'), '--port', '0', '--dir', dir, ...network], { stdio: ['ignore', out, out] });
  fs.closeSync(out);
  for (let waited = 0; waited < 10_000; waited += 50) {
    const url = /listening on (\S+)/.exec(fs.readFileSync(logFile, 'utf8'))?.[1];
    if (url) return { url, stop: () => child.kill('SIGTERM') };
    if (child.exitCode !== null) break;
    await sleep(50);
  }
  child.kill('SIGTERM');
  throw new Error(`the cache-service emulator did not start:\n${fs.readFileSync(logFile, 'utf8')}`);
}

async function cacheEntries() {
  const response = await fetch(new URL('_entries', CACHE_URL));
  if (!response.ok) throw new Error(`GET /_entries: ${response.status}`);
  return response.json();
}

async function cacheStats() {
  const response = await fetch(new URL('_stats', CACHE_URL));
  return response.ok ? (await response.json()).routes : {};
}

function statsTotals(routes) {
  let up = 0;
  let down = 0;
  let requests = 0;
  for (const route of Object.values(routes)) {
    up += route.bytesUp;
    down += route.bytesDown;
    requests += route.requests;
  }
  return { up, down, requests };
}

/** What a new GitHub runner has: no BuildKit cache, no local images, an empty RUNNER_TEMP. */
async function freshRunner(chain) {
  // Others' prunes on the same engine can make ours fail ("prune operation is already running"): retry.
  for (const args of [['buildx', 'prune', '-af'], ['image', 'prune', '-af']]) {
    for (let attempt = 1; ; attempt++) {
      const result = await run('docker', args, { allowFail: true });
      if (result.code === 0) break;
      if (attempt === 5) throw new Error(`docker ${args.join(' ')}: ${result.stderr.trim()}`);
      await sleep(1000 * attempt);
    }
  }
  for (const name of fs.readdirSync(chain.runnerTemp)) fs.rmSync(path.join(chain.runnerTemp, name), { recursive: true, force: true });
}

/** One run of the action (main, then post) as a runner runs it; its phases from the job summary. */
async function imageBuild(runner, chain, { ref, sha }) {
  const result = await runner({
    workspace: chain.workspace,
    runnerTemp: chain.runnerTemp,
    ref,
    sha,
    inputs: { context: '.', images: chain.image, 'build-args': `BASE=${BASE}`, 'cache-key-prefix': chain.prefix },
    env: { IMAGE_BUILD_CACHE_URL: CACHE_URL, ACTIONS_RESULTS_URL: CACHE_URL },
  });
  if (result.code !== 0) {
    const tail = (result.stdout + result.stderr).trim().split('\n').slice(-12).join('\n');
    throw new Error(`the action failed (exit ${result.code}):\n${tail}`);
  }
  const expected = tagNames(ref, sha);
  const got = (result.outputs['tag-names'] ?? '').split('\n').filter(Boolean);
  if (got.slice().sort().join() !== expected.slice().sort().join()) log(`warning: image-build pushed ${got.join(', ')}; the recipes push ${expected.join(', ')}`);
  // The summary's phases (0.1 s resolution), then what lies outside them: in the
  // pipeline (Docker CLI checks, config), in main (Node start-up, bundle load,
  // outputs, summary) and the post step.
  const reported = {};
  const row = result.summary.split('\n').find((line) => line.startsWith('| seconds |'));
  for (const match of (row ?? '').matchAll(/([a-z][a-z +]*?) (\d+(?:\.\d+)?)(?= ·| \|)/g)) reported[match[1].trim()] = Number(match[2]);
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

const runners = new Map();
/** runAction for a build of the action in `distDir`: a copy of scripts/run-action.mjs in a folder whose dist/ is that build. */
async function runnerFor(distDir) {
  if (!runners.has(distDir)) {
    const dir = fs.mkdtempSync(path.join(scratch, 'action-root-'));
    fs.mkdirSync(path.join(dir, 'dist'));
    fs.mkdirSync(path.join(dir, 'scripts'));
    for (const file of fs.readdirSync(distDir).filter((name) => name.endsWith('.cjs'))) fs.copyFileSync(path.join(path.resolve(distDir), file), path.join(dir, 'dist', file));
    fs.copyFileSync(path.join(root, 'scripts/run-action.mjs'), path.join(dir, 'scripts/run-action.mjs'));
    for (const link of ['.stack', 'node_modules']) fs.symlinkSync(path.join(root, link), path.join(dir, link));
    runners.set(distDir, (await import(pathToFileURL(path.join(dir, 'scripts/run-action.mjs')).href)).runAction);
  }
  return runners.get(distDir);
}

/** `docker buildx build … --push` of the example as the recipes run it, pushing the tags image-build pushes. */
function buildAndPush(chain, ref, sha, cacheArgs) {
  const tags = tagNames(ref, sha).flatMap((tag) => ['--tag', `${chain.image}:${tag}`]);
  return run('docker', ['buildx', 'build', '--progress=plain', '--provenance=false', '--build-arg', `BASE=${BASE}`, ...tags, ...cacheArgs, '--push', '.'], { cwd: chain.workspace });
}

// ---- the tools: each runs one CI job's image step and returns its phases ----
const tools = {
  'image-build': async (chain, commit) => imageBuild(ACTION ? await runnerFor(ACTION) : runAction, chain, commit),
  candidate: async (chain, commit) => imageBuild(await runnerFor(CANDIDATE), chain, commit),

  async recipe(chain, { ref, sha }) {
    const cacheDir = path.join(chain.runnerTemp, '.buildx-cache');
    const key = `${chain.prefix}-Linux-buildx-${sha}`;
    const phases = {};
    const restored = await cacheStep(chain, 'restore', { path: cacheDir, key, restoreKeys: [`${chain.prefix}-Linux-buildx-`] });
    phases.restore = restored.seconds;
    const build = await buildAndPush(chain, ref, sha, ['--cache-from', `type=local,src=${cacheDir}`, '--cache-to', `type=local,dest=${cacheDir}-new,mode=max`]);
    phases.build = build.seconds;
    let started = Date.now();
    // The documented "temp fix" for the growing cache: move the new folder over the old one.
    fs.rmSync(cacheDir, { recursive: true, force: true });
    fs.renameSync(`${cacheDir}-new`, cacheDir);
    phases.swap = (Date.now() - started) / 1000;
    const exact = restored.key === key;
    if (!exact) {
      const saved = await cacheStep(chain, 'save', { path: cacheDir, key });
      if (saved.error) log(`warning: recipe save: ${saved.error}`);
      phases.save = saved.seconds;
    }
    return { phases, built: true, hit: exact ? 'exact' : restored.key ? 'partial' : 'miss', ...plainSteps(build.stderr) };
  },

  // Not something users run: a lower bound for any tool whose cache lives in the
  // Actions cache. The cold step stores the cold build's BuildKit cache as one
  // entry; the change restores it (one lookup, one download), builds with it and
  // does nothing else: no cache export, no save.
  async floor(chain, { ref, sha }) {
    const cacheDir = path.join(chain.runnerTemp, '.buildx-cache');
    const key = `${chain.prefix}-floor`;
    const phases = {};
    const restored = await cacheStep(chain, 'restore', { path: cacheDir, key, restoreKeys: [] });
    phases.restore = restored.seconds;
    const build = await buildAndPush(chain, ref, sha, restored.key ? ['--cache-from', `type=local,src=${cacheDir}`] : ['--cache-to', `type=local,dest=${cacheDir},mode=max`]);
    phases.build = build.seconds;
    if (!restored.key) {
      const saved = await cacheStep(chain, 'save', { path: cacheDir, key });
      if (saved.error) log(`warning: floor save: ${saved.error}`);
      phases.save = saved.seconds;
    }
    return { phases, built: true, hit: restored.key ? 'partial' : 'miss', ...plainSteps(build.stderr) };
  },

  async 'save-load'(chain, { ref, sha }) {
    const tarDir = path.join(chain.runnerTemp, 'docker-image');
    const tar = path.join(tarDir, 'image.tar');
    const key = `${chain.prefix}-Linux-docker-image-${sha}`;
    const phases = {};
    const restored = await cacheStep(chain, 'restore', { path: tarDir, key, restoreKeys: [`${chain.prefix}-Linux-docker-image-`] });
    phases.restore = restored.seconds;
    const cacheFrom = [];
    if (restored.key && fs.existsSync(tar)) {
      const loaded = await docker('load', '--input', tar);
      phases.load = loaded.seconds;
      for (const match of loaded.stdout.matchAll(/^Loaded image: (\S+)$/gm)) cacheFrom.push('--cache-from', match[1]);
    }
    const names = tagNames(ref, sha).map((tag) => `${chain.image}:${tag}`);
    const build = await run('docker', ['buildx', 'build', '--progress=plain', '--provenance=false', '--build-arg', `BASE=${BASE}`,
      '--build-arg', 'BUILDKIT_INLINE_CACHE=1', ...cacheFrom, ...names.flatMap((name) => ['--tag', name]), '--push', '.'], { cwd: chain.workspace });
    phases.build = build.seconds;
    const exact = restored.key === key;
    if (!exact) {
      fs.mkdirSync(tarDir, { recursive: true });
      const saved = await docker('save', '--output', tar, names[0]);
      phases['docker save'] = saved.seconds;
      const stored = await cacheStep(chain, 'save', { path: tarDir, key });
      if (stored.error) log(`warning: save-load save: ${stored.error}`);
      phases.save = stored.seconds;
    }
    return { phases, built: true, hit: exact ? 'exact' : restored.key ? 'partial' : 'miss', ...plainSteps(build.stderr) };
  },
};

// ---- one measured step: a tool on a scenario ----
/**
 * One tool on one scenario, on a fresh runner. Others prune the same engine (an
 * image gone between build and push, cache records gone mid-build) and may even
 * restart the stack: a failed or disturbed attempt is undone (its cache entries
 * deleted, its registry tags put back) and retried, up to --attempts.
 */
async function measure(chain, scenario, commit) {
  const repository = chain.image.slice(REGISTRY.length + 1);
  for (let attempt = 1; ; attempt++) {
    let undo;
    let record;
    try {
      await freshRunner(chain);
      undo = { entryId: Math.max(0, ...(await cacheEntries()).map((entry) => entry.id)), tags: await repositoryTags(repository) };
      record = await attemptStep(chain, scenario, commit, repository);
    } catch (error) {
      record = { tool: chain.tool, scenario, error: `benchmark step: ${error.message ?? error}` };
    }
    if (attempt > 1 && record.notes) record.notes += ` (attempt ${attempt})`;
    log(`${scenario.padEnd(9)} ${chain.tool.padEnd(11)} ${secs(record.seconds).padStart(6)} s  ${record.error ? `FAILED (attempt ${attempt})` : record.notes}` +
      `  stored ${mb(record.storedBytes)} MB  cache ↑${mb(record.cacheUp)} ↓${mb(record.cacheDown)} MB in ${record.cacheRequests ?? '–'} requests  blob uploads ${record.uploads ?? '–'}` +
      `  [${Object.entries(record.phases ?? {}).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}]`);
    if (!record.error || attempt >= ATTEMPTS) return record;
    log(`  ${record.error.split('\n').filter(Boolean).slice(-4).join('\n  ')}`);
    try {
      await run('bash', [path.join(root, 'scripts/stack.sh'), 'up']);
      if (undo) await undoStep(chain, repository, undo);
    } catch (error) {
      log(`warning: could not undo the failed attempt: ${error.message ?? error}`);
    }
  }
}

async function attemptStep(chain, scenario, commit, repository) {
  const registryOffset = fileSize(REGISTRY_LOG);
  await fetch(new URL('_stats/reset', CACHE_URL), { method: 'POST' });
  const started = Date.now();
  let outcome;
  try {
    outcome = await tools[chain.tool](chain, commit);
  } catch (error) {
    outcome = { error: String(error.message ?? error) };
  }
  const seconds = (Date.now() - started) / 1000;
  if (!outcome.error) {
    outcome.notes = outcome.built ? `cache ${outcome.hit}, ${outcome.cached}/${outcome.steps} steps cached` : 'no build (fingerprint)';
    const wrong = anomaly(scenario, { tool: chain.tool, ...outcome });
    if (wrong) outcome.error = `unexpected result: ${wrong}`;
  }
  await sleep(150); // let the registry's access log catch up
  const uploads = readFrom(REGISTRY_LOG, registryOffset).split('\n')
    .filter((line) => line.includes(`PUT /v2/${repository}/blobs/uploads/`) && / 201 /.test(line)).length;
  const { up, down, requests } = statsTotals(await cacheStats());
  const entries = (await cacheEntries()).filter((entry) => entry.key.startsWith(`${chain.prefix}-`));
  // What the chain keeps in the cache service: every finalized entry (a whole-folder
  // cache adds one full copy per new key; a content-addressed one only new blobs).
  const storedBytes = entries.filter((entry) => entry.finalized).reduce((sum, entry) => sum + (entry.uploadedSize ?? 0), 0);
  return { tool: chain.tool, scenario, seconds, uploads, cacheUp: up, cacheDown: down, cacheRequests: requests, storedBytes, ...outcome };
}

const MANIFEST_TYPES = ['application/vnd.oci.image.index.v1+json', 'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json', 'application/vnd.docker.distribution.manifest.v2+json'].join(', ');

/** Every tag of a repository with its manifest bytes, to put a failed step's pushes back. */
async function repositoryTags(repository) {
  const tags = new Map();
  const list = await fetch(`http://${REGISTRY}/v2/${repository}/tags/list`);
  for (const tag of list.ok ? ((await list.json()).tags ?? []) : []) {
    const response = await fetch(`http://${REGISTRY}/v2/${repository}/manifests/${tag}`, { headers: { accept: MANIFEST_TYPES } });
    if (!response.ok) continue;
    tags.set(tag, { digest: response.headers.get('docker-content-digest'), type: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()) });
  }
  return tags;
}

/** Removes what a failed attempt left: its cache entries, the manifests it pushed; re-tags what it moved. */
async function undoStep(chain, repository, undo) {
  for (const entry of await cacheEntries()) {
    if (entry.id > undo.entryId && entry.key.startsWith(`${chain.prefix}-`)) {
      await fetch(new URL(`_entries/${encodeURIComponent(entry.key)}`, CACHE_URL), { method: 'DELETE' });
    }
  }
  const now = await repositoryTags(repository);
  const kept = new Set([...undo.tags.values()].map((m) => m.digest));
  for (const digest of new Set([...now.values()].map((m) => m.digest))) {
    if (!kept.has(digest)) await fetch(`http://${REGISTRY}/v2/${repository}/manifests/${digest}`, { method: 'DELETE' });
  }
  for (const [tag, before] of undo.tags) {
    if (now.get(tag)?.digest === before.digest) continue;
    const put = await fetch(`http://${REGISTRY}/v2/${repository}/manifests/${tag}`, { method: 'PUT', headers: { 'content-type': before.type }, body: before.body });
    if (!put.ok) log(`warning: could not put ${repository}:${tag} back: ${put.status}`);
  }
}

function editSource(workspace, n) {
  const file = path.join(workspace, 'src', `module${String(((n - 1) % 40) + 1).padStart(2, '0')}.js`);
  fs.appendFileSync(file, `export const change${n} = ${n};\n`);
}

// ---- the run ----
const runId = hex(3);
const machine = await machineFacts();
log(`run ${runId}: ${REPS} repetition(s), tools ${TOOLS.join(', ')}, scenarios ${SCENARIOS.join(', ')}; ${machine.cores} cores, Docker ${machine.docker}, Buildx ${machine.buildx}`);
const results = []; // { rep, tool, scenario, ... }
const tenSeries = {}; // tool -> [{ n, seconds, cacheDown, cacheUp, storedBytes, error }]
const chains = [];
const benchStarted = Date.now();
let aborted;

try {
  for (let rep = 1; rep <= REPS; rep++) {
    const repChains = TOOLS.map((tool) => {
      const name = `bench-${runId}-r${rep}-${tool}`;
      const workspace = path.join(scratch, `${name}-ws`);
      fs.cpSync(APP, workspace, { recursive: true });
      const runnerTemp = path.join(scratch, `${name}-temp`);
      fs.mkdirSync(runnerTemp, { recursive: true });
      return { tool, prefix: name, image: `${REGISTRY}/bench/${runId}-r${rep}-${tool}`, workspace, runnerTemp };
    });
    chains.push(...repChains);
    // Rotate the order of the tools each repetition so none always runs first.
    const ordered = repChains.map((_, i) => repChains[(i + rep - 1) % repChains.length]);
    const commit = { a: hex(20), b: hex(20) };
    const step = async (scenario, commitOf, prepare) => {
      for (const chain of ordered) {
        if (!runsIn(chain.tool, scenario)) continue;
        prepare?.(chain);
        results.push({ rep, ...(await measure(chain, scenario, commitOf(chain))) });
      }
    };
    log(`— repetition ${rep} of ${REPS}`);
    // The chain is stateful: a later scenario needs the earlier ones' cache and images.
    await step('cold', () => ({ ref: 'refs/heads/main', sha: commit.a }));
    if (SCENARIOS.includes('rerun')) await step('rerun', () => ({ ref: 'refs/heads/main', sha: commit.a }));
    if (SCENARIOS.some((s) => ['change', 'release', 'ten'].includes(s))) {
      await step('change', () => ({ ref: 'refs/heads/main', sha: commit.b }), (chain) => editSource(chain.workspace, 7));
    }
    if (SCENARIOS.includes('release')) await step('release', () => ({ ref: 'refs/tags/v1.2.3', sha: commit.b }));
    if (SCENARIOS.includes('ten') && rep === 1) {
      for (let n = 1; n <= CHANGES; n++) {
        const sha = hex(20);
        for (const chain of ordered) {
          if (!runsIn(chain.tool, 'ten')) continue;
          editSource(chain.workspace, 100 + n);
          const record = await measure(chain, `ten#${n}`, { ref: 'refs/heads/main', sha });
          (tenSeries[chain.tool] ??= []).push({ n, seconds: record.seconds, cacheDown: record.cacheDown, cacheUp: record.cacheUp, storedBytes: record.storedBytes, error: record.error });
        }
      }
    }
  }
} catch (error) {
  aborted = error;
  log(`aborted: ${error.stack ?? error}`);
} finally {
  cacheService.stop();
  if (KEEP) log(`kept ${scratch}`);
  else fs.rmSync(scratch, { recursive: true, force: true });
}
if (!ACTION && distDigest() !== DIST_AT_START) log('warning: dist/index.cjs changed during the run; image-build numbers mix two builds');

// ---- report ----
const best = {}; // scenario -> tool -> record with the min time
for (const record of results) {
  if (record.error) continue;
  const slot = ((best[record.scenario] ??= {})[record.tool]);
  if (!slot || record.seconds < slot.seconds) best[record.scenario][record.tool] = record;
}
const failures = results.filter((record) => record.error);
const markdown = report();
process.stdout.write(`\n${markdown}\n`);
if (WRITE) {
  writeDocs(markdown);
  fs.writeFileSync(path.join(root, 'docs/benchmarks.svg'), chart());
  log('wrote docs/benchmarks.md and docs/benchmarks.svg');
}
log(`done in ${((Date.now() - benchStarted) / 60000).toFixed(1)} min`);
// Disturbed attempts are normal on a shared engine; a cell with no sound measurement is not.
const missing = SCENARIOS.filter((s) => s !== 'ten').flatMap((s) => TOOLS.filter((t) => runsIn(t, s) && !best[s]?.[t]).map((t) => `${s}/${t}`));
if (missing.length) log(`no sound measurement for ${missing.join(', ')}`);
process.exit(missing.length || aborted ? 1 : 0);

function report() {
  const lines = [];
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  lines.push(`Run \`${runId}\` of ${date} UTC: min of ${REPS} repetition${REPS > 1 ? 's' : ''} per cell; ` +
    `${machine.cores} × ${machine.cpu}, ${machine.memory} GB RAM, ${machine.os}; Docker Engine ${machine.docker} (containerd image store), ` +
    `Buildx ${machine.buildx}, Node ${process.versions.node}; ${NETWORK}; image-build ${ACTION ? `from \`${ACTION}\`` : `\`dist/index.cjs\` ${DIST_AT_START}`}` +
    `${CANDIDATE ? `, candidate from \`${CANDIDATE}\`` : ''}.`, '');
  lines.push('| scenario | tool | seconds | × recipe | result | cache ↓ MB | cache ↑ MB | cache requests | cache stored MB | registry blob uploads |',
    '|---|---|---:|---:|---|---:|---:|---:|---:|---:|');
  for (const scenario of ['cold', 'rerun', 'change', 'release']) {
    if (!best[scenario]) continue;
    const recipe = best[scenario].recipe?.seconds;
    for (const tool of TOOLS.filter((t) => reportedIn(t, scenario))) {
      const r = best[scenario][tool];
      if (!r) {
        lines.push(`| ${LABELS[scenario]} | ${TOOL_LABELS[tool]} | failed | | | | | | | |`);
        continue;
      }
      const ratio = recipe ? `${(r.seconds / recipe).toFixed(2)}×` : '–';
      const name = ['recipe', 'save-load', 'floor'].includes(tool) ? TOOL_LABELS[tool] : `**${TOOL_LABELS[tool]}**`;
      lines.push(`| ${LABELS[scenario]} | ${name} | ${secs(r.seconds)} | ${ratio} | ${r.notes} | ${mb(r.cacheDown)} | ${mb(r.cacheUp)} | ${r.cacheRequests} | ${mb(r.storedBytes)} | ${r.uploads} |`);
    }
  }
  lines.push('');

  if (Object.keys(tenSeries).length) {
    lines.push(`Cache size over ${CHANGES} consecutive one-file changes (first repetition). The cache a job restores is what it downloads: ` +
      `the one-file change restores the cold build's cache, change k of the series restores the cache left by k earlier changes.`, '',
      `| tool | cold cache MB | cache after ${CHANGES} changes MB | growth | stored after cold MB | stored after ${CHANGES + 1} changes MB | mean ↑ MB per change | mean seconds per change |`,
      '|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const tool of TOOLS.filter((t) => runsIn(t, 'ten'))) {
      const series = tenSeries[tool] ?? [];
      const ok = series.filter((step) => !step.error);
      const mean = (pick) => (ok.length ? ok.reduce((sum, step) => sum + pick(step), 0) / ok.length : undefined);
      const { cold, last } = growthOf(tool);
      const storedCold = results.find((r) => r.rep === 1 && r.tool === tool && r.scenario === 'cold')?.storedBytes;
      lines.push(`| ${TOOL_LABELS[tool]} | ${mb(cold)} | ${mb(last)} | ${cold && last ? `${(last / cold).toFixed(2)}×` : '–'} | ${mb(storedCold)} | ${mb(series.at(-1)?.storedBytes)} | ` +
        `${mb(mean((step) => step.cacheUp))} | ${secs(mean((step) => step.seconds))} |`);
    }
    lines.push('');
  }

  const ours = TOOLS.filter((tool) => tool === 'image-build' || tool === 'candidate');
  const goalTable = (title) =>
    lines.push(title, '', `| goal | target | ${ours.map((tool) => `${TOOL_LABELS[tool]} | |`).join(' ')}`, `|---|---|${ours.map(() => '---:|---|').join('')}`);
  const cell = (value, pass) => (value === undefined ? '– | not measured' : `${value} | ${pass ? 'pass' : '**fail**'}`);
  const ratioOf = (tool, scenario) => (best[scenario]?.[tool] && best[scenario]?.recipe ? best[scenario][tool].seconds / best[scenario].recipe.seconds : undefined);
  const goalRow = (name, target, measure) => lines.push(`| ${name} | ${target} | ${ours.map((tool) => cell(...measure(tool))).join(' | ')} |`);
  /** A goal on a scenario's time as a multiple of the recipe's (`max` as the report writes it). */
  const ratioGoal = (name, scenario, max) =>
    goalRow(name, `≤ ${max}× recipe`, (tool) => {
      const ratio = ratioOf(tool, scenario);
      return [ratio === undefined ? undefined : `${ratio.toFixed(2)}×`, ratio <= Number(max)];
    });
  goalTable('Goals of issue 9 (ratios within this run):');
  ratioGoal('no-change rerun', 'rerun', '0.30');
  ratioGoal('one-file change', 'change', '1.0');
  goalRow('release on a built commit', '≤ 1.5 s, 0 blob uploads', (tool) => {
    const release = best.release?.[tool];
    return [release ? `${secs(release.seconds)} s, ${release.uploads} uploads` : undefined, release && release.seconds <= 1.5 && release.uploads === 0];
  });
  goalRow(`cache after ${CHANGES} changes`, '≤ 1.3× cold cache', (tool) => {
    const { cold, last } = growthOf(tool);
    const growth = cold && last ? last / cold : undefined;
    return [growth === undefined ? undefined : `${growth.toFixed(2)}×`, growth <= 1.3];
  });
  lines.push('');

  goalTable('Goals of issue 10 (ratios within this run):');
  goalRow('uploaded after a one-file change', '≤ 1 MB', (tool) => {
    const up = best.change?.[tool]?.cacheUp;
    return [up === undefined ? undefined : `${mb(up)} MB`, up <= 1e6];
  });
  ratioGoal('one-file change', 'change', '0.6');
  ratioGoal('cold build', 'cold', '1.05');
  goalRow('no-change rerun', 'no cache traffic', (tool) => {
    const rerun = best.rerun?.[tool];
    return [rerun ? `${rerun.cacheRequests} requests` : undefined, rerun?.cacheRequests === 0];
  });
  const floor = ratioOf('floor', 'change');
  if (floor !== undefined) {
    lines.push('', `The floor of the one-file change is ${floor.toFixed(2)}× the recipe: one \`actions/cache\` restore of the cold build's ` +
      `cache (${mb(best.change.floor.cacheDown)} MB in one entry), then BuildKit with that cache and nothing else (no cache export, no save). ` +
      'A tool that keeps its cache in the Actions cache and builds on a fresh engine spends at least that.');
  }
  lines.push('');

  lines.push('Where the time goes (seconds, the repetition with the min time). image-build: the phases of its job summary (0.1 s resolution; zero phases left out), ' +
    'then the time outside them: in the pipeline (Docker CLI checks, Docker config), in `dist/index.cjs` outside the pipeline (Node start-up, loading the bundle, outputs, summary), and the post step (`dist/post.cjs`). ' +
    'The recipes: each `actions/cache` step is its own Node process.', '',
    '| scenario | tool | total | phases |', '|---|---|---:|---|');
  for (const scenario of ['cold', 'rerun', 'change', 'release']) {
    for (const tool of TOOLS.filter((t) => reportedIn(t, scenario))) {
      const r = best[scenario]?.[tool];
      if (!r) continue;
      const phases = Object.entries(r.phases ?? {}).map(([name, value]) => `${name} ${value.toFixed(2)}`).join(' · ');
      lines.push(`| ${LABELS[scenario]} | ${TOOL_LABELS[tool]} | ${secs(r.seconds)} | ${phases} |`);
    }
  }
  lines.push('');
  if (aborted) lines.push(`**The run was aborted** (${String(aborted.message ?? aborted).split('\n')[0]}); the tables are partial.`, '');
  if (failures.length) {
    lines.push('Failed steps (left out of the min):', '');
    for (const f of failures) lines.push(`- repetition ${f.rep}, ${f.scenario}, ${TOOL_LABELS[f.tool]}: ${f.error.split('\n').filter(Boolean).slice(-3).join(' / ')}`);
    lines.push('');
  }
  lines.push('![times by scenario and tool](benchmarks.svg)');
  return lines.join('\n');
}

/** The cache restored by the one-file change (the cold build's) and by the last change of the series. */
function growthOf(tool) {
  const change = results.find((r) => r.rep === 1 && r.tool === tool && r.scenario === 'change' && !r.error);
  const last = tenSeries[tool]?.at(-1);
  return { cold: change?.cacheDown, last: last && !last.error ? last.cacheDown : undefined };
}

function writeDocs(generated) {
  const file = path.join(root, 'docs/benchmarks.md');
  const start = '<!-- bench:start (generated by `npm run bench`; edit outside these markers) -->';
  const end = '<!-- bench:end -->';
  const block = `${start}\n${generated}\n${end}`;
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const from = text.indexOf('<!-- bench:start');
  const to = text.indexOf(end);
  if (from >= 0 && to > from) text = text.slice(0, from) + block + text.slice(to + end.length);
  else text = `# Benchmarks\n\n${block}\n`;
  fs.writeFileSync(file, text);
}

function chart() {
  const TOOLS = CHART_TOOLS;
  const groups = ['cold', 'rerun', 'change', 'release'].filter((s) => best[s]).map((s) => ({ label: LABELS[s], values: Object.fromEntries(TOOLS.map((t) => [t, best[s][t]?.seconds])) }));
  if (Object.keys(tenSeries).length) {
    const values = {};
    for (const tool of TOOLS) {
      const ok = (tenSeries[tool] ?? []).filter((s) => !s.error);
      values[tool] = ok.length ? ok.reduce((sum, s) => sum + s.seconds, 0) / ok.length : undefined;
    }
    groups.push({ label: `change (mean of ${CHANGES})`, values });
  }
  const colors = { 'image-build': '#2563eb', candidate: '#7c3aed', recipe: '#9ca3af', 'save-load': '#d97706' };
  const width = 760;
  const left = 190;
  const right = 70;
  const bar = 16;
  const gap = 4;
  const groupGap = 18;
  const top = 64;
  const groupHeight = TOOLS.length * (bar + gap) - gap;
  const height = top + groups.length * (groupHeight + groupGap) + 48;
  const max = Math.max(1, ...groups.flatMap((g) => Object.values(g.values).filter((v) => v !== undefined)));
  const niceMax = Math.ceil(max / niceStep(max)) * niceStep(max);
  const x = (v) => left + ((width - left - right) * v) / niceMax;
  const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif" font-size="12">`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="16" y="22" font-size="15" font-weight="600" fill="#111827">Seconds per CI job step, lower is better (min of ${REPS}, fresh runner each)</text>`);
  let lx = 16;
  for (const tool of TOOLS) {
    out.push(`<rect x="${lx}" y="34" width="12" height="12" fill="${colors[tool]}"/><text x="${lx + 17}" y="44" fill="#374151">${esc(TOOL_LABELS[tool])}</text>`);
    lx += 40 + TOOL_LABELS[tool].length * 7;
  }
  for (let v = 0; v <= niceMax + 1e-9; v += niceStep(max)) {
    out.push(`<line x1="${x(v).toFixed(1)}" y1="${top - 6}" x2="${x(v).toFixed(1)}" y2="${height - 44}" stroke="#e5e7eb"/>`);
    out.push(`<text x="${x(v).toFixed(1)}" y="${height - 28}" text-anchor="middle" fill="#6b7280">${+v.toFixed(2)} s</text>`);
  }
  groups.forEach((group, gi) => {
    const gy = top + gi * (groupHeight + groupGap);
    out.push(`<text x="${left - 10}" y="${gy + groupHeight / 2 + 4}" text-anchor="end" fill="#111827" font-weight="600">${esc(group.label)}</text>`);
    TOOLS.forEach((tool, ti) => {
      const y = gy + ti * (bar + gap);
      const v = group.values[tool];
      if (v === undefined) {
        out.push(`<text x="${left + 4}" y="${y + bar - 4}" fill="#b91c1c">failed</text>`);
        return;
      }
      out.push(`<rect x="${left}" y="${y}" width="${Math.max(1, x(v) - left).toFixed(1)}" height="${bar}" fill="${colors[tool]}"><title>${esc(TOOL_LABELS[tool])}: ${v.toFixed(2)} s</title></rect>`);
      out.push(`<text x="${(x(v) + 5).toFixed(1)}" y="${y + bar - 4}" fill="#374151">${v.toFixed(2)}</text>`);
    });
  });
  out.push(`<text x="16" y="${height - 8}" font-size="11" fill="#6b7280">${esc(`npm run bench, run ${runId}: ${machine.cores} cores, Docker Engine ${machine.docker}, Buildx ${machine.buildx}; example app examples/bench (~43 MB cache)`)}</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function niceStep(max) {
  const raw = max / 6;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= raw);
}

async function machineFacts() {
  const versions = await run('docker', ['version', '--format', '{{.Server.Version}}'], { allowFail: true });
  const buildx = await run('docker', ['buildx', 'version'], { allowFail: true });
  return {
    cores: os.cpus().length,
    cpu: (os.cpus()[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ').trim(),
    memory: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()}`,
    docker: versions.stdout.trim() || 'unknown',
    buildx: (/v?(\d+\.\d+\.\d+\S*)/.exec(buildx.stdout)?.[1]) ?? 'unknown',
  };
}
