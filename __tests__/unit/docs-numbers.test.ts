// Numbers and lists the docs quote from elsewhere (the last benchmark run, .ci/run, the
// suite) stay what their source says.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

describe('numbers quoted in docs/', () => {
  const benchmarks = read('docs/benchmarks.md');
  // The goals table of the newest run comes first.
  const coldSaveRequests = /\| scale app, cache requests on a cold save \| ≤ \d+ \| (\d+) \|/.exec(benchmarks)?.[1];

  it("the scale app's cold-save requests in the prose are the last run's", () => {
    expect(coldSaveRequests).toMatch(/^\d+$/);
    const quoted = [...benchmarks.matchAll(/\((\d+) for the scale app's \d+ layers/g), ...benchmarks.matchAll(/with (\d+) cache requests on the scale app's cold save/g)].map((m) => m[1]);
    expect(quoted.length).toBeGreaterThan(0);
    for (const value of quoted) expect(value).toBe(coldSaveRequests);
  });

  it("the stock runner's end-to-end files in docs/engines.md are those .ci/run runs on 28-classic, and exist", () => {
    const ci = read('.ci/run');
    const line = ci.split('\n').find((l) => l.includes('vitest run') && l.includes('stock-runner'))!;
    const inCi = [...line.matchAll(/__tests__\/e2e\/([\w-]+)\.test\.ts/g)].map((m) => m[1]!).sort();
    const engines = read('docs/engines.md');
    const listed = /the classic image store \(`28-classic`: ([^)]*)\)/.exec(engines.replace(/\n/g, ' '))?.[1];
    expect([...(listed ?? '').matchAll(/`([\w-]+)`/g)].map((m) => m[1]!).sort()).toEqual(inCi);
    for (const name of inCi) expect(fs.existsSync(path.join(root, '__tests__/e2e', `${name}.test.ts`)), name).toBe(true);
  });
});
