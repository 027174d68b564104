// Large Dockerfiles parse, and are advised on, within a bounded time: 1 MB of
// instructions, and 500 stages each copying from the one before. Bounded means the
// test's generous timeout, not a speed claim (speed goes in benchmarks).
import { describe, expect, it } from 'vitest';
import { adviseDockerfile } from '../../src/report/advice.ts';
import { baseImages, parseDockerfile } from '../../src/buildx/dockerfile.ts';
import { instructionForStep } from '../../src/buildx/steps.ts';

const GENEROUS_MS = 60_000;

describe('large Dockerfiles', () => {
  it(
    '1 MB of instructions, long lines and line continuations among them',
    () => {
      const lines = ['ARG BASE=busybox', 'FROM ${BASE}'];
      for (let i = 0; lines.join('\n').length < 1024 * 1024; i++) {
        if (i % 3 === 0) lines.push(`RUN echo ${'word '.repeat(200)}${i} \\\n    && echo continued-${i}`);
        else if (i % 3 === 1) lines.push(`ENV VAR_${i}=${'v'.repeat(100)}`);
        else lines.push(`COPY src/file-${i} /app/file-${i}`);
      }
      const text = `${lines.join('\n')}\n`;
      expect(text.length).toBeGreaterThanOrEqual(1024 * 1024);
      const model = parseDockerfile(Buffer.from(text), [], 'Dockerfile');
      expect(model.stages).toHaveLength(1);
      expect(baseImages(model)).toEqual(['busybox']);
      expect(Array.isArray(adviseDockerfile(model, { contextFiles: ['src/file-2'] }))).toBe(true);
    },
    GENEROUS_MS,
  );

  it(
    '500 stages, each FROM the one before, COPY --from the one before that',
    () => {
      const lines = ['FROM busybox AS s0', 'RUN echo 0 > /f'];
      for (let i = 1; i < 500; i++) {
        lines.push(`FROM s${i - 1} AS s${i}`, `COPY --from=s${Math.max(0, i - 2)} /f /f${i}`, `RUN echo ${i} >> /f`);
      }
      const model = parseDockerfile(Buffer.from(`${lines.join('\n')}\n`), [], 'Dockerfile');
      expect(model.stages).toHaveLength(500);
      expect(model.stages.at(-1)!.name).toBe('s499');
      expect(baseImages(model)).toEqual(['busybox']);
      // A stage on another stage has no FROM step (as BuildKit numbers them).
      expect(instructionForStep('[s499 2/2] RUN echo 499 >> /f', model)?.args).toBe('echo 499 >> /f');
      expect(Array.isArray(adviseDockerfile(model))).toBe(true);
    },
    GENEROUS_MS,
  );
});
