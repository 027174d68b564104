// The step table of a multi-platform build: a platform column, one row per platform
// and step in Dockerfile order, each platform's own layer size, cross stages named by
// where they run, and a single-platform build's table as it always was.
import { describe, expect, it } from 'vitest';
import type { BuildStep } from '../../src/builder.ts';
import { parseDockerfile } from '../../src/dockerfile.ts';
import type { PipelineResult } from '../../src/pipeline.ts';
import type { ImageLayer } from '../../src/promote.ts';
import { renderSummary } from '../../src/summary.ts';

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
const tableOf = (markdown: string) => markdown.slice(markdown.indexOf('### Build steps')).split('\n').filter((line) => line.startsWith('|'));

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

  it('has one row per platform and step, in Dockerfile order, with each platform layer size', () => {
    const rows = tableOf(renderSummary({ result: result(steps, layers), tags: [], pushed: true, dryRun: false }));
    expect(rows.slice(0, 2)).toEqual(['| line | platform | step | status | seconds | layer |', '|---:|---|---|---|---:|---:|']);
    expect(rows.slice(2)).toEqual([
      '| 1 | linux/amd64 | `FROM golang` | pulled | 0.0 |  |',
      '| 2 | linux/amd64 | `RUN go build -o /app` | run | 4.2 |  |',
      '| 2 | linux/amd64→arm64 | `RUN go build -o /app` | run | 4.4 |  |',
      '| 3 | linux/amd64 | `FROM busybox` | pulled | 0.0 |  |',
      '| 3 | linux/arm64 | `FROM busybox` | pulled | 0.0 |  |',
      '| 4 | linux/amd64 | `COPY --from=build /app /app` | run | 0.1 | 2.0 KiB |',
      '| 4 | linux/arm64 | `COPY --from=build /app /app` | run | 0.1 | 4.0 KiB |',
      '| 5 | linux/amd64 | `RUN /app --check` | cached | 0.2 | 100 B |',
      '| 5 | linux/arm64 | `RUN /app --check` | run | 3.1 | 300 B |',
    ]);
  });

  it('says when the restored entry was another platform set', () => {
    const changes = { added: [], removed: [], changed: [], dockerfileChanged: false, restoredPlatforms: ['linux/amd64', 'linux/arm64'] };
    const markdown = renderSummary({ result: result(steps, layers, changes), tags: [], pushed: true, dryRun: false });
    expect(markdown).toContain('- the restored entry was built for linux/amd64, linux/arm64, not for this build');
    expect(markdown).not.toContain('no context file differs');
  });

  it('keeps the single-platform table without a platform column', () => {
    const single = [step('[stage-1 3/3] RUN /app --check', 0.5)];
    const rows = tableOf(renderSummary({ result: result(single, [{ createdBy: 'RUN /bin/sh -c /app --check # buildkit', size: 100 }]), tags: [], pushed: true, dryRun: false }));
    expect(rows).toEqual(['| line | step | status | seconds | layer |', '|---:|---|---|---:|---:|', '| 5 | `RUN /app --check` | run | 0.5 | 100 B |']);
  });
});
