// Runs the bundled action the way a GitHub runner does: action.yml parsed first
// (a file that does not parse fails every run, as "Set up job" fails), INPUT_*
// variables (hyphens kept) from the given inputs and action.yml's defaults,
// GITHUB_* variables, an event payload file, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and
// GITHUB_STATE files, then action.yml's `post` with the saved state. Used by the
// demo, the end-to-end tests and the benchmark.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** The stack's variables (`.stack/env`), so the action reaches its engine, registries and cache service. */
export function stackEnv(stackDir = path.join(root, '.stack')) {
  const file = path.join(stackDir, 'env');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`bash scripts/stack.sh up\` first`);
  const env = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const match = /^export ([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (!match) continue;
    let value = match[2];
    if (match[1] === 'PATH') value = value.replace(/:?"\$PATH"$/, '').replace(/^'|'$/g, '') + ':' + process.env.PATH;
    else value = value.replace(/^'(.*)'$/, '$1');
    env[match[1]] = value;
  }
  return env;
}

/**
 * action.yml read as the runner reads it before the step starts: YAML 1.2, duplicate
 * keys refused. Throws with the parser's message (line and column) when it does not parse.
 */
export function actionMetadata(file = path.join(root, 'action.yml')) {
  const doc = YAML.parseDocument(fs.readFileSync(file, 'utf8'), { strict: true, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) throw new Error(`${file} is not valid YAML, so no runner can load the action:\n${doc.errors.map((e) => e.message).join('\n')}`);
  return doc.toJS();
}

/**
 * The INPUT_* variables the runner sets: each given input as a string, and for each
 * input left out, its action.yml `default` with `${{ github.token }}` evaluated. An
 * input action.yml does not declare is refused (the runner only warns; in a test it is
 * a typo that would test nothing).
 */
export function runnerInputs(metadata, given, githubToken) {
  const declared = metadata.inputs ?? {};
  const unknown = Object.keys(given).filter((name) => !(name in declared));
  if (unknown.length > 0) throw new Error(`inputs not declared in action.yml: ${unknown.join(', ')}`);
  const env = {};
  for (const [name, spec] of Object.entries(declared)) {
    const value = name in given ? String(given[name]) : evaluateDefault(name, spec?.default, githubToken);
    if (value !== undefined) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  return env;
}

function evaluateDefault(name, value, githubToken) {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new Error(`action.yml: the default of "${name}" is a ${typeof value}, not a string`);
  return value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression) => {
    if (expression === 'github.token') return githubToken;
    throw new Error(`action.yml: the default of "${name}" uses \${{ ${expression} }}, which this harness does not evaluate`);
  });
}

/** A minimal but real event payload for the common events. */
export function eventPayload({ eventName = 'push', ref = 'refs/heads/main', sha, repository = 'acme/hello', defaultBranch = 'main', prNumber = 7 }) {
  const [owner, name] = repository.split('/');
  const repo = { name, full_name: repository, default_branch: defaultBranch, html_url: `https://github.com/${repository}`, owner: { login: owner }, description: 'Example app', license: { spdx_id: 'MIT' } };
  if (eventName === 'pull_request') {
    return { action: 'synchronize', number: prNumber, pull_request: { number: prNumber, head: { sha, ref: 'feature' }, base: { ref: defaultBranch } }, repository: repo };
  }
  return { ref, after: sha, head_commit: { id: sha, timestamp: '2026-11-01T12:00:00Z' }, repository: repo };
}

/**
 * Runs main and post. `runnerTemp` must be the same folder across runs that
 * should share the Actions cache (the cache is versioned by path).
 *
 * `cancelWhen` cancels main the way a runner cancels a step: once it resolves
 * true (polled, given the output so far), main gets SIGINT, SIGTERM 7.5 s
 * later and SIGKILL 2.5 s after that, each only while it still runs. The
 * signals sent are returned in `signals`. `afterMain(state)` runs between main and post.
 *
 * `ownRunnerTemp` (root only) gives main its own empty RUNNER_TEMP at the same path, as
 * each GitHub runner has: main runs in a mount namespace of its own with a tmpfs there (bash, not sh: dash drops INPUT_BUILD-ARGS and the like),
 * so two runs at once share the path (and so the cache versions) but not the folder.
 */
export async function runAction({ inputs = {}, eventName = 'push', ref = 'refs/heads/main', sha, workspace, runnerTemp, env = {}, payload, timeoutMs = 600_000, wrap = [], cancelWhen, afterMain, ownRunnerTemp = false }) {
  const metadata = actionMetadata();
  const stepDir = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-step-'));
  sha ??= crypto.createHash('sha1').update(ref).digest('hex');
  runnerTemp ??= path.join(stepDir, 'runner-temp');
  fs.mkdirSync(runnerTemp, { recursive: true });
  const files = { event: path.join(stepDir, 'event.json'), output: path.join(stepDir, 'output'), summary: path.join(stepDir, 'summary.md'), state: path.join(stepDir, 'state'), env: path.join(stepDir, 'env') };
  fs.writeFileSync(files.event, JSON.stringify(payload ?? eventPayload({ eventName, ref, sha })));
  for (const file of [files.output, files.summary, files.state, files.env]) fs.writeFileSync(file, '');
  const base = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REF: ref,
    GITHUB_SHA: sha,
    GITHUB_REPOSITORY: 'acme/hello',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_ACTOR: 'octocat',
    GITHUB_RUN_ID: '1001',
    GITHUB_RUN_NUMBER: '17',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.env,
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    ...stackEnv(),
  };
  if (base.IMAGE_BUILD_CACHE_URL) {
    Object.assign(base, { ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: base.IMAGE_BUILD_CACHE_URL, ACTIONS_RUNTIME_TOKEN: 'local-token' });
  }
  // The job's token, as `${{ github.token }}` gives it: an installation token's shape, valid nowhere.
  Object.assign(base, runnerInputs(metadata, inputs, `ghs_${crypto.randomBytes(18).toString('base64url')}`));
  Object.assign(base, env);
  for (const [name, value] of Object.entries(base)) if (value === undefined) delete base[name];

  const node = nodeBinary();
  const signals = [];
  // `wrap`: a command that runs main (e.g. in a mount namespace); its argv ends with node and the script.
  const ownTemp = ownRunnerTemp ? ['unshare', '--mount', '--propagation', 'private', 'bash', '-c', 'mount -t tmpfs tmpfs "$RUNNER_TEMP" && exec "$0" "$@"'] : [];
  // Azure blob host names resolve to loopback, where the stack's Azurite answers (scripts/blob-hosts.cjs).
  const preload = ['--require', path.join(root, 'scripts/blob-hosts.cjs')];
  const mainCommand = [...ownTemp, ...wrap, node, ...preload, path.join(root, metadata.runs.main)];
  const main = await spawnCollect(mainCommand[0], mainCommand.slice(1), base, workspace, timeoutMs, cancelWhen && ((child, output) => cancelLikeRunner(child, output, cancelWhen, signals)));
  const state = parseFileCommands(fs.readFileSync(files.state, 'utf8'));
  await afterMain?.(state);
  const postEnv = { ...base, ...Object.fromEntries(Object.entries(state).map(([name, value]) => [`STATE_${name}`, value])) };
  const post = await spawnCollect(node, [...preload, path.join(root, metadata.runs.post)], postEnv, workspace, 60_000);
  const outputs = parseFileCommands(fs.readFileSync(files.output, 'utf8'));
  const summary = fs.readFileSync(files.summary, 'utf8');
  const exported = parseFileCommands(fs.readFileSync(files.env, 'utf8'));
  fs.rmSync(stepDir, { recursive: true, force: true });
  return { code: main.code, stdout: main.stdout, stderr: main.stderr, post, outputs, exported, summary, state, runnerTemp, seconds: main.seconds, signals, pid: main.pid };
}

/** The runner's cancel sequence (SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s after), started once `when(output)` is true. */
function cancelLikeRunner(child, output, when, signals) {
  let started = false;
  let checking = false;
  const poll = setInterval(async () => {
    if (started || child.exitCode !== null || child.signalCode !== null) return clearInterval(poll);
    if (checking) return;
    checking = true;
    const now = await when(output());
    checking = false;
    if (!now || started) return;
    started = true;
    clearInterval(poll);
    const since = Date.now();
    const send = (name) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signals.push({ name, afterMs: Date.now() - since });
      child.kill(name);
    };
    send('SIGINT');
    const term = setTimeout(() => send('SIGTERM'), 7_500);
    const kill = setTimeout(() => send('SIGKILL'), 10_000);
    child.once('close', () => {
      clearTimeout(term);
      clearTimeout(kill);
    });
  }, 100);
}

export function nodeBinary() {
  const local = path.join(root, 'node_modules/.bin/node');
  return fs.existsSync(local) ? local : process.execPath;
}

/** `name<<DELIM\nvalue\nDELIM` blocks (and plain `name=value` lines) of GITHUB_OUTPUT / GITHUB_STATE. */
export function parseFileCommands(text) {
  const values = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      values[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i].includes('=')) {
      const eq = lines[i].indexOf('=');
      values[lines[i].slice(0, eq)] = lines[i].slice(eq + 1);
    }
  }
  return values;
}

/**
 * Runs a command to its end and collects its output; a command that cannot start resolves with code 127.
 * `watch` is called once with the child and a function returning the output so far.
 */
export function spawnCollect(command, args, env, cwd, timeoutMs = 0, watch) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = timeoutMs ? setTimeout(() => child.kill('SIGKILL'), timeoutMs) : undefined;
    watch?.(child, () => `${stdout}\n${stderr}`);
    const finish = (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, seconds: (Date.now() - started) / 1000, pid: child.pid });
    };
    child.on('error', (error) => {
      stderr += String(error);
      finish(127);
    });
    child.on('close', (code) => finish(code ?? 1));
  });
}
