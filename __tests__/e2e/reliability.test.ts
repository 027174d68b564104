// Faults, survived or reported. Cache trouble is survived: a `::warning`, and the
// build goes on without cache. Registry trouble is retried (429/5xx) and otherwise
// reported as one clear error naming the registry (and user) before any build time
// is spent; a missing daemon or Buildx is reported by what is missing. Each case runs
// the bundled action against the real engine and registries; the cache service is an
// emulator started in this process, and registry faults come from a flaky proxy in
// front of the real open registry.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotations, buildStarted, stackFrames } from './annotations.ts';
import { closedPort } from '../net.ts';
import { startFlakyProxy, type FlakyProxy } from './flaky-proxy.ts';
import { dockerEnv, exampleWorkspace, registryDigest, runAction, runnerTempDir, stack, uniqueName, type ActionRun } from './helpers.ts';
import { startCacheService, type CacheService, type Fault } from '../cache-service.ts';

const TWIRP = 'twirp/github.actions.results.api.v1.CacheService';
const base = { 'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}` };

/**
 * The example app with a Dockerfile of its own: steps no other test (or run) has
 * cached, so that the engine's shared build cache cannot decide a fault test.
 */
function isolatedWorkspace(): string {
  const workspace = exampleWorkspace();
  fs.writeFileSync(path.join(workspace, 'Dockerfile'), `ARG BASE\nFROM \${BASE}\nRUN echo ${uniqueName('run')} > /id\nCOPY src/ /app/src/\n`);
  return workspace;
}

function log(run: ActionRun): string {
  return `${run.stdout}\n${run.stderr}`;
}

/** The one error of a failed run, after the checks every failure must pass. */
function onlyError(run: ActionRun): string {
  expect(run.code, log(run)).not.toBe(0);
  const errors = annotations(run.stdout, 'error');
  expect(errors, log(run)).toHaveLength(1);
  expect(stackFrames(run.stdout, run.stderr)).toEqual([]);
  expect(run.post.code).toBe(0);
  return errors[0]!.message;
}

/** A successful run that built without cache trouble failing it. */
function survived(run: ActionRun): string[] {
  expect(run.code, log(run)).toBe(0);
  expect(annotations(run.stdout, 'error'), log(run)).toEqual([]);
  expect(run.outputs.built).toBe('true');
  return annotations(run.stdout, 'warning').map((warning) => warning.message);
}

describe('cache service faults: a warning, and the build goes on without cache', () => {
  let service: CacheService;
  const workspace = isolatedWorkspace();
  // One runner temp: @actions/cache versions entries by path, so runs must share it to share entries.
  const runnerTemp = runnerTempDir();

  beforeAll(async () => {
    service = await startCacheService({ port: 0, dir: fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-cache-svc-')), log: () => {} });
  });
  afterAll(async () => {
    await service.close();
  });

  async function build(options: { prefix: string; url?: string; env?: Record<string, string> }): Promise<ActionRun> {
    return runAction({
      workspace,
      runnerTemp,
      inputs: { ...base, images: `${stack.IMAGE_BUILD_REGISTRY}/e2e/cache-faults`, push: 'false', 'cache-key-prefix': options.prefix },
      env: { ACTIONS_RESULTS_URL: options.url ?? service.url, ...options.env },
    });
  }

  interface CacheFault {
    name: string;
    /** The emulator misbehaves like this during the run. */
    fault?: Fault;
    /** Run once without fault first, and change a file, so that there is an entry to restore. */
    populate?: boolean;
    /** Point the action at a port where nothing listens instead. */
    down?: boolean;
    env?: Record<string, string>;
    warns: RegExp;
    /** The service's routes and statuses the run must have produced (a subset). */
    requests?: Record<string, Record<string, number>>;
    /** Routes the run must not have called. */
    notCalled?: string[];
  }

  const cases: CacheFault[] = [
    { name: 'service down (nothing listens)', down: true, warns: /^Cache restore failed, building without cache: .*ECONNREFUSED/ },
    { name: 'lookup answers 400', fault: { status: 400, routes: ['GetCacheEntryDownloadURL'] }, warns: /^Cache restore failed, building without cache: .*\(400\)/, requests: { GetCacheEntryDownloadURL: { 400: 1 } } },
    { name: 'lookup rate-limited (429) past the retry budget', fault: { status: 429, routes: ['GetCacheEntryDownloadURL'] }, env: { IMAGE_BUILD_CACHE_RETRY_BUDGET: '3' }, warns: /^Cache restore failed, building without cache: still rate-limited .*Rate limited/ },
    { name: 'download of the entry fails (blob 403)', populate: true, fault: { status: 403, routes: ['GetBlob'] }, warns: /^Cache restore failed, building without cache: /, requests: { GetBlob: { 403: 1 } } },
    // Refused for its own key and for a fresh one: then the save says so.
    { name: 'reservation for the save fails (400)', fault: { status: 400, routes: ['CreateCacheEntry'] }, warns: /^Cache save skipped: .*the cache service took neither the index entry .* nor a fresh key/, requests: { CreateCacheEntry: { 400: 2 } } },
    {
      name: 'slow: the lookup outlasts the cache timeout',
      fault: { delayMs: 120_000, routes: ['GetCacheEntryDownloadURL'], count: 1 },
      env: { IMAGE_BUILD_CACHE_TIMEOUT: '1' },
      warns: /did not finish the restore within 1 s; building without cache/,
      // An unresponsive service is not asked to save either.
      notCalled: ['CreateCacheEntry'],
    },
  ];

  it.each(cases)('$name', async ({ fault, populate, down, env, warns, requests = {}, notCalled = [] }) => {
    const prefix = uniqueName('cache-fault');
    if (populate) {
      service.setFault(null);
      expect(survived(await build({ prefix }))).toEqual([]);
      fs.writeFileSync(path.join(workspace, 'src', 'hello.txt'), `${uniqueName('changed')}\n`);
    }
    service.stats.reset();
    service.setFault(fault ?? null);
    const run = await build({ prefix, url: down ? `http://127.0.0.1:${await closedPort()}/` : undefined, env });
    service.setFault(null);

    const warnings = survived(run);
    expect(warnings.some((warning) => warns.test(warning)), warnings.join('\n')).toBe(true);
    expect(run.outputs['cache-hit']).toBe('miss');
    for (const [route, statuses] of Object.entries(requests)) {
      for (const [status, count] of Object.entries(statuses)) expect(service.stats.routes[route]?.statuses[status], `${route} ${status}`).toBe(count);
    }
    for (const route of notCalled) expect(service.stats.routes[route], route).toBeUndefined();
  });

  it('concurrent save of the same key: another job holds the reservation (409), and this one still succeeds', async () => {
    const prefix = uniqueName('cache-race');
    service.setFault(null);
    // A first run tells the key and version the action saves under…
    const first = await build({ prefix: prefix });
    expect(survived(first)).toEqual([]);
    const entry = service.entries().find((e) => e.key === first.outputs['cache-key']);
    expect(entry?.finalized).toBe(true);
    // …then another job reserves that key and is still uploading: the entry is not
    // finalized, so a restore misses it, but a reservation of the same key gets 409.
    await fetch(new URL(`_entries/${encodeURIComponent(entry!.key)}`, service.url), { method: 'DELETE' });
    const reserve = await fetch(new URL(`${TWIRP}/CreateCacheEntry`, service.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: entry!.key, version: entry!.version }),
    });
    expect(reserve.status).toBe(200);

    service.stats.reset();
    const second = await build({ prefix: prefix });
    survived(second);
    expect(second.outputs['cache-key']).toBe(entry!.key);
    expect(second.outputs['cache-hit']).toBe('miss');
    expect(service.stats.routes.CreateCacheEntry?.statuses['409']).toBeGreaterThanOrEqual(1);
    // The other job never finishes: after waiting for it, this one saves under a fresh key, quietly.
    expect(second.outputs['cache-saved'], second.stdout).toBe('true');
    expect(service.entries().some((e) => e.key.startsWith(`${entry!.key}-next-`) && e.finalized)).toBe(true);
  });
});

describe('registry faults: retried, or one clear error before the build', () => {
  let proxies: FlakyProxy[] = [];
  afterAll(async () => {
    await Promise.all(proxies.map((proxy) => proxy.close()));
  });

  async function proxy(options: Parameters<typeof startFlakyProxy>[0]): Promise<FlakyProxy> {
    const started = await startFlakyProxy(options);
    proxies.push(started);
    return started;
  }

  async function build(image: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<ActionRun> {
    return runAction({
      workspace: isolatedWorkspace(),
      inputs: { ...base, images: image, cache: 'false', 'skip-unchanged': 'false', ...inputs },
      env,
    });
  }

  it('429 and 503 with Retry-After are retried, and the push goes through', async () => {
    // The ping and the first manifest HEAD of the access check fail first.
    const flaky = await proxy({
      target: stack.IMAGE_BUILD_REGISTRY!,
      match: /^(GET \/v2\/$|HEAD \/v2\/.+\/manifests\/)/,
      failures: 3,
      statuses: [429, 503],
      retryAfter: '1',
    });
    const repository = uniqueName('e2e/flaky');
    const run = await build(`${flaky.host}/${repository}`);
    expect(run.code, log(run)).toBe(0);
    expect(annotations(run.stdout, 'error')).toEqual([]);
    expect(flaky.injectedCount()).toBe(3);
    // Each failed request was sent again and answered by the registry.
    for (const failed of flaky.requests.filter((request) => request.injected)) {
      expect(flaky.requests.some((request) => !request.injected && request.method === failed.method && request.path === failed.path)).toBe(true);
    }
    // What landed is the image the action reports, read past the proxy.
    expect(await registryDigest(`${stack.IMAGE_BUILD_REGISTRY}/${repository}:main`)).toBe(run.outputs.digest);
  });

  it('one of two registries fails the push: the error says which tags landed', async () => {
    const broken = await proxy({ target: stack.IMAGE_BUILD_REGISTRY!, match: /^PUT \/v2\/.+\/manifests\//, failures: Infinity, statuses: [503] });
    const good = `${stack.IMAGE_BUILD_REGISTRY}/${uniqueName('e2e/half-good')}`;
    const bad = `${broken.host}/${uniqueName('e2e/half-bad')}`;
    const message = onlyError(await build(`${good}\n${bad}`));
    expect(message).toMatch(new RegExp(`failed to push ${bad}`));
    const landed = /Pushed before the failure: (.*)\. Not pushed: (.*)\.$/.exec(message);
    expect(landed, message).not.toBeNull();
    expect(landed![1]!.split(', ').sort()).toEqual([`${good}:main`, `${good}:sha-fe79cc4`]);
    expect(landed![2]!.split(', ').sort()).toEqual([`${bad}:main`, `${bad}:sha-fe79cc4`]);
  });

  interface Unusable {
    name: string;
    /** Sets up the fault; returns the image to build and extra inputs and environment. */
    arrange: () => Promise<{ image: string; inputs?: Record<string, string>; env?: Record<string, string>; host?: string }>;
    says: (host: string) => RegExp;
    /** Text that must not appear in the log (a wrong password). */
    never?: string;
  }

  const wrongPassword = `wrong-${uniqueName('pw')}`;
  const unusable: Unusable[] = [
    {
      name: 'a registry that always answers 503',
      arrange: async () => {
        const down = await proxy({ target: stack.IMAGE_BUILD_REGISTRY!, failures: Infinity, statuses: [503], retryAfter: '1' });
        return { image: `${down.host}/${uniqueName('e2e/unavailable')}`, host: down.host };
      },
      says: (host) => new RegExp(`registry ${host} answered 503 .*\\(after 4 attempts\\)`),
    },
    {
      name: 'a registry that always answers 429',
      arrange: async () => {
        const limited = await proxy({ target: stack.IMAGE_BUILD_REGISTRY!, failures: Infinity, statuses: [429], retryAfter: '0' });
        return { image: `${limited.host}/${uniqueName('e2e/limited')}`, host: limited.host };
      },
      says: (host) => new RegExp(`registry ${host} answered 429 .*\\(after 4 attempts\\)`),
    },
    {
      name: 'an unreachable registry (nothing listens on the port)',
      arrange: async () => {
        const host = `127.0.0.1:${await closedPort()}`;
        return { image: `${host}/${uniqueName('e2e/unreachable')}`, host };
      },
      says: (host) => new RegExp(`cannot connect to registry ${host}: connection refused`),
    },
    {
      name: 'wrong password for the htpasswd registry',
      arrange: async () => ({
        image: `${stack.IMAGE_BUILD_AUTH_REGISTRY}/${uniqueName('e2e/denied')}`,
        inputs: { username: stack.IMAGE_BUILD_AUTH_USER!, password: wrongPassword },
        host: stack.IMAGE_BUILD_AUTH_REGISTRY,
      }),
      says: (host) => new RegExp(`registry ${host} rejected user "${stack.IMAGE_BUILD_AUTH_USER}" .*check the username and password`),
      never: wrongPassword,
    },
    {
      name: 'no credentials for the htpasswd registry',
      arrange: async () => ({ image: `${stack.IMAGE_BUILD_AUTH_REGISTRY}/${uniqueName('e2e/anonymous')}`, host: stack.IMAGE_BUILD_AUTH_REGISTRY }),
      says: (host) => new RegExp(`registry ${host} requires a login .*no credentials were given`),
    },
    {
      name: 'the Docker daemon is down (nothing listens on DOCKER_HOST)',
      arrange: async () => {
        const socket = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-nodaemon-')), 'docker.sock');
        return { image: `${stack.IMAGE_BUILD_REGISTRY}/e2e/no-daemon`, env: { DOCKER_HOST: `unix://${socket}` }, host: socket };
      },
      says: (socket) => new RegExp(`Docker daemon is not reachable .*${socket.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}.*start Docker or set DOCKER_HOST`),
    },
    {
      name: 'no Buildx (the docker CLI has no buildx plugin)',
      arrange: async () => ({ image: `${stack.IMAGE_BUILD_REGISTRY}/e2e/no-buildx`, env: { PATH: `${dockerWithoutBuildx()}:${dockerEnv().PATH}` }, host: '' }),
      says: () => /Docker Buildx is not installed.*Install the docker-buildx plugin/,
    },
  ];

  it.each(unusable)('$name', async ({ arrange, says, never }) => {
    const { image, inputs, env, host = '' } = await arrange();
    const run = await build(image, inputs, env);
    expect(onlyError(run)).toMatch(says(host));
    // Found before any build time was spent.
    expect(buildStarted(run.stdout), log(run)).toBe(false);
    if (never) {
      expect(run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::') && line.includes(never))).toEqual([]);
      expect(run.stderr).not.toContain(never);
    }
  });
});

/**
 * A folder with a `docker` that behaves like a Docker CLI without the buildx
 * plugin (`docker: 'buildx' is not a docker command.`), passing anything else on
 * to the real one. The plugin itself lives in a system folder the CLI always
 * searches, so hiding it by PATH or DOCKER_CONFIG is not possible here.
 */
function dockerWithoutBuildx(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-nobuildx-'));
  const real = execFileSync('sh', ['-c', 'command -v docker'], { env: dockerEnv(), encoding: 'utf8' }).trim();
  fs.writeFileSync(
    path.join(dir, 'docker'),
    `#!/bin/sh\nif [ "$1" = buildx ]; then\n  echo "docker: 'buildx' is not a docker command." >&2\n  echo "See 'docker --help'" >&2\n  exit 1\nfi\nexec ${real} "$@"\n`,
    { mode: 0o755 },
  );
  return dir;
}
