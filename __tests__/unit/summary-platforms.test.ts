// The step table of a multi-platform build: one row per step in Dockerfile order, a column
// per platform, each platform's own layer size, cross stages named by where they run, and
// a single-platform build's table with its result, time and size columns.
import { describe, expect, it } from 'vitest';
import type { BuildStep } from '../../src/buildx/build-command.ts';
import { parseDockerfile } from '../../src/buildx/dockerfile.ts';
import type { PipelineResult } from '../../src/pipeline/types.ts';
import type { ImageLayer } from '../../src/pipeline/promoter.ts';
import { renderSummary } from '../../src/report/summary.ts';

const DOCKERFILE = 'FROM --platform=$BUILDPLATFORM golang AS build\nRUN go build -o /app\nFROM busybox\nCOPY --from=build /app /app\nRUN /app --check\n';

function result(steps: BuildStep[], layers: ImageLayer[], changes?: PipelineResult['changes']): PipelineResult {
  return {
    dockerfile: parseDockerfile(Buffer.from(DOCKERFILE), [], 'Dockerfile'),
    manifest: { entries: [], hash: 'sha256:c' },
    contextHash: 'sha256:c',
    dockerfileHash: 'sha256:d',
    cacheKey: 'k',
    restoreKeys: [],
    cacheHit: 'partial',
    cacheSaved: false,
    built: true,
    steps,
    layers,
    registryRequests: 0,
    timings: { hash: 0, lookup: 0, restore: 0, build: 0, save: 0, total: 0 },
    ...(changes ? { changes } : {}),
  };
}

const step = (name: string, seconds: number, cached = false): BuildStep => ({ name, seconds, cached, output: [] });
const tableOf = (markdown: string) => markdown.slice(markdown.indexOf('### Build steps')).split('\n\n')[1]!.split('\n');

describe('step table of a multi-platform build', () => {
  const steps = [
    step('[linux/arm64 stage-1 2/3] COPY --from=build /app /app', 0.1),
    step('[linux/amd64 build 1/2] FROM golang', 0),
    step('[linux/amd64 stage-1 1/3] FROM busybox', 0),
    step('[linux/arm64 stage-1 1/3] FROM busybox', 0),
    step('[linux/amd64 build 2/2] RUN go build -o /app', 4.2),
    step('[linux/amd64->arm64 build 2/2] RUN go build -o /app', 4.4),
    step('[linux/amd64 stage-1 2/3] COPY --from=build /app /app', 0.1),
    step('[linux/amd64 stage-1 3/3] RUN /app --check', 0.2, true),
    step('[linux/arm64 stage-1 3/3] RUN /app --check', 3.1),
  ];
  const layers: ImageLayer[] = [
    { createdBy: 'COPY /app /app # buildkit', size: 2048, platform: 'linux/amd64' },
    { createdBy: 'COPY /app /app # buildkit', size: 4096, platform: 'linux/arm64' },
    { createdBy: 'RUN /bin/sh -c /app --check # buildkit', size: 100, platform: 'linux/amd64' },
    { createdBy: 'RUN /bin/sh -c /app --check # buildkit', size: 300, platform: 'linux/arm64' },
  ];

  it('has one row per step in Dockerfile order, a column per platform, each platform layer size', () => {
    const rows = tableOf(renderSummary({ result: result(steps, layers), tags: [], pushed: true, dryRun: false }));
    expect(rows).toEqual([
      '| line | step | linux/amd64 | linux/arm64 | size |',
      '|---:|---|---|---|---:|',
      '| 1 | `FROM golang` | pulled 0.0\u00a0s |  | — |',
      '| 2 | `RUN go build -o /app` | run 4.2\u00a0s | run 4.4\u00a0s on amd64 | — |',
      '| 3 | `FROM busybox` | pulled 0.0\u00a0s | pulled 0.0\u00a0s | — |',
      '| 4 | `COPY --from=build /app /app` | run 0.1\u00a0s | run 0.1\u00a0s | 2.0\u00a0KiB / 4.0\u00a0KiB |',
      '| 5 | `RUN /app --check` | cached | run 3.1\u00a0s | 100\u00a0B / 300\u00a0B |',
      '| | **total** | **1 of 3 cached, 4.3\u00a0s** | **0 of 3 cached, 7.6\u00a0s** | **2.1\u00a0KiB / 4.3\u00a0KiB** |',
    ]);
  });

  it('says when the restored entry was another platform set', () => {
    const changes = { added: [], removed: [], changed: [], dockerfileChanged: false, restoredPlatforms: ['linux/amd64', 'linux/arm64'] };
    const markdown = renderSummary({ result: result(steps, layers, changes), tags: [], pushed: true, dryRun: false });
    expect(markdown).toContain('- the restored entry was built for linux/amd64, linux/arm64, not for this build');
    expect(markdown).toContain("**Why it rebuilt:** the restored entry was built for linux/amd64, linux/arm64, not for this build's platforms; `RUN go build -o /app` (line 2) is the first step that differs");
    expect(markdown).not.toContain('no context file differs');
  });

  it('keeps the single-platform table without a platform column', () => {
    const single = [step('[stage-1 3/3] RUN /app --check', 0.5)];
    const rows = tableOf(renderSummary({ result: result(single, [{ createdBy: 'RUN /bin/sh -c /app --check # buildkit', size: 100 }]), tags: [], pushed: true, dryRun: false }));
    expect(rows).toEqual([
      '| line | step | result | time | size |',
      '|---:|---|---|---:|---:|',
      '| 5 | `RUN /app --check` | run | 0.5\u00a0s | 100\u00a0B |',
      '| | **total** | **0 of 1 cached** | **0.5\u00a0s** | **100\u00a0B** |',
    ]);
  });
});
