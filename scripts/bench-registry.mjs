#!/usr/bin/env node
// The registry cache backend next to the Actions cache backend (issue 11), measured
// in one run on one machine against the local stack (scripts/stack.sh up).
//
//   node_modules/.bin/node scripts/bench-registry.mjs [--reps N] [--engine stack|remote] [--write]
//
// For each backend and repetition, one chain of three steps on examples/bench (~40 MB
// dependency layer, 5 build steps), each step on a "fresh runner" (BuildKit cache and
// local images pruned, runner temp emptied), with skip-unchanged false so every step
// builds:
//   cold             new image, new cache key prefix: nothing cached anywhere
//   one-file change  one source file edited: the dependency steps come from the cache
//   no-change rerun  the same commit again: every step comes from the cache
// actions   cache-backend actions: the cache-service emulator of the stack
// registry  cache-backend registry: `<image>:buildcache` and its record, on the open
//           registry; the Actions cache service is not there at all (ACTIONS_RESULTS_URL unset)
// Times are `node dist/index.cjs` wall seconds, the min over the repetitions; the
// phases come from the job summary of that repetition. A chain whose steps are not
// what the scenario must give (others may prune the shared engine mid-build) is run
// again, up to 3 times, and is not counted. --engine remote runs the builds on the
// second engine of scripts/remote-builder.sh (same binaries and settings) instead,
// away from other test runs.
//
// Prints a Markdown table; --write puts it into docs/scaling-out.md between the
// bench-registry:start / bench-registry:end markers.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { summaryPhases, summarySteps } from './bench/tools.mjs';
import { root, runAction, stackEnv } from './run-action.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const REPS = Number(option('--reps', '3'));
const ENGINE = option('--engine', 'stack');
const WRITE = argv.includes('--write');
const ATTEMPTS = 3;
if (!Number.isInteger(REPS) || REPS < 1 || !['stack', 'remote'].includes(ENGINE)) {
  process.stderr.write('usage: bench-registry.mjs [--reps N] [--engine stack|remote] [--write]\n');
  process.exit(2);
}

const stack = stackEnv();
const shellEnv = { ...process.env, ...stack };
const engineEnv = ENGINE === 'remote'
  ? { DOCKER_HOST: execFileSync('bash', [path.join(root, 'scripts/remote-builder.sh'), 'host'], { env: shellEnv, encoding: 'utf8' }).trim() }
  : {};
if (ENGINE === 'remote') execFileSync('bash', [path.join(root, 'scripts/remote-builder.sh'), 'up'], { env: shellEnv, stdio: 'inherit' });
const docker = (...args) => execFileSync('docker', args, { env: { ...shellEnv, ...engineEnv }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const APP = path.join(root, 'examples/bench');
const RUN_ID = crypto.randomBytes(3).toString('hex');
const SCENARIOS = ['cold', 'change', 'rerun'];
const LABEL = { cold: 'cold', change: 'one-file change', rerun: 'no-change rerun' };
const EXPECTED = { cold: ['miss', 0], change: ['partial', 3], rerun: ['exact', 5] };

function freshRunner(runnerTemp) {
  for (const args of [['buildx', 'prune', '-af'], ['image', 'prune', '-af']]) {
    // Someone else's prune on the shared engine: wait for it, then prune again.
    for (let attempt = 1; ; attempt++) {
      try {
        docker(...args);
        break;
      } catch (error) {
        if (attempt >= 30 || !/prune operation is already running/.test(String(error.stderr))) throw error;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
      }
    }
  }
  for (const entry of fs.readdirSync(runnerTemp)) fs.rmSync(path.join(runnerTemp, entry), { recursive: true, force: true });
}

function entrySize(summary) {
  return /^\| entry size \| ([^,|]+)/m.exec(summary)?.[1]?.trim() ?? '';
}

function blobUploads(repository, fromByte) {
  const text = fs.readFileSync(stack.IMAGE_BUILD_REGISTRY_LOG, 'utf8').slice(fromByte);
  return text.split('\n').filter((line) => line.includes(`PUT /v2/${repository}/blobs/uploads/`) && / 201 /.test(line)).length;
}

async function step(chain, scenario) {
  if (scenario === 'change') fs.appendFileSync(path.join(chain.workspace, 'src/module07.js'), `export const changed = ${Date.now()};\n`);
  freshRunner(chain.runnerTemp);
  const logStart = fs.statSync(stack.IMAGE_BUILD_REGISTRY_LOG).size;
  const result = await runAction({
    workspace: chain.workspace,
    runnerTemp: chain.runnerTemp,
    sha: scenario === 'change' ? 'b'.repeat(40) : 'a'.repeat(40),
    inputs: {
      images: chain.image,
      'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`,
      'cache-backend': chain.backend,
      'cache-key-prefix': chain.prefix,
      'skip-unchanged': 'false',
      advice: 'false',
    },
    env: { ...engineEnv, ...(chain.backend === 'registry' ? { ACTIONS_RESULTS_URL: undefined, ACTIONS_CACHE_SERVICE_V2: undefined } : {}) },
  });
  const steps = summarySteps(result.summary);
  const outcome = {
    scenario,
    backend: chain.backend,
    code: result.code,
    seconds: result.seconds,
    hit: result.outputs['cache-hit'],
    ...steps,
    phases: summaryPhases(result.summary),
    entry: entrySize(result.summary),
    uploads: blobUploads(chain.image.slice(chain.image.indexOf('/') + 1), logStart),
  };
  const [hit, cached] = EXPECTED[scenario];
  outcome.anomaly =
    result.code !== 0 ? `exit ${result.code}: ${(result.stdout.match(/^::error.*$/m) ?? [''])[0]}` :
    outcome.hit !== hit ? `cache ${outcome.hit}, expected ${hit}` :
    outcome.steps !== 5 || outcome.cached !== cached ? `${outcome.cached}/${outcome.steps} steps cached, expected ${cached}/5` : undefined;
  process.stderr.write(`${chain.backend.padEnd(8)} ${LABEL[scenario].padEnd(16)} ${outcome.seconds.toFixed(2)} s  ${outcome.hit}  ${outcome.cached}/${outcome.steps} cached  uploads ${outcome.uploads}${outcome.anomaly ? `  DISTURBED: ${outcome.anomaly}` : ''}\n`);
  return outcome;
}

async function chainOnce(backend, rep, attempt) {
  const name = `${RUN_ID}-r${rep}a${attempt}-${backend}`;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `bench-registry-${name}-`));
  const chain = {
    backend,
    image: `${stack.IMAGE_BUILD_REGISTRY}/bench-registry/${name}`,
    prefix: `bench-${name}`,
    workspace: path.join(scratch, 'ws'),
    runnerTemp: path.join(scratch, 'runner-temp'),
  };
  fs.cpSync(APP, chain.workspace, { recursive: true });
  fs.mkdirSync(chain.runnerTemp);
  try {
    const outcomes = [];
    for (const scenario of SCENARIOS) {
      const outcome = await step(chain, scenario);
      if (outcome.anomaly) return undefined;
      outcomes.push(outcome);
    }
    return outcomes;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

const results = [];
for (let rep = 1; rep <= REPS; rep++) {
  for (const backend of ['actions', 'registry']) {
    let outcomes;
    for (let attempt = 1; attempt <= ATTEMPTS && !outcomes; attempt++) outcomes = await chainOnce(backend, rep, attempt);
    if (!outcomes) throw new Error(`${backend}: ${ATTEMPTS} disturbed attempts in repetition ${rep}; is someone else pruning the engine? (try --engine remote)`);
    results.push(...outcomes);
  }
}

const f = (n) => (n === undefined ? '' : n.toFixed(2));
const rows = [];
for (const scenario of SCENARIOS) {
  for (const backend of ['actions', 'registry']) {
    const best = results.filter((o) => o.scenario === scenario && o.backend === backend).sort((a, b) => a.seconds - b.seconds)[0];
    const p = best.phases;
    rows.push(`| ${LABEL[scenario]} | ${backend === 'registry' ? '**registry**' : 'actions'} | ${f(best.seconds)} | ${best.hit} | ${best.cached}/${best.steps} | ${f(p.restore)} | ${f(p.build)} | ${f(p.save)} | ${best.entry} | ${best.uploads} |`);
  }
}
const versions = docker('version', '--format', '{{.Server.Version}}').trim();
const table = [
  `Run \`${RUN_ID}\` of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, \`node scripts/bench-registry.mjs --reps ${REPS}${ENGINE === 'remote' ? ' --engine remote' : ''}\`: ` +
    `examples/bench, min of ${REPS} per cell; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}; Docker Engine ${versions} (containerd image store, ` +
    `${ENGINE === 'remote' ? 'the second engine of scripts/remote-builder.sh' : "the stack's engine"}), registry and cache service on loopback.`,
  '',
  '| scenario | cache backend | seconds | hit | steps cached | restore | build | save | cache size | registry blob uploads |',
  '|---|---|---:|---|---:|---:|---:|---:|---:|---:|',
  ...rows,
].join('\n');
process.stdout.write(`${table}\n`);

if (WRITE) {
  const doc = path.join(root, 'docs/scaling-out.md');
  const text = fs.readFileSync(doc, 'utf8');
  const start = '<!-- bench-registry:start (generated by scripts/bench-registry.mjs --write; edit outside these markers) -->';
  const end = '<!-- bench-registry:end -->';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${doc} has no ${start} … ${end} markers`);
  fs.writeFileSync(doc, `${text.slice(0, from + start.length)}\n${table}\n${text.slice(to)}`);
  process.stderr.write(`wrote ${path.relative(root, doc)}\n`);
}
