// One measured step: a tool on a scenario, on a fresh runner, with what it
// moved to and from the cache service and the registry. A failed or disturbed
// attempt (others prune the same engine at any moment) is undone and retried.
import fs from 'node:fs';
import path from 'node:path';
import { anomaly } from './scenarios.mjs';
import { ownsEntry, TOOLS } from './tools.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const mb = (bytes) => (bytes === undefined || bytes === null ? '–' : (bytes / 1e6).toFixed(bytes >= 1e3 && bytes < 1e5 ? 3 : 1));
export const secs = (value) => (value === undefined ? '–' : value.toFixed(2));

const fileSize = (file) => (file && fs.existsSync(file) ? fs.statSync(file).size : 0);
function readFrom(file, offset) {
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
}

export async function cacheEntries(bench) {
  const response = await fetch(new URL('_entries', bench.cacheUrl));
  if (!response.ok) throw new Error(`GET /_entries: ${response.status}`);
  return response.json();
}

async function cacheTotals(bench) {
  const response = await fetch(new URL('_stats', bench.cacheUrl));
  const routes = response.ok ? (await response.json()).routes : {};
  const totals = { up: 0, down: 0, requests: 0 };
  for (const route of Object.values(routes)) {
    totals.up += route.bytesUp;
    totals.down += route.bytesDown;
    totals.requests += route.requests;
  }
  return totals;
}

/** What a new GitHub runner has: no BuildKit cache, no local images, an empty RUNNER_TEMP. */
async function freshRunner(bench, chain) {
  // Others' prunes on the same engine can make ours fail ("prune operation is already running"): retry.
  const builderPrune = [...new Set([bench.builder, bench.anchorBuilder].filter(Boolean))].map((name) => ['buildx', 'prune', '--builder', name, '-af']);
  for (const args of [['buildx', 'prune', '-af'], ...builderPrune, ['image', 'prune', '-af']]) {
    for (let attempt = 1; ; attempt++) {
      const result = await bench.run('docker', args, { allowFail: true });
      if (result.code === 0) break;
      if (attempt === 5) throw new Error(`docker ${args.join(' ')}: ${result.stderr.trim()}`);
      await sleep(1000 * attempt);
    }
  }
  for (const name of fs.readdirSync(chain.runnerTemp)) fs.rmSync(path.join(chain.runnerTemp, name), { recursive: true, force: true });
}

export async function measure(bench, chain, scenario, commit) {
  const repository = chain.image.slice(chain.image.indexOf('/') + 1);
  for (let attempt = 1; ; attempt++) {
    let undo;
    let record;
    try {
      await freshRunner(bench, chain);
      undo = { entryId: Math.max(0, ...(await cacheEntries(bench)).map((entry) => entry.id)), tags: await repositoryTags(bench, repository) };
      record = await attemptStep(bench, chain, scenario, commit, repository);
    } catch (error) {
      record = { tool: chain.tool, scenario, error: `benchmark step: ${error.message ?? error}` };
    }
    if (attempt > 1 && record.notes) record.notes += ` (attempt ${attempt})`;
    bench.log(`${chain.profile.padEnd(8)} ${chain.app.id.padEnd(5)} ${scenario.padEnd(9)} ${chain.tool.padEnd(11)} ${secs(record.seconds).padStart(6)} s  ${record.error ? `FAILED (attempt ${attempt})` : record.notes}` +
      `  stored ${mb(record.storedBytes)} MB  cache ↑${mb(record.cacheUp)} ↓${mb(record.cacheDown)} MB in ${record.cacheRequests ?? '–'} requests  blob uploads ${record.uploads ?? '–'}` +
      `  [${Object.entries(record.phases ?? {}).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}]`);
    if (!record.error || attempt >= bench.attempts) return record;
    bench.log(`  ${record.error.split('\n').filter(Boolean).slice(-4).join('\n  ')}`);
    try {
      await bench.stackUp();
      if (undo) await undoStep(bench, chain, repository, undo);
    } catch (error) {
      bench.log(`warning: could not undo the failed attempt: ${error.message ?? error}`);
    }
  }
}

async function attemptStep(bench, chain, scenario, commit, repository) {
  const registryOffset = fileSize(bench.registryLog);
  await fetch(new URL('_stats/reset', bench.cacheUrl), { method: 'POST' });
  const started = Date.now();
  let outcome;
  try {
    outcome = await TOOLS[chain.tool].run(bench, chain, commit);
  } catch (error) {
    outcome = { error: String(error.message ?? error) };
  }
  const seconds = (Date.now() - started) / 1000;
  if (!outcome.error) {
    outcome.notes = outcome.built ? `cache ${outcome.hit}, ${outcome.cached}/${outcome.steps} steps cached` : 'no build (fingerprint)';
    const wrong = anomaly(chain.app, scenario, outcome, TOOLS[chain.tool].skipsUnchanged);
    if (wrong) outcome.error = `unexpected result: ${wrong}`;
  }
  await sleep(150); // let the registry's access log catch up
  const uploads = readFrom(bench.registryLog, registryOffset).split('\n')
    .filter((line) => line.includes(`PUT /v2/${repository}/blobs/uploads/`) && / 201 /.test(line)).length;
  const { up, down, requests } = await cacheTotals(bench);
  // What the chain keeps in the cache service: every finalized entry (a whole-folder
  // cache adds one full copy per new key; a content-addressed one only new blobs).
  const entries = (await cacheEntries(bench)).filter((entry) => ownsEntry(chain, entry));
  const storedBytes = entries.filter((entry) => entry.finalized).reduce((sum, entry) => sum + (entry.uploadedSize ?? 0), 0);
  return { tool: chain.tool, scenario, seconds, uploads, cacheUp: up, cacheDown: down, cacheRequests: requests, storedBytes, ...outcome };
}

const MANIFEST_TYPES = ['application/vnd.oci.image.index.v1+json', 'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json', 'application/vnd.docker.distribution.manifest.v2+json'].join(', ');

/** Every tag of a repository with its manifest bytes, to put a failed step's pushes back (straight to the registry). */
async function repositoryTags(bench, repository) {
  const tags = new Map();
  const list = await fetch(`http://${bench.registryDirect}/v2/${repository}/tags/list`);
  for (const tag of list.ok ? ((await list.json()).tags ?? []) : []) {
    const response = await fetch(`http://${bench.registryDirect}/v2/${repository}/manifests/${tag}`, { headers: { accept: MANIFEST_TYPES } });
    if (!response.ok) continue;
    tags.set(tag, { digest: response.headers.get('docker-content-digest'), type: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()) });
  }
  return tags;
}

/** Removes what a failed attempt left: its cache entries, the manifests it pushed; re-tags what it moved. */
async function undoStep(bench, chain, repository, undo) {
  for (const entry of await cacheEntries(bench)) {
    if (entry.id > undo.entryId && ownsEntry(chain, entry)) {
      await fetch(new URL(`_entries/${encodeURIComponent(entry.key)}`, bench.cacheUrl), { method: 'DELETE' });
    }
  }
  const registry = bench.registryDirect;
  const now = await repositoryTags(bench, repository);
  const kept = new Set([...undo.tags.values()].map((m) => m.digest));
  for (const digest of new Set([...now.values()].map((m) => m.digest))) {
    if (!kept.has(digest)) await fetch(`http://${registry}/v2/${repository}/manifests/${digest}`, { method: 'DELETE' });
  }
  for (const [tag, before] of undo.tags) {
    if (now.get(tag)?.digest === before.digest) continue;
    const put = await fetch(`http://${registry}/v2/${repository}/manifests/${tag}`, { method: 'PUT', headers: { 'content-type': before.type }, body: before.body });
    if (!put.ok) bench.log(`warning: could not put ${repository}:${tag} back: ${put.status}`);
  }
}
