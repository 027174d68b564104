// The commit's time for {{commit_date}} and the created label on events whose payload
// lacks it (pull_request, schedule, release: the real payloads in fixtures/tags/events):
// the checkout first, then the GitHub API, and only then the current time, with a warning.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { gitContextFromEnv, resolveCommitDate } from '../../../src/github/git-context.ts';
import { computeMetadata } from '../../../src/tags/index.ts';

const events = join(import.meta.dirname, '../../fixtures/tags/events');
const NOW = new Date('2030-01-01T00:00:00Z');

/** A checkout with one commit made at `when`; returns the folder and the commit's sha. */
function checkout(when: string): { dir: string; sha: string } {
  const dir = mkdtempSync(join(tmpdir(), 'image-build-commit-date-'));
  const env = { ...process.env, GIT_COMMITTER_DATE: when, GIT_AUTHOR_DATE: '2001-01-01T00:00:00Z', GIT_CONFIG_GLOBAL: '/dev/null' };
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, env, encoding: 'utf8' }).trim();
  git('init', '-q');
  writeFileSync(join(dir, 'f'), 'x');
  git('add', 'f');
  git('commit', '-q', '-m', 'one');
  return { dir, sha: git('rev-parse', 'HEAD') };
}

/** These cases find the commit's time, so nothing is to be warned of. */
const noWarning = (message: string) => {
  throw new Error(`unexpected warning: ${message}`);
};

function contextFor(event: string, sha: string) {
  const payload = readFileSync(join(events, `${event}.json`), 'utf8');
  return gitContextFromEnv({ GITHUB_EVENT_NAME: event, GITHUB_EVENT_PATH: 'event.json', GITHUB_SHA: sha, GITHUB_REPOSITORY: 'acme/app', GITHUB_REF: 'refs/heads/main' }, () => payload);
}

describe.each(['pull_request', 'schedule', 'release'])('on a %s event', (event) => {
  test('the checkout gives the committer time (not the author time)', async () => {
    const { dir, sha } = checkout('2024-05-06T07:08:09+02:00');
    const ctx = contextFor(event, sha);
    expect(ctx.commitDate).toBeUndefined();
    const apiCalls: string[] = [];
    const resolved = await resolveCommitDate(ctx, { workspace: dir, apiUrl: '', token: undefined, now: NOW, warn: noWarning, fetch: (async (url: string) => (apiCalls.push(url), new Response('{}', { status: 500 }))) as typeof fetch });
    expect(resolved).toEqual({ date: new Date('2024-05-06T05:08:09Z'), source: 'checkout' });
    expect(apiCalls).toEqual([]);
    ctx.commitDate = resolved.date;
    const meta = computeMetadata(ctx, { images: 'app', tags: "type=raw,value={{commit_date 'YYYYMMDD-HHmmss'}}", flavor: 'latest=false', labels: '' }, { now: NOW });
    expect(meta.tagNames).toEqual(['20240506-050809']);
    expect(meta.labels['org.opencontainers.image.created']).toBe('2024-05-06T05:08:09.000Z');
  });

  test('without a checkout, the GitHub API with the token', async () => {
    const sha = 'a'.repeat(40);
    const asked: Array<{ url: string; authorization: string | undefined }> = [];
    const fake = (async (url: string, init?: RequestInit) => {
      asked.push({ url, authorization: (init?.headers as Record<string, string>).authorization });
      return new Response(JSON.stringify({ sha, commit: { committer: { date: '2023-03-04T05:06:07Z' }, author: { date: '2000-01-01T00:00:00Z' } } }), { status: 200 });
    }) as typeof fetch;
    const resolved = await resolveCommitDate(contextFor(event, sha), { workspace: tmpdir(), apiUrl: 'https://api.example/', token: 'tok', now: NOW, warn: noWarning, fetch: fake });
    expect(resolved).toEqual({ date: new Date('2023-03-04T05:06:07Z'), source: 'api' });
    expect(asked).toEqual([{ url: `https://api.example/repos/acme/app/commits/${sha}`, authorization: 'Bearer tok' }]);
  });

  test('neither: the current time, with a warning that says to check out', async () => {
    const warnings: string[] = [];
    const resolved = await resolveCommitDate(contextFor(event, 'b'.repeat(40)), {
      workspace: tmpdir(),
      apiUrl: '',
      token: undefined,
      now: NOW,
      warn: (message) => warnings.push(message),
      fetch: (async () => new Response('nope', { status: 404 })) as typeof fetch,
    });
    expect(resolved).toEqual({ date: NOW, source: 'now' });
    expect(warnings).toEqual([expect.stringContaining('actions/checkout')]);
  });
});

test('a push payload that carries the commit needs neither git nor the API', async () => {
  const sha = 'c'.repeat(40);
  const ctx = gitContextFromEnv({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: 'e', GITHUB_SHA: sha }, () => JSON.stringify({ head_commit: { id: sha, timestamp: '2022-04-19T11:27:24+02:00' } }));
  const resolved = await resolveCommitDate(ctx, { workspace: '/nonexistent', apiUrl: '', token: undefined, warn: noWarning, gitShow: async () => { throw new Error('not called'); }, fetch: (async () => { throw new Error('not called'); }) as typeof fetch });
  expect(resolved).toEqual({ date: new Date('2022-04-19T09:27:24Z'), source: 'payload' });
});
