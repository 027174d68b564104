// The small edges that decide whether a fault is survived or reported clearly:
// reading `buildx inspect` (a builder whose daemon is down still exits 0), a Docker
// CLI that exits without reading its stdin, and an Actions cache service that
// does not answer in time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deltaCacheStore } from '../../src/cache/delta-store.ts';
import { cacheTimeoutMs } from '../../src/cache/options.ts';
import { builderError, checkDocker, docker } from '../../src/buildx/docker.ts';

describe('buildx inspect output', () => {
  const cases: [string, string, string | undefined][] = [
    [
      'daemon down: exit 0, with an Error line in the builder header',
      'Name:          default\nDriver:        \nLast Activity: 2026-11-28 22:25:13 +0000 UTC\nError:         Cannot connect to the Docker daemon at unix:///x.sock. Is the docker daemon running?\n',
      'Cannot connect to the Docker daemon at unix:///x.sock. Is the docker daemon running?',
    ],
    [
      'a running builder',
      'Name:          default\nDriver:        docker\n\nNodes:\nName:             default\nEndpoint:         default\nStatus:           running\nPlatforms:        linux/amd64\n',
      undefined,
    ],
    [
      'an error on a node only (the builder itself is fine; buildx boots nodes on demand)',
      'Name:          multi\nDriver:        docker-container\n\nNodes:\nName:      multi0\nEndpoint:  unix:///var/run/docker.sock\nError:     node not booted\n',
      undefined,
    ],
  ];
  it.each(cases)('%s', (_name, output, expected) => {
    expect(builderError(output)).toBe(expected);
  });
});

describe('the Docker CLI edge', () => {
  let bin: string;

  beforeAll(() => {
    bin = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-docker-'));
    // Exits at once, without reading stdin, like the CLI does for an unknown command.
    fs.writeFileSync(path.join(bin, 'docker'), "#!/bin/sh\necho \"docker: '$1' is not a docker command.\" >&2\nexit 1\n", { mode: 0o755 });
  });

  it('a command that exits without reading a large stdin gives its exit status, not an EPIPE crash', async () => {
    const run = await docker(['login', '--password-stdin'], { env: { PATH: bin }, input: 'x'.repeat(4 * 1024 * 1024) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("'login' is not a docker command");
  });

  it('no Buildx: checkDocker says what is missing', async () => {
    await expect(checkDocker({ PATH: bin })).rejects.toThrow(/Docker Buildx is not installed.*docker-buildx plugin/);
  });

  it('no docker at all: checkDocker says so', async () => {
    await expect(checkDocker({ PATH: fs.mkdtempSync(path.join(os.tmpdir(), 'empty-path-')) })).rejects.toThrow(/docker command was not found on PATH/);
  });
});

describe('Actions cache store: a service that does not answer in time', () => {
  type Service = { url: string; setFault(fault: object | null): void; stats: { routes: Record<string, { requests: number }> }; close(): Promise<void> };
  let service: Service;
  const saved = { ...process.env };

  beforeAll(async () => {
    const { startCacheService } = (await import(new URL('../../scripts/cache-service.mjs', import.meta.url).href)) as {
      startCacheService: (options: { port: number; dir: string; log?: (line: string) => void }) => Promise<Service>;
    };
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'store-timeout-'));
    service = await startCacheService({ port: 0, dir: path.join(root, 'service'), log: () => {} });
    fs.mkdirSync(path.join(root, 'temp'));
    Object.assign(process.env, {
      ACTIONS_CACHE_SERVICE_V2: 'true',
      ACTIONS_RESULTS_URL: service.url,
      ACTIONS_RUNTIME_TOKEN: 'test-token',
      RUNNER_TEMP: path.join(root, 'temp'),
    });
    for (const key of ['GITHUB_SERVER_URL', 'ACTIONS_CACHE_URL', 'RUNNER_DEBUG']) delete process.env[key];
  });

  afterAll(async () => {
    await service.close();
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  it('the timeout comes from IMAGE_BUILD_CACHE_TIMEOUT (seconds) when it says one', () => {
    expect(cacheTimeoutMs({ IMAGE_BUILD_CACHE_TIMEOUT: '2.5' })).toEqual({ restore: 2500, save: 2500 });
    expect(cacheTimeoutMs({ IMAGE_BUILD_CACHE_TIMEOUT: 'soon' })).toBeUndefined();
    expect(cacheTimeoutMs({})).toBeUndefined();
  });

  it('a restore that hangs becomes a warning and a miss, and nothing is saved to that service', async () => {
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true); // @actions/core debug lines
    try {
      service.setFault({ delayMs: 6_000, routes: ['GetCacheEntryDownloadURL'], count: 1 });
      const warnings: string[] = [];
      const store = deltaCacheStore({ tempRoot: process.env.RUNNER_TEMP!, warn: (message) => warnings.push(message), timeouts: { restore: 200, save: 200 } });
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-timeout-dir-'));
      const started = Date.now();
      expect(await store.restore(dir, 'k-1', ['k-'])).toBeUndefined();
      // The answer comes after 6 s: returning well before it means the 0.2 s limit, not the answer, ended the wait.
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(warnings).toEqual([expect.stringMatching(/did not finish the restore within 0.2 s; building without cache/)]);
      fs.writeFileSync(path.join(dir, 'file'), 'data');
      expect(await store.save(dir, 'k-1')).toBe(false);
      expect(warnings[1]).toBe('Cache save skipped: the cache service did not finish the restore within 0.2 s');
      expect(service.stats.routes.CreateCacheEntry).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 6_000)); // let the delayed answer arrive
    } finally {
      stdout.mockRestore();
    }
  });
});
