/** Fixture events for the tag-language tests (__tests__/fixtures/tags/events). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitContextFromEnv } from '../../../src/github/git-context.ts';
import type { GitContext } from '../../../src/github/git-context.ts';
import { computeMetadata } from '../../../src/tags/index.ts';
import type { Metadata, MetadataOptions, MetadataSpec } from '../../../src/tags/index.ts';

export const EVENTS_DIR = join(import.meta.dirname, '../../fixtures/tags/events');
export const NOW = new Date('2024-03-06T01:02:03.456Z');

const SHA_MAIN = '4f2d7c0e9b8a6d5c4b3a29180f7e6d5c4b3a2918';

/** name → [event, ref, sha, payload file] */
export const EVENTS: Record<string, [string, string, string, string | undefined]> = {
  push_main: ['push', 'refs/heads/main', SHA_MAIN, 'push_main.json'],
  push_feature: ['push', 'refs/heads/feature/Login_Page', '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567', 'push_feature.json'],
  push_tag: ['push', 'refs/tags/v3.4.5', '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a291807', 'push_tag.json'],
  pull_request: ['pull_request', 'refs/pull/42/merge', '3333333333333333333333333333333333333333', 'pull_request.json'],
  pull_request_target: ['pull_request_target', 'refs/heads/main', SHA_MAIN, 'pull_request.json'],
  schedule: ['schedule', 'refs/heads/main', SHA_MAIN, 'schedule.json'],
  workflow_dispatch: ['workflow_dispatch', 'refs/heads/develop', SHA_MAIN, 'workflow_dispatch.json'],
  release_rc: ['release', 'refs/tags/2.0.0rc1', SHA_MAIN, 'release.json'],
  issues: ['issues', 'refs/heads/main', SHA_MAIN, 'issues.json'],
  no_event: ['', '', '', undefined],
};

export function envFor(event: string, extra: Record<string, string> = {}): Record<string, string> {
  const [name, ref, sha, file] = EVENTS[event]!;
  const env: Record<string, string> = {
    GITHUB_EVENT_NAME: name,
    GITHUB_REF: ref,
    GITHUB_SHA: sha,
    GITHUB_REPOSITORY: 'acme/widget',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '1234',
    GITHUB_RUN_NUMBER: '56',
    ...extra,
  };
  if (file) env.GITHUB_EVENT_PATH = join(EVENTS_DIR, file);
  return env;
}

/** A context for a fixture event; `tag` replaces the ref with refs/tags/<tag>. */
export function ctxFor(event: string, overrides: Partial<GitContext> & { tag?: string } = {}): GitContext {
  const ctx = gitContextFromEnv(envFor(event), (path) => readFileSync(path, 'utf8'));
  const { tag, ...rest } = overrides;
  if (tag !== undefined) ctx.ref = `refs/tags/${tag}`;
  return { ...ctx, ...rest };
}

export function meta(
  event: string | GitContext,
  spec: Partial<MetadataSpec>,
  options: MetadataOptions = {},
): Metadata {
  const ctx = typeof event === 'string' ? ctxFor(event) : event;
  return computeMetadata(ctx, { images: '', tags: '', flavor: '', labels: '', ...spec }, { now: NOW, ...options });
}
