// A 100,000-file context with a 10,000-line .dockerignore hashes in bounded memory:
// the CLI's `context hash` (the same code the action runs) on a generated tree, its
// peak RSS measured by /usr/bin/time. The bound is generous (the point is that memory
// does not grow with file count or size without limit); the measured peak is logged.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeBinary, repoRoot } from './helpers.ts';

const FILES = 100_000;
const IGNORE_LINES = 10_000;
const PEAK_RSS_BOUND_MB = 768;

describe.skipIf(!fs.existsSync('/usr/bin/time'))('a large context', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-scale-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it(`${FILES} files and a ${IGNORE_LINES}-line .dockerignore: hashed, in bounded memory`, () => {
    for (let d = 0; d < 500; d++) {
      const dir = path.join(root, `pkg-${d}`, 'src');
      fs.mkdirSync(dir, { recursive: true });
      for (let f = 0; f < FILES / 500; f++) fs.writeFileSync(path.join(dir, `file-${f}.${f % 10 === 0 ? 'tmp' : 'ts'}`), `export const v${d}_${f} = ${d * f};\n`);
    }
    // Patterns of every kind: literal paths, globs, `**`, exceptions; most match nothing.
    const lines: string[] = ['# generated'];
    for (let i = 0; lines.length < IGNORE_LINES; i++) {
      const kind = i % 5;
      if (kind === 0) lines.push(`pkg-${i % 500}/src/file-${i % 200}.tmp`);
      else if (kind === 1) lines.push(`**/generated-${i}/**`);
      else if (kind === 2) lines.push(`pkg-${i % 500}/build-${i}`);
      else if (kind === 3) lines.push(`!pkg-${i % 500}/src/file-${(i + 7) % 200}.tmp`);
      else lines.push(`docs/**/*.draft-${i}`);
    }
    fs.writeFileSync(path.join(root, '.dockerignore'), `${lines.join('\n')}\n`);
    fs.writeFileSync(path.join(root, 'Dockerfile'), 'FROM scratch\nCOPY . /\n');

    const run = spawnSync('/usr/bin/time', ['-f', 'peak-rss-kb=%M', nodeBinary(), path.join(repoRoot, 'dist/cli.cjs'), 'context', 'hash', root], { encoding: 'utf8', timeout: 600_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toMatch(/^sha256:[0-9a-f]{64}$/);
    const peakMb = Number(/peak-rss-kb=(\d+)/.exec(run.stderr)![1]) / 1024;
    console.log(`context hash of ${FILES} files, ${IGNORE_LINES} ignore lines: peak RSS ${peakMb.toFixed(0)} MB`);
    expect(peakMb).toBeLessThan(PEAK_RSS_BOUND_MB);
  });
});
