// What a person reads after a build: the job summary and the annotations, for
// cold, rerun and changed-file builds, on a well-ordered and a badly ordered
// Dockerfile.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleWorkspace, freshRunner, runAction, runnerTempDir, stack, summarySteps, uniqueName } from './helpers.ts';

function setup(example: string) {
  return {
    workspace: exampleWorkspace(example),
    runnerTemp: runnerTempDir(),
    inputs: {
      images: `${stack.IMAGE_BUILD_REGISTRY}/${uniqueName(`e2e/${example}`)}`,
      'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`,
      'cache-key-prefix': uniqueName('summary'),
      'skip-unchanged': 'false',
    },
  };
}

const notices = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('::notice'));

describe('job summary and annotations', () => {
  it('cold, rerun and changed-file builds of a well-ordered Dockerfile', async () => {
    const { workspace, runnerTemp, inputs } = setup('hello');
    freshRunner();
    const cold = await runAction({ workspace, runnerTemp, inputs, sha: '1'.repeat(40) });
    expect(cold.code, cold.stdout).toBe(0);
    expect(cold.summary).toMatch(/## image-build: built and pushed/);
    expect(cold.summary).toContain(cold.outputs.digest);
    expect(cold.summary).toMatch(/\| hit \| \*\*miss\*\* \|/);
    expect(cold.summary).toMatch(/\| entry size \| [\d.]+ (KiB|MiB), saved \|/);
    const coldSteps = summarySteps(cold.summary);
    expect(coldSteps.map((step) => step.line)).toEqual([4, 5, 8, 9, 10, 11]);
    expect(coldSteps.filter((step) => step.name.startsWith('RUN') || step.name.startsWith('COPY')).every((step) => step.status === 'run')).toBe(true);
    expect(cold.summary).toMatch(/\| 9 \| `RUN mkdir -p \/deps[^|]*` \| run \| [\d.]+ \| 16 KiB \|/);

    freshRunner();
    const rerun = await runAction({ workspace, runnerTemp, inputs, sha: '1'.repeat(40) });
    expect(rerun.summary).toMatch(/\| hit \| \*\*exact\*\* \|/);
    expect(summarySteps(rerun.summary).filter((step) => step.line > 4).every((step) => step.status === 'cached')).toBe(true);

    freshRunner();
    fs.writeFileSync(path.join(workspace, 'src/world.txt'), 'A changed line.\n');
    const changed = await runAction({ workspace, runnerTemp, inputs, sha: '2'.repeat(40) });
    expect(changed.summary).toMatch(/\| hit \| \*\*partial\*\* from `/);
    expect(changed.summary).toContain('### Why the cache missed');
    expect(changed.summary).toContain('- 1 changed: `src/world.txt`');
    const steps = summarySteps(changed.summary);
    expect(steps.find((step) => step.line === 9)?.status).toBe('cached');
    expect(steps.find((step) => step.line === 10)?.status).toBe('run');
    expect(changed.summary).toMatch(/\| 10 \| `COPY src\/ \.\/src\/` \| run ← `src\/world.txt` changed \|/);
    expect(notices(changed.stdout)).toEqual([]);
    expect(changed.summary).not.toContain('Layer-order advice');
  });

  it('a badly ordered Dockerfile gets a notice at the COPY line that says what re-ran and what it cost', async () => {
    const { workspace, runnerTemp, inputs } = setup('badly-ordered');
    const cold = await runAction({ workspace, runnerTemp, inputs, sha: '3'.repeat(40) });
    expect(cold.code, cold.stdout).toBe(0);
    expect(notices(cold.stdout)).toHaveLength(1);
    expect(notices(cold.stdout)[0]).toMatch(/^::notice title=Layer order,file=Dockerfile,line=8::`COPY \. \.` \(line 8\) comes before `RUN npm ci` \(line 9\)/);

    freshRunner();
    fs.writeFileSync(path.join(workspace, 'src/index.js'), 'console.log("changed");\n');
    const changed = await runAction({ workspace, runnerTemp, inputs, sha: '4'.repeat(40) });
    expect(changed.code, changed.stdout).toBe(0);
    expect(summarySteps(changed.summary).find((step) => step.name === 'RUN npm ci')?.status).toBe('run');
    const advice = notices(changed.stdout)[0]!;
    expect(advice).toMatch(/re-ran in \d+\.\d s because `COPY \. \.` at line 8 changed \(src\/index\.js\)/);
    expect(changed.summary).toContain('### Layer-order advice');
    expect(changed.summary).toContain('`Dockerfile:8`');
  });

  it('a failing RUN is an error annotation at its Dockerfile line with the step output', async () => {
    const { workspace, runnerTemp, inputs } = setup('hello');
    fs.appendFileSync(path.join(workspace, 'Dockerfile'), 'RUN echo "compiling…" && echo "error: missing semicolon" >&2 && exit 3\n');
    const failed = await runAction({ workspace, runnerTemp, inputs, sha: '5'.repeat(40) });
    expect(failed.code).not.toBe(0);
    const errors = failed.stdout.split('\n').filter((line) => line.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^::error file=Dockerfile,line=13::/);
    expect(errors[0]).toContain('error: missing semicolon');
    expect(failed.stdout).not.toMatch(/^\s+at /m);
  });
});
