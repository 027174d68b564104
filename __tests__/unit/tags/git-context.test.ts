import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  commitDateFromPayload,
  fetchRepositoryInfo,
  gitContextFromCheckout,
  gitContextFromEnv,
  metadataSwitchesFromEnv,
  needsRepositoryInfo,
  repositoryFromRemote,
} from '../../../src/github/git-context.ts';
import { UserError } from '../../../src/common/errors.ts';
import { ctxFor, envFor, meta } from './helpers.ts';

describe('gitContextFromEnv', () => {
  test('push', () => {
    const ctx = gitContextFromEnv(envFor('push_main', { GITHUB_RUN_ATTEMPT: '2', GITHUB_ACTOR: 'octo', GITHUB_WORKFLOW: 'ci' }));
    expect(ctx).toMatchObject({
      eventName: 'push',
      ref: 'refs/heads/main',
      sha: '4f2d7c0e9b8a6d5c4b3a29180f7e6d5c4b3a2918',
      repository: 'acme/widget',
      defaultBranch: 'main',
      runId: 1234,
      runNumber: 56,
      runAttempt: 2,
      serverUrl: 'https://github.com',
      actor: 'octo',
      workflow: 'ci',
    });
    expect(ctx.commitDate?.toISOString()).toBe('2024-03-05T13:15:16.000Z');
  });

  test('pull_request_target gets the merge ref', () => {
    expect(ctxFor('pull_request_target').ref).toBe('refs/pull/42/merge');
  });

  test('DOCKER_METADATA_PR_HEAD_SHA uses the head commit', () => {
    expect(gitContextFromEnv(envFor('pull_request')).sha).toBe('3333333333333333333333333333333333333333');
    const ctx = gitContextFromEnv(envFor('pull_request', { DOCKER_METADATA_PR_HEAD_SHA: 'true' }));
    expect(ctx.sha).toBe('2222222222222222222222222222222222222222');
    expect(gitContextFromEnv(envFor('push_main', { DOCKER_METADATA_PR_HEAD_SHA: 'true' })).sha).toBe(
      '4f2d7c0e9b8a6d5c4b3a29180f7e6d5c4b3a2918',
    );
  });

  test('missing or absent event file gives an empty payload', () => {
    expect(gitContextFromEnv({}).payload).toEqual({});
    expect(gitContextFromEnv({ GITHUB_EVENT_PATH: '/nonexistent/event.json' }).payload).toEqual({});
  });

  test('broken event file is a clear error', () => {
    expect(() => gitContextFromEnv({ GITHUB_EVENT_PATH: '/x.json' }, () => '{nope')).toThrow(UserError);
  });

  test('commit date from commits or head_commit only for the built sha', () => {
    const payload = { commits: [{ id: 'a', timestamp: '2021-01-01T00:00:00Z' }], head_commit: { id: 'b', timestamp: '2022-01-01T00:00:00Z' } };
    expect(commitDateFromPayload(payload, 'a')?.toISOString()).toBe('2021-01-01T00:00:00.000Z');
    expect(commitDateFromPayload(payload, 'b')?.toISOString()).toBe('2022-01-01T00:00:00.000Z');
    expect(commitDateFromPayload(payload, 'c')).toBeUndefined();
  });

  test('needsRepositoryInfo', () => {
    expect(needsRepositoryInfo(ctxFor('push_main'))).toBe(false);
    expect(needsRepositoryInfo(ctxFor('schedule'))).toBe(true);
    expect(needsRepositoryInfo(ctxFor('workflow_dispatch'))).toBe(true);
  });
});

describe('DOCKER_METADATA_* switches', () => {
  test('defaults', () => {
    expect(metadataSwitchesFromEnv({})).toEqual({ prHeadSha: false, shortShaLength: 7, annotationsLevels: ['manifest'], setOutputEnv: true });
  });
  test('set', () => {
    expect(
      metadataSwitchesFromEnv({
        DOCKER_METADATA_PR_HEAD_SHA: 'True',
        DOCKER_METADATA_SHORT_SHA_LENGTH: '10',
        DOCKER_METADATA_ANNOTATIONS_LEVELS: 'manifest, index',
        DOCKER_METADATA_SET_OUTPUT_ENV: 'false',
      }),
    ).toEqual({ prHeadSha: true, shortShaLength: 10, annotationsLevels: ['manifest', 'index'], setOutputEnv: false });
  });
  test('bad short sha length', () => {
    expect(() => metadataSwitchesFromEnv({ DOCKER_METADATA_SHORT_SHA_LENGTH: 'ten' })).toThrow(/DOCKER_METADATA_SHORT_SHA_LENGTH/);
  });
  test('short sha length longer than the sha keeps the sha', () => {
    expect(meta('push_main', { tags: 'type=sha,prefix=' }, { shortShaLength: 99 }).tagNames).toEqual(['4f2d7c0e9b8a6d5c4b3a29180f7e6d5c4b3a2918']);
  });
});

describe('fetchRepositoryInfo', () => {
  const ok = (body: unknown, status = 200) =>
    (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;

  test('maps the API response', async () => {
    let seen: { url?: string; auth?: string } = {};
    const fake = (async (url: string, init: RequestInit) => {
      seen = { url, auth: (init.headers as Record<string, string>).authorization };
      return new Response(
        JSON.stringify({ name: 'widget', description: 'd', html_url: 'https://github.com/acme/widget', license: { spdx_id: 'MIT' }, default_branch: 'trunk' }),
      );
    }) as unknown as typeof fetch;
    const info = await fetchRepositoryInfo('https://api.example.com/', 'acme/widget', 'tok', { fetch: fake, warn: (message) => { throw new Error(`unexpected warning: ${message}`); } });
    expect(seen).toEqual({ url: 'https://api.example.com/repos/acme/widget', auth: 'Bearer tok' });
    expect(info).toEqual({ name: 'widget', description: 'd', htmlUrl: 'https://github.com/acme/widget', license: 'MIT', defaultBranch: 'trunk' });
  });

  test('HTTP error warns and returns undefined', async () => {
    const warnings: string[] = [];
    const info = await fetchRepositoryInfo('https://api.github.com', 'acme/widget', undefined, { fetch: ok({}, 404), warn: (m) => warnings.push(m) });
    expect(info).toBeUndefined();
    expect(warnings[0]).toMatch(/HTTP 404/);
  });

  test('network error warns and returns undefined', async () => {
    const warnings: string[] = [];
    const fake = (async () => {
      throw new Error('ECONNREFUSED');
    }) as unknown as typeof fetch;
    expect(await fetchRepositoryInfo('https://api.github.com', 'acme/widget', 't', { fetch: fake, warn: (m) => warnings.push(m) })).toBeUndefined();
    expect(warnings[0]).toMatch(/ECONNREFUSED/);
  });
});

describe('gitContextFromCheckout', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const git = (dir: string, ...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.com',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.com',
        GIT_COMMITTER_DATE: '2023-05-06T07:08:09Z',
        GIT_AUTHOR_DATE: '2023-05-06T07:08:09Z',
      },
    })
      .toString()
      .trim();
  function repo(): string {
    const dir = mkdtempSync(join(tmpdir(), 'ib-git-'));
    dirs.push(dir);
    git(dir, 'init', '-q', '-b', 'main');
    writeFileSync(join(dir, 'f'), 'x');
    git(dir, 'add', 'f');
    git(dir, 'commit', '-q', '-m', 'c');
    git(dir, 'remote', 'add', 'origin', 'git@github.com:acme/widget.git');
    return dir;
  }

  test('branch checkout', async () => {
    const dir = repo();
    const ctx = await gitContextFromCheckout(dir);
    expect(ctx.ref).toBe('refs/heads/main');
    expect(ctx.sha).toBe(git(dir, 'rev-parse', 'HEAD'));
    expect(ctx.eventName).toBe('push');
    expect(ctx.repository).toBe('acme/widget');
    expect(ctx.commitDate?.toISOString()).toBe('2023-05-06T07:08:09.000Z');
    const m = meta(ctx, { images: 'ghcr.io/acme/widget', tags: '' });
    expect(m.tagNames).toEqual(['main', `sha-${ctx.sha.slice(0, 7)}`]);
  });

  test('tag at HEAD wins, highest version first', async () => {
    const dir = repo();
    git(dir, 'tag', 'v1.2.0');
    git(dir, 'tag', 'v1.10.0');
    const ctx = await gitContextFromCheckout(dir);
    expect(ctx.ref).toBe('refs/tags/v1.10.0');
    expect(meta(ctx, { tags: 'type=semver,pattern={{version}}' }).tagNames).toEqual(['1.10.0', 'latest']);
  });

  test('not a checkout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ib-nogit-'));
    dirs.push(dir);
    await expect(gitContextFromCheckout(dir)).rejects.toThrow(UserError);
  });

  test.each([
    ['https://github.com/acme/widget.git', 'acme/widget', 'https://github.com'],
    ['git@github.com:acme/widget.git', 'acme/widget', 'https://github.com'],
    ['ssh://git@ghe.example.com:2222/team/tool', 'team/tool', 'https://ghe.example.com'],
    ['https://user:tok@github.com/acme/widget/', 'acme/widget', 'https://github.com'],
  ])('remote %s', (url, repository, serverUrl) => {
    expect(repositoryFromRemote(url)).toEqual({ repository, serverUrl });
  });
});
