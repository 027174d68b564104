#!/usr/bin/env node
// The benchmark: image-build side by side with what users run today, in one
// run, on one machine, against the local stack (scripts/stack.sh).
//
//   node_modules/.bin/node scripts/bench.mjs [--reps N] [--quick] [--changes N]
//       [--profiles loopback,hosted] [--apps small,scale,multi]
//       [--scenarios cold,rerun,change,release,ten] [--tools image-build,bpa-gha,recipe,save-load,floor]
//       [--write | --no-write] [--keep] [--attempts N] [--action DIR] [--candidate DIR]
//       [--builder NAME] [--anchor-builder NAME] [--bridge]
//
// --builder NAME: every tool builds on that Buildx builder (e.g. a docker-container
// builder as docker/setup-buildx-action makes one); unset, the current builder.
// --anchor-builder NAME: the other tools build there, image-build on --builder's (a
// stock runner's image-build beside setup-buildx-action's anchor).
// --bridge: every tool on a docker-container builder on the engine's default bridge
// (setup-buildx-action's default), made for the run, with the registry, its proxy and the
// cache services at the bridge's gateway (scripts/bench/bridge.mjs); needs the stack's own engine.
//
// The parts, each a table where a new entry is one line:
//   scripts/bench/tools.mjs      the tools (image-build, the build-push-action + type=gha
//                                anchor, Docker's local-cache recipe, docker save/load, the floor)
//   scripts/bench/scenarios.mjs  the apps (small, the three-stage scale app, multi-platform)
//                                and the scenarios (cold, no-change rerun, one-file change,
//                                release tag, N one-file changes)
//   scripts/bench/network.mjs    the network profiles: loopback, and the hosted model
//                                (cache service 50 MB/s down, 25 MB/s up, 50 ms a request;
//                                registry 50 ms a request)
//   scripts/bench/measure.mjs    one measured step on a fresh runner, retried when disturbed
//   scripts/bench/report.mjs     the tables, the goals and the chart
// Every (profile, app, repetition) gets its own private cache-service emulator,
// so its /_stats count that chain's requests and bytes only, even while others
// test against the stack. Times: min and median over the repetitions; the
// other columns come from the repetition with the min time.
//
// BENCH_DEBUG=DIR keeps each image-build and anchor step's log in DIR.
//
// Writes docs/benchmarks.md (between its bench:start/bench:end markers) and
// docs/benchmarks.svg; `--quick` (1 repetition) writes them only with --write.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nodeBinary, root, runAction, spawnCollect, stackEnv } from './run-action.mjs';
import { measure } from './bench/measure.mjs';
import { PROFILES, runtimeToken, startCacheService, startRegistryProxy } from './bench/network.mjs';
import { writeReport } from './bench/report.mjs';
import { APP_IDS, APPS, appliesTo, editSource, SCENARIO_IDS, SCENARIOS } from './bench/scenarios.mjs';
import { runsIn, TOOLS } from './bench/tools.mjs';
import { BUILDKIT_IMAGE, makeBridgeBuilder } from './bench/bridge.mjs';

const SELF = fileURLToPath(import.meta.url);

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
const options = {
  reps: Number(option('--reps', QUICK ? '1' : '3')),
  changes: Number(option('--changes', '10')),
  write: flag('--write') || (!QUICK && !flag('--no-write')),
  keep: flag('--keep'),
  attempts: Number(option('--attempts', '3')),
  // --candidate DIR: a second build of the action (DIR holds its .cjs files, e.g.
  // `node scripts/build.mjs /tmp/candidate`) run beside the committed one, to measure a change in the same run.
  candidate: option('--candidate'),
  // --action DIR: run this build as "image-build" instead of the committed dist/ (a clean A/B with --candidate).
  action: option('--action'),
  builder: option('--builder'),
  anchorBuilder: option('--anchor-builder'),
  bridge: flag('--bridge'),
};
const defaultTools = Object.keys(TOOLS).filter((tool) => !TOOLS[tool].optional || (tool === 'candidate' && options.candidate));
options.tools = option('--tools', defaultTools.join(',')).split(',');
options.scenarios = option('--scenarios', SCENARIO_IDS.join(',')).split(',');
options.profiles = option('--profiles', Object.keys(PROFILES).join(',')).split(',');
options.apps = option('--apps', APPS.filter((app) => !app.disabled).map((app) => app.id).join(',')).split(',');
for (const t of options.tools) if (!TOOLS[t]) usage(`unknown tool ${t}`);
for (const s of options.scenarios) if (!SCENARIO_IDS.includes(s)) usage(`unknown scenario ${s}`);
for (const p of options.profiles) if (!PROFILES[p]) usage(`unknown network profile ${p}`);
for (const a of options.apps) if (!APP_IDS.includes(a)) usage(`unknown app ${a}`);
if (options.tools.includes('candidate') && !options.candidate) usage('the candidate tool needs --candidate DIR');
if (options.bridge && (options.builder || options.anchorBuilder)) usage('--bridge makes the builder: it takes no --builder or --anchor-builder');
if (!(options.reps >= 1) || !(options.changes >= 1)) usage('--reps and --changes take a number >= 1');

function usage(message) {
  console.error(`bench: ${message}\nusage: node scripts/bench.mjs [--reps N] [--quick] [--changes N] [--profiles …] [--apps …] [--scenarios …] [--tools …] [--write|--no-write] [--keep] [--attempts N]`);
  process.exit(2);
}
const log = (message) => process.stderr.write(`bench: ${message}\n`);

async function run(command, args, { env = process.env, cwd = root, allowFail = false } = {}) {
  const result = await spawnCollect(command, args, env, cwd);
  if (result.code !== 0 && !allowFail) {
    const tail = (result.stderr || result.stdout).trim().split('\n').slice(-8).join('\n');
    throw new Error(`${command} ${args.slice(0, 3).join(' ')} … exited ${result.code}:\n${tail}`);
  }
  return result;
}
const hex = (bytes) => crypto.randomBytes(bytes).toString('hex');

// ---- the stack ----
// A .stack that links to another clone's stack is that clone's to start: `up`
// from here would take its running engine for a stopped one.
const STACK_IS_LINK = fs.lstatSync(path.join(root, '.stack'), { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
/** Brings up (or repairs) the stack when it is this clone's own. */
async function stackUp() {
  if (STACK_IS_LINK) return;
  const up = await run('bash', [path.join(root, 'scripts/stack.sh'), 'up'], { allowFail: true });
  if (up.code !== 0) throw new Error(`scripts/stack.sh up failed:\n${up.stderr || up.stdout}`);
}
log(STACK_IS_LINK ? 'using the stack .stack links to (not starting it)' : 'bringing up the stack (scripts/stack.sh up)');
try {
  await stackUp();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const STACK = stackEnv();
Object.assign(process.env, STACK);
const REGISTRY = STACK.IMAGE_BUILD_REGISTRY;
// On --bridge, what the builders reach: the stack's registry and the bench's servers at the bridge's gateway.
const GATEWAY = options.bridge ? STACK.IMAGE_BUILD_GATEWAY : undefined;
if (options.bridge && !GATEWAY) usage('--bridge needs the stack\'s own engine and its bridge (IMAGE_BUILD_GATEWAY in .stack/env)');
if (!STACK.IMAGE_BUILD_REGISTRY_LOG || !fs.existsSync(STACK.IMAGE_BUILD_REGISTRY_LOG)) throw new Error('the stack has no registry access log (IMAGE_BUILD_REGISTRY_LOG)');
for (const file of ['dist/index.cjs', 'dist/post.cjs', 'dist/actions-cache.cjs']) {
  if (!fs.existsSync(path.join(root, file))) throw new Error(`${file} is missing: run \`npm run build\``);
}
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-bench-'));
const distDigest = () => crypto.createHash('sha256').update(fs.readFileSync(path.join(root, 'dist/index.cjs'))).digest('hex').slice(0, 12);
const DIST_AT_START = distDigest();

const runners = new Map();
/** runAction for a build of the action in `distDir`: a copy of scripts/run-action.mjs in a folder whose dist/ is that build. */
async function runnerFor(distDir) {
  if (!runners.has(distDir)) {
    const dir = fs.mkdtempSync(path.join(scratch, 'action-root-'));
    fs.mkdirSync(path.join(dir, 'dist'));
    fs.mkdirSync(path.join(dir, 'scripts'));
    for (const file of fs.readdirSync(distDir).filter((name) => name.endsWith('.cjs'))) fs.copyFileSync(path.join(path.resolve(distDir), file), path.join(dir, 'dist', file));
    // run-action.mjs finds action.yml (read before the step, as a runner does) and its preload beside itself.
    for (const file of ['scripts/run-action.mjs', 'scripts/blob-hosts.cjs', 'action.yml']) fs.copyFileSync(path.join(root, file), path.join(dir, file));
    for (const link of ['.stack', 'node_modules']) fs.symlinkSync(path.join(root, link), path.join(dir, link));
    runners.set(distDir, (await import(pathToFileURL(path.join(dir, 'scripts/run-action.mjs')).href)).runAction);
  }
  return runners.get(distDir);
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
    store: (await run('docker', ['info', '--format', '{{json .DriverStatus}}'], { allowFail: true })).stdout.includes('io.containerd.snapshotter') ? 'containerd image store' : 'classic image store',
    builder: options.bridge ? `a docker-container builder on the engine's default bridge (${BUILDKIT_IMAGE}), registry and cache services at its gateway ${GATEWAY}`
      : options.anchorBuilder && options.anchorBuilder !== options.builder
      ? `image-build on ${await builderFacts(options.builder)}, the other tools on ${await builderFacts(options.anchorBuilder)}`
      : await builderFacts(options.builder),
  };
}

/** The builder every tool uses, in words: its name, driver and (docker-container) network. */
async function builderFacts(name) {
  if (!name) return 'the current builder (docker driver)';
  const inspect = await run('docker', ['buildx', 'inspect', name], { allowFail: true });
  const driver = /^Driver:\s*(\S+)/m.exec(inspect.stdout)?.[1] ?? 'unknown';
  const node = /^Nodes:[\s\S]*?^Name:\s*(\S+)/m.exec(inspect.stdout)?.[1];
  const network = node ? (await run('docker', ['inspect', '--format', '{{.HostConfig.NetworkMode}}', `buildx_buildkit_${node}`], { allowFail: true })).stdout.trim() : '';
  return `builder ${name} (${driver}${network ? `, ${network} network` : ''})`;
}

/** Whether the stack has the multi-arch base and QEMU handlers the multi-platform app needs. */
async function multiPlatformReady(base) {
  const manifest = await fetch(`http://${REGISTRY}/v2/${base.replace(/:([^:/]+)$/, '/manifests/$1')}`, { headers: { accept: 'application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json' } }).catch(() => undefined);
  if (!manifest?.ok) return `the stack has no multi-arch base ${REGISTRY}/${base} (scripts/stack/qemu.sh)`;
  if (!fs.existsSync('/proc/sys/fs/binfmt_misc/qemu-aarch64')) return 'no QEMU binfmt handler for arm64 on this machine (scripts/stack/qemu.sh)';
  return undefined;
}

// ---- the run: profile × app × repetition × scenario × tool ----
const runId = hex(3);
const machine = await machineFacts();
log(`run ${runId}: ${options.reps} repetition(s), profiles ${options.profiles.join(', ')}, apps ${options.apps.join(', ')}, tools ${options.tools.join(', ')}, ` +
  `scenarios ${options.scenarios.join(', ')}; ${machine.cores} cores, Docker ${machine.docker} (${machine.store}), Buildx ${machine.buildx}, ${machine.builder}`);
const results = []; // { profile, app, rep, tool, scenario, seconds, … }
const tenSeries = {}; // `${profile}/${app}/${tool}` -> [{ n, seconds, cacheDown, cacheUp, storedBytes, error }]
const skipped = []; // { app, reason }
const benchStarted = Date.now();
let aborted;

try {
  for (const profileId of options.profiles) {
    const profile = PROFILES[profileId];
    const registry = GATEWAY
      ? await startRegistryProxy(REGISTRY, profile.registryLatencyMs, GATEWAY).then((proxy) => (profile.registryLatencyMs > 0 ? proxy : { ...proxy, host: STACK.IMAGE_BUILD_GATEWAY_REGISTRY }))
      : await startRegistryProxy(REGISTRY, profile.registryLatencyMs);
    const bridge = GATEWAY ? await makeBridgeBuilder({ run, log }, `bench-${runId}-${profileId}-bridge`, registry.host, scratch) : undefined;
    try {
      for (const appId of options.apps) {
        const app = APPS.find((candidate) => candidate.id === appId);
        if (app.platforms) {
          const reason = app.disabled ?? (await multiPlatformReady(app.base));
          if (reason) {
            if (!skipped.some((s) => s.app === app.id)) skipped.push({ app: app.id, reason });
            log(`skipping the ${app.id} app: ${reason}`);
            continue;
          }
        }
        const folder = app.folder(scratch);
        const tools = options.tools.filter((tool) => !app.tools || app.tools.includes(tool));
        for (let rep = 1; rep <= options.reps; rep++) {
          log(`— ${profile.label}, ${app.id} app, repetition ${rep} of ${options.reps}`);
          const serviceDir = path.join(scratch, `cache-service-${profileId}-${appId}-${rep}`);
          const service = await startCacheService(profile, serviceDir, `${serviceDir}.log`, GATEWAY);
          const builder = bridge?.name ?? options.builder;
          const bench = {
            run, log, stackUp, nodeBinary: nodeBinary(), runAction, runnerFor, action: options.action, candidate: options.candidate, attempts: options.attempts, builder, anchorBuilder: bridge?.name ?? options.anchorBuilder ?? options.builder,
            cacheUrl: service.url, token: runtimeToken(), registryDirect: REGISTRY, registryLog: STACK.IMAGE_BUILD_REGISTRY_LOG,
            base: (forApp) => (forApp.base ? `${registry.host}/${forApp.base}` : STACK.IMAGE_BUILD_BASE_IMAGE.replace(REGISTRY, registry.host)),
          };
          try {
            const chains = tools.map((tool) => {
              const name = `bench-${runId}-${profileId}-${appId}-r${rep}-${tool}`;
              const workspace = path.join(scratch, `${name}-ws`);
              fs.cpSync(folder, workspace, { recursive: true });
              const runnerTemp = path.join(scratch, `${name}-temp`);
              fs.mkdirSync(runnerTemp, { recursive: true });
              return { tool, app, profile: profileId, prefix: name, image: `${registry.host}/bench/${runId}-${profileId}-${appId}-r${rep}-${tool}`, workspace, runnerTemp };
            });
            // Rotate the order of the tools each repetition so none always runs first.
            const ordered = chains.map((_, i) => chains[(i + rep - 1) % chains.length]);
            const commits = { a: hex(20), b: hex(20) };
            const wanted = (id) => appliesTo(app, id) && (options.scenarios.includes(id) || (id === 'change' && options.scenarios.some((s) => ['release', 'ten'].includes(s))));
            // The chain is stateful: cold always runs, a change whenever a later scenario needs its commit.
            for (const scenario of SCENARIOS.filter((s) => !s.series)) {
              if (scenario.id !== 'cold' && !wanted(scenario.id)) continue;
              for (const chain of ordered) {
                if (!runsIn(chain.tool, scenario.id)) continue;
                const cannot = TOOLS[chain.tool].cannotRun?.(machine);
                if (cannot) {
                  results.push({ profile: profileId, app: appId, rep, tool: chain.tool, scenario: scenario.id, error: cannot, notTried: true });
                  continue;
                }
                if (scenario.edit) editSource(app, chain.workspace, scenario.edit);
                results.push({ profile: profileId, app: appId, rep, ...(await measure(bench, chain, scenario.id, { ref: scenario.ref, sha: commits[scenario.commit] })) });
              }
            }
            for (const series of SCENARIOS.filter((s) => s.series && profile.series && options.scenarios.includes(s.id) && appliesTo(app, s.id) && rep === 1)) {
              for (let n = 1; n <= options.changes; n++) {
                const sha = hex(20);
                for (const chain of ordered) {
                  if (!runsIn(chain.tool, series.id)) continue;
                  const cannot = TOOLS[chain.tool].cannotRun?.(machine);
                  if (cannot) {
                    (tenSeries[`${profileId}/${appId}/${chain.tool}`] ??= []).push({ n, error: cannot });
                    continue;
                  }
                  editSource(app, chain.workspace, series.edit + n);
                  const record = await measure(bench, chain, `${series.id}#${n}`, { ref: series.ref, sha });
                  (tenSeries[`${profileId}/${appId}/${chain.tool}`] ??= []).push({ n, seconds: record.seconds, cacheDown: record.cacheDown, cacheUp: record.cacheUp, storedBytes: record.storedBytes, error: record.error });
                }
              }
            }
          } finally {
            service.stop();
          }
        }
      }
    } finally {
      await bridge?.remove();
      registry.stop();
    }
  }
} catch (error) {
  aborted = error;
  log(`aborted: ${error.stack ?? error}`);
} finally {
  if (options.keep) log(`kept ${scratch}`);
  else fs.rmSync(scratch, { recursive: true, force: true });
}
if (!options.action && distDigest() !== DIST_AT_START) log('warning: dist/index.cjs changed during the run; image-build numbers mix two builds');

const { missing } = writeReport({ results, tenSeries, skipped, options, machine, runId, aborted, image: options.action ? `from \`${options.action}\`` : `\`dist/index.cjs\` ${DIST_AT_START}`, log });
log(`done in ${((Date.now() - benchStarted) / 60000).toFixed(1)} min`);
if (missing.length) log(`no sound measurement for ${missing.join(', ')}`);
process.exit(missing.length || aborted ? 1 : 0);
