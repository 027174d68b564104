// The summary's first lines for the runs that build no image or push nothing: a dry run, a
// build with nothing to push, an evaluation, and a reused image with and without new tags.
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../src/buildx/dockerfile.ts';
import type { PipelineResult } from '../../src/pipeline/types.ts';
import { renderSummary, verdict, type SummaryInput } from '../../src/report/summary.ts';

const DIGEST = `sha256:8dd4a1b2c3d4${'0'.repeat(52)}`;
const REPO = 'ghcr.io/acme/app';

function input(result: Partial<PipelineResult>, extra: Partial<SummaryInput> = {}): SummaryInput {
  return {
    result: {
      dockerfile: parseDockerfile(Buffer.from('FROM busybox\nRUN make\n'), [], 'Dockerfile'),
      manifest: { entries: [], hash: 'sha256:c' },
      contextHash: 'sha256:c',
      dockerfileHash: 'sha256:d',
      cacheKey: 'k',
      restoreKeys: ['k-1', 'k-2'],
      cacheHit: 'miss',
      cacheSaved: false,
      built: false,
      steps: [],
      registryRequests: 4,
      timings: { hash: 0, lookup: 0.2, restore: 0, build: 0, save: 0, total: 0.4 },
      ...result,
    },
    tags: [`${REPO}:1.0.0`, `${REPO}:latest`, `${REPO}:sha-1a2b3c4`],
    pushed: true,
    dryRun: false,
    commit: '1a2b3c4d'.repeat(5),
    ...extra,
  };
}

describe('the heading and the line under it', () => {
  it('a dry run says so, and keeps its restore keys in the details', () => {
    const markdown = renderSummary(input({}, { dryRun: true, pushed: false }));
    expect(markdown.split('\n')[0]).toBe('## ⚪ dry run, nothing built or pushed · 0.4\u00a0s');
    expect(markdown).toContain('restore keys  k-1');
  });

  it('a reuse names the new tags, and says when every tag was there already', () => {
    const reused = { reusedFrom: `${REPO}:sha-1a2b3c4`, digest: DIGEST, alreadyTagged: [`${REPO}:sha-1a2b3c4`] };
    const release = verdict(input(reused));
    expect(release.heading).toBe('tagged `1.0.0`, `latest` · no build: reused sha256:8dd4a1b2c3d4 · 0.4\u00a0s');
    expect(release.image).toBe('`ghcr.io/acme/app` · digest `sha256:8dd4a1b2c3d4` · commit `1a2b3c4`');
    expect(release.why).toContain('`1.0.0`, `latest` now point at it (`sha-1a2b3c4` did already)');
    const rerun = verdict(input({ ...reused, alreadyTagged: input({}).tags }));
    expect(rerun.heading).toBe('`1.0.0`, `latest`, `sha-1a2b3c4` unchanged · no build: reused sha256:8dd4a1b2c3d4 · 0.4\u00a0s');
    expect(rerun.why).toContain('point at it already');
    expect(renderSummary(input({ ...reused, alreadyTagged: input({}).tags }))).not.toMatch(/built=|\*\*miss\*\*/);
  });

  it('a build with nothing to push, and an evaluation, say what they did', () => {
    const steps = [{ name: '[1/2] FROM busybox', cached: false, seconds: 0.1, output: [] }, { name: '[2/2] RUN make', cached: false, seconds: 1, output: [] }];
    const notPushed = verdict(input({ built: true, steps }, { pushed: false, notPushed: 'the tag rules gave no tag' }));
    expect(notPushed.mark).toBe('⚠️');
    expect(notPushed.heading).toBe('built, nothing pushed · cache miss: 0 of 1 step cached · nothing saved · 0.4\u00a0s');
    expect(verdict(input({ steps }, { pushed: false })).heading).toMatch(/^evaluated, no image built · /);
  });
});
