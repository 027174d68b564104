// A runner cancels the step: SIGINT, SIGTERM about 7.5 s later, then SIGKILL. At
// each moment of a run (restore, build, push, save) the action stops Buildx, leaves
// no process of the step running and no cache entry a later restore would trust
// half-written, and the private Docker config (with the password) is gone once the
// step is over. The next run of the same commit on a fresh runner then succeeds.
// Real engine, the htpasswd registry (behind a proxy that can hold a transfer) and
// the cache-service emulator (which can delay one route) in this process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotations } from './annotations.ts';
import { startFlakyProxy, type FlakyProxy } from './flaky-proxy.ts';
import { exampleWorkspace, runAction, runnerTempDir, stack, uniqueName, type ActionRun } from './helpers.ts';
import { startCacheService, type CacheService, type Fault } from '../cache-service.ts';

const SECRETS_STATE = 'image-build-secrets-dir';

function log(run: ActionRun): string {
  return `${run.stdout}\n${run.stderr}`;
}

/** Processes whose environment holds `mark`: everything the step started inherits it. */
function processesMarked(mark: string): string[] {
  const found: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/environ`, 'latin1').includes(`IMAGE_BUILD_TEST_MARK=${mark}`)) continue;
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
      if (/\) Z /.test(stat)) continue; // exited, waiting to be reaped
      found.push(`${pid} ${fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1').replace(/\0/g, ' ')}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

async function settle(check: () => string[], rounds = 30): Promise<string[]> {
  for (let round = 0; round < rounds; round++) {
    const left = check();
    if (left.length === 0) return left;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

/** Files under `dir` whose bytes contain any of `needles`. */
function filesContaining(dir: string, needles: string[]): string[] {
  const hits: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = fs.readFileSync(file);
    if (needles.some((needle) => bytes.includes(needle))) hits.push(file);
  }
  return hits;
}

interface Moment {
  name: string;
  /** Save an entry first (an uncancelled run), so that the cancelled one restores it. */
  populate?: boolean;
  /** The cache service misbehaves like this during the cancelled run. */
  fault?: Fault;
  /** A Dockerfile step that keeps the build busy. */
  slowStep?: boolean;
  /** The proxy holds blob uploads (the push hangs). */
  holdPush?: boolean;
  /** When to cancel. */
  when: (output: string, service: CacheService, proxy: FlakyProxy) => boolean;
}

let buildSeen: number | undefined;

const moments: Moment[] = [
  {
    name: 'during the restore (an entry downloading)',
    populate: true,
    fault: { delayMs: 60_000, routes: ['GetBlob'], count: 1 },
    when: (_output, service) => (service.stats.faulted.GetBlob ?? 0) >= 1,
  },
  {
    name: 'during the build (a RUN step running)',
    slowStep: true,
    // Buildx's steps are logged as they finish: a few seconds into the build, the 20 s step runs.
    when: (output) => {
      if (!output.includes('::group::Build')) return false;
      buildSeen ??= Date.now();
      return Date.now() - buildSeen > 3_000;
    },
  },
  {
    name: 'during the push (a blob upload hanging)',
    holdPush: true,
    when: (_output, _service, proxy) => proxy.heldCount() >= 1,
  },
  {
    name: 'during the save (an upload to the cache service hanging)',
    fault: { delayMs: 60_000, routes: ['PutBlob', 'PutBlock'], count: 1 },
    when: (_output, service) => (service.stats.faulted.PutBlob ?? 0) + (service.stats.faulted.PutBlock ?? 0) >= 1,
  },
];

describe('cancelled by the runner: children stopped, nothing half-saved, no secret left, the next run fine', () => {
  let service: CacheService;
  const serviceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-cancel-svc-'));
  const proxies: FlakyProxy[] = [];
  const password = stack.IMAGE_BUILD_AUTH_PASSWORD!;
  const user = stack.IMAGE_BUILD_AUTH_USER!;

  beforeAll(async () => {
    service = await startCacheService({ port: 0, dir: serviceDir, log: () => {} });
  });
  afterAll(async () => {
    await Promise.all(proxies.map((proxy) => proxy.close()));
    await service.close();
  });

  it.each(moments)('$name', async (moment) => {
    const workspace = exampleWorkspace();
    const id = uniqueName('cancel');
    const slow = moment.slowStep ? 'RUN sleep 20\n' : '';
    fs.writeFileSync(path.join(workspace, 'Dockerfile'), `ARG BASE\nFROM \${BASE}\nRUN echo ${id} > /id\n${slow}COPY src/ /app/src/\n`);
    const proxy = await startFlakyProxy({ target: stack.IMAGE_BUILD_AUTH_REGISTRY!, failures: 0, hold: moment.holdPush ? /^(PATCH|PUT) \/v2\/.+\/blobs\/uploads\// : undefined });
    proxies.push(proxy);
    // One runner temp path for all runs (the Actions cache versions entries by path); emptied for a fresh runner.
    const runnerTemp = runnerTempDir();
    const freshRunnerTemp = () => {
      fs.rmSync(runnerTemp, { recursive: true, force: true });
      fs.mkdirSync(runnerTemp);
    };
    const prefix = uniqueName('cancel-key');
    const image = `${proxy.host}/${uniqueName('e2e/cancel')}`;
    const options = (mark: string) => ({
      workspace,
      runnerTemp,
      inputs: {
        images: image,
        'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`,
        username: user,
        password,
        'skip-unchanged': 'false',
        'cache-key-prefix': prefix,
      },
      env: { ACTIONS_RESULTS_URL: service.url, IMAGE_BUILD_TEST_MARK: mark },
    });

    if (moment.populate) {
      const first = await runAction(options(uniqueName('mark')));
      expect(first.code, log(first)).toBe(0);
      freshRunnerTemp();
    }

    service.stats.reset();
    service.setFault(moment.fault ?? null);
    const mark = uniqueName('mark');
    let secretsDir: string | undefined;
    let leftAfterMain: string[] = [];
    const cancelled = await runAction({
      ...options(mark),
      cancelWhen: (output) => moment.when(output, service, proxy),
      afterMain: async (state) => {
        secretsDir = state[SECRETS_STATE];
        leftAfterMain = await settle(() => processesMarked(mark));
      },
    });
    service.setFault(null);
    proxy.stopHolding();

    expect(cancelled.signals[0]?.name, log(cancelled)).toBe('SIGINT');
    expect(cancelled.code, log(cancelled)).not.toBe(0);
    // No process of the step outlives it (the Docker CLI, Buildx).
    expect(leftAfterMain).toEqual([]);
    // The private Docker config is gone, and no file in RUNNER_TEMP holds the password.
    expect(secretsDir).toBeTruthy();
    expect(fs.existsSync(secretsDir!)).toBe(false);
    expect(cancelled.post.code).toBe(0);
    const basicAuth = Buffer.from(`${user}:${password}`).toString('base64');
    expect(filesContaining(runnerTemp, [password, basicAuth])).toEqual([]);
    // Every entry the service would serve is whole: what was finalized was uploaded to the end,
    // and what the cancel cut short is still unfinalized (a restore never sees it).
    for (const entry of service.entries().filter((candidate) => candidate.key.startsWith(prefix))) {
      if (!entry.finalized) continue;
      expect(fs.statSync(path.join(serviceDir, 'blobs', String(entry.id))).size, entry.key).toBe(entry.uploadedSize);
    }
    if (moment.fault?.routes?.includes('PutBlob')) expect(service.entries().some((entry) => entry.key.startsWith(prefix) && !entry.finalized)).toBe(true);

    // The same commit on a fresh runner: a clean run, from whatever cache is there.
    freshRunnerTemp();
    const next = await runAction(options(uniqueName('mark')));
    expect(next.code, log(next)).toBe(0);
    expect(annotations(next.stdout, 'error'), log(next)).toEqual([]);
    // A save cut short leaves its reservation behind, and the service keeps it: the next run
    // saves all the same, under a fresh key (keys.ts, nextKey), with no warning.
    const warnings = annotations(next.stdout, 'warning').map((warning) => warning.message);
    expect(warnings, log(next)).toEqual([]);
    expect(['exact', 'partial', 'miss']).toContain(next.outputs['cache-hit']);
    if (moment.populate) expect(next.outputs['cache-hit']).toBe('exact');
    if (next.outputs['cache-hit'] !== 'exact') expect(next.outputs['cache-saved'], log(next)).toBe('true');
    // And the run after it, on a fresh runner, restores that entry as the build's own.
    freshRunnerTemp();
    const after = await runAction(options(uniqueName('mark')));
    expect(after.code, log(after)).toBe(0);
    expect(after.outputs['cache-hit'], log(after)).toBe('exact');
    console.log(`${moment.name}: signals ${JSON.stringify(cancelled.signals)}, main ended in ${cancelled.seconds.toFixed(1)} s, next run: ${next.outputs['cache-hit']} (saved ${next.outputs['cache-saved']}, ${next.seconds.toFixed(1)} s), the one after: ${after.outputs['cache-hit']}`);
  });
});
