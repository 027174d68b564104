// What a person reads after a build: the job summary and the annotations, from real runs of
// the eight kinds a developer meets (cold, no-change rerun, one-file change, release retag;
// a badly ordered Dockerfile cold and changed; two platforms cold and changed). Each summary
// is kept as a file snapshot with its volatile parts (digests, times, sizes, random names)
// normalised; IMAGE_BUILD_SUMMARY_DIR=dir also writes them as they are, for
// scripts/render-summaries.mjs to render.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleWorkspace, freshRunner, runAction, runnerTempDir, stack, summarySteps, tableCells, uniqueName, type ActionRun } from './helpers.ts';

/** No table cell holds more characters than this: GitHub scrolls a wide table sideways, out of sight. */
const MAX_CELL = 60;

function setup(example: string, extra: Record<string, string> = {}) {
  const workspace = exampleWorkspace(example);
  // A dependency of this run's own: the engine is shared, and another build of the same example
  // must not turn this "cold" build's steps into cache hits.
  fs.appendFileSync(path.join(workspace, 'deps.txt'), `${uniqueName('run')}\n`);
  return {
    workspace,
    runnerTemp: runnerTempDir(),
    inputs: {
      images: `${stack.IMAGE_BUILD_REGISTRY}/${uniqueName(`e2e/${example}`)}`,
      'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`,
      'cache-key-prefix': uniqueName('summary'),
      ...extra,
    },
  };
}

const notices = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('::notice'));

/** The summary with what differs between two runs of the same thing replaced by placeholders. */
function normalised(summary: string): string {
  return summary
    .split('\n')
    // A base image is pulled, or found in the engine already when another build on it was at work.
    .map((line) => (/^\| \d+ \| `FROM /.test(line) ? line.replace(/\| (pulled \| [^|]*|cached \| —|pulled [^|]*|cached) (?=\|)/g, (cells) => (cells.includes(' | ') ? '| <base> | <time> ' : '| <base> ')) : line))
    .join('\n')
    .replace(/127\.0\.0\.1:\d+/g, '<registry>')
    .replace(/sha256:[0-9a-f]{12,64}/g, 'sha256:<digest>')
    .replace(/\b[0-9a-f]{40}\b/g, '<commit>')
    .replace(/\.git\/objects\/[0-9a-f]{2}\/[0-9a-f]{38}/g, '.git/objects/<object>')
    .replace(/(commit `|sha-)[0-9a-f]{7}\b/g, '$1<commit>')
    .replace(/([-_])[0-9a-f]{8}\b/g, '$1<random>')
    .replace(/-[0-9a-f]{16}\b/g, '-<hash>')
    .replace(/(\d+[ \u00a0]min )?\d+(\.\d)?[ \u00a0]s\b/g, '<time>')
    .replace(/\d+(\.\d)?[ \u00a0](B|KiB|MiB|GiB)\b/g, '<size>')
    // Two platforms' sizes of one step are shown once when equal; a layer's compressed size may
    // differ by a few bytes between platforms from one run to the next.
    .replace(/<size> \/ <size>/g, '<size>')
    // What git keeps under .git/ (hooks, logs, packed objects) is git's to vary: counted, not pinned.
    .replace(/covers the \d+ files Docker sends/g, 'covers the <n> files Docker sends')
    .replace(/`\.git\/` \(\d+ files?\)/g, '`.git/` (<n> files)')
    .replace(/\d+ (requests?|blobs?)\b/g, '<n> $1')
    .replace(/\d+ already stored, \d+ uploaded, \d+ downloaded/g, '<n> already stored, <n> uploaded, <n> downloaded')
    .replace(/(image-build-)[0-9a-f]+/g, '$1<builder>');
}

async function keep(name: string, run: ActionRun): Promise<void> {
  expect(run.code, run.stdout).toBe(0);
  const dir = process.env.IMAGE_BUILD_SUMMARY_DIR;
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}.md`), run.summary);
  }
  for (const row of run.summary.split('\n').filter((line) => line.startsWith('|'))) {
    for (const cell of tableCells(row)) expect(cell.length, `${name}: a cell of\n${row}`).toBeLessThanOrEqual(MAX_CELL);
  }
  await expect(normalised(run.summary)).toMatchFileSnapshot(`__snapshots__/summary/${name}.md`);
}

const heading = (summary: string) => summary.split('\n')[0]!;
const why = (summary: string) => summary.split('\n').find((line) => line.startsWith('**Why')) ?? '';

/** A checkout: the workspace as a git repository, with one commit. */
function gitCheckout(workspace: string): (message: string) => string {
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', '-c', 'commit.gpgsign=false', ...args], {
      cwd: workspace,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_DATE: '2026-11-01T12:00:00Z', GIT_COMMITTER_DATE: '2026-11-01T12:00:00Z' },
    }).trim();
  git('init', '-q', '-b', 'main');
  return (message) => {
    git('add', '-A');
    git('commit', '-q', '-m', message);
    return git('rev-parse', 'HEAD');
  };
}

describe('job summary and annotations', () => {
  it('cold, rerun, one-file change and release of a checkout whose .dockerignore leaves .git in', async () => {
    const { workspace, runnerTemp, inputs } = setup('hello');
    fs.writeFileSync(path.join(workspace, '.dockerignore'), 'node_modules\n');
    const commit = gitCheckout(workspace);
    const first = commit('first');
    freshRunner();
    const cold = await runAction({ workspace, runnerTemp, inputs, sha: first });
    await keep('1-cold', cold);
    expect(heading(cold.summary)).toMatch(/^## ✅ pushed `main`, `sha-[0-9a-f]{7}` · cache miss: 0 of 5 steps cached · [\d.]+\u00a0s$/);
    expect(cold.summary.split('\n')[2]).toBe(`\`${inputs.images}\` · digest \`${cold.outputs.digest!.slice(0, 19)}\` · commit \`${first.slice(0, 7)}\``);
    expect(why(cold.summary)).toMatch(/^\*\*Why it built everything:\*\* a cold build: no cache entry for this Dockerfile yet; 5 steps ran, /);
    // The same first lines in the step log: a folded group whose title is the verdict.
    expect(cold.stdout).toMatch(/^::group::✅ pushed main, sha-[0-9a-f]{7} · cache miss: 0 of 5 steps cached · .*\n.* · digest sha256:[0-9a-f]{12} · commit [0-9a-f]{7}\nWhy it built everything: a cold build/m);
    expect(summarySteps(cold.summary).slice(1).map((step) => [step.line, step.status])).toEqual([[5, 'run'], [8, 'run'], [9, 'run'], [10, 'run'], [11, 'run']]);
    expect(cold.summary).toMatch(/\| 9 \| `RUN mkdir -p \/deps[^|]*` \| run \| [\d.]+\u00a0s \| \d+\u00a0KiB \|/);
    // The .dockerignore that leaves .git in draws the advice, with the lines to add.
    expect(cold.summary).toContain('.dockerignore leaves `.git` in the context');
    expect(cold.summary).toContain('  +.git');

    freshRunner();
    const rerun = await runAction({ workspace, runnerTemp, inputs, sha: first });
    await keep('2-rerun', rerun);
    expect(rerun.outputs.built).toBe('false');
    expect(heading(rerun.summary)).toMatch(/^## ✅ `main`, `sha-[0-9a-f]{7}` unchanged · no build: reused sha256:[0-9a-f]{12} · /);
    expect(rerun.summary).not.toMatch(/built=|got the new tags/);

    // One source file changes and is committed: .git changes with it, but no step copies .git.
    fs.writeFileSync(path.join(workspace, 'src/world.txt'), 'A changed line.\n');
    const second = commit('change the world');
    freshRunner();
    const changed = await runAction({ workspace, runnerTemp, inputs, sha: second });
    await keep('3-one-file-change', changed);
    expect(heading(changed.summary)).toMatch(/· partial hit: 3 of 5 steps cached · /);
    expect(why(changed.summary)).toMatch(
      /^\*\*Why it rebuilt:\*\* `src\/world\.txt` changed, and `COPY src\/ \.\/src\/` \(line 10\) copies it: it and 1 step after it re-ran, [\d.]+\u00a0s\. Changed, but copied by no step: `\.git\/` \(\d+ files\)\.$/,
    );
    expect(changed.summary).toMatch(/\| 10 \| `COPY src\/ \.\/src\/` \| run ¹ \|/);
    expect(changed.summary).toContain('¹ The first step to re-run: it copies `src/world.txt`, changed since the cache entry.');
    expect(summarySteps(changed.summary).find((step) => step.line === 9)?.status).toBe('cached');

    // The release tag on that commit: the image is reused, and the new tags are told from the old.
    const release = await runAction({ workspace, runnerTemp, inputs, sha: second, ref: 'refs/tags/v1.0.0' });
    await keep('4-release-retag', release);
    expect(release.outputs.built).toBe('false');
    expect(heading(release.summary)).toMatch(/^## ✅ tagged `1\.0\.0`, `1\.0`, `1`, `sha-[0-9a-f]{7}`, `latest` · no build: reused sha256:[0-9a-f]{12} · /);
  });

  it('a badly ordered Dockerfile: the advice names the files the context has, with the fix as a diff', async () => {
    const { workspace, runnerTemp, inputs } = setup('badly-ordered', { 'skip-unchanged': 'false' });
    freshRunner();
    const cold = await runAction({ workspace, runnerTemp, inputs, sha: '3'.repeat(40) });
    await keep('5-badly-ordered-cold', cold);
    expect(notices(cold.stdout)).toHaveLength(1);
    expect(notices(cold.stdout)[0]).toMatch(/^::notice title=Layer order,file=Dockerfile,line=8::`COPY \. \.` comes before `RUN npm ci` \(line 9\), so any source change re-runs the install: copy package\.json first/);
    // The context has no lock file: the fix copies what is there.
    expect(cold.summary).toContain(['  ```diff', '  -COPY . .', '  +COPY package.json ./', '   RUN npm ci', '  +COPY . .', '  ```'].join('\n'));

    freshRunner();
    fs.writeFileSync(path.join(workspace, 'src/index.js'), 'console.log("changed");\n');
    const changed = await runAction({ workspace, runnerTemp, inputs, sha: '4'.repeat(40) });
    await keep('6-badly-ordered-change', changed);
    expect(summarySteps(changed.summary).find((step) => step.name === 'RUN npm ci')?.status).toBe('run');
    expect(why(changed.summary)).toMatch(/^\*\*Why it rebuilt:\*\* `src\/index\.js` changed, and `COPY \. \.` \(line 8\) copies it: it and 2 steps after it re-ran/);
    expect(notices(changed.stdout)[0]).toMatch(/re-ran in \d+\.\d s because `COPY \. \.` changed \(`src\/index\.js`\)/);
    // The line is said once: the bullet's own, not again in the message.
    const bullet = changed.summary.split('\n').find((line) => line.startsWith('- `Dockerfile:8`'))!;
    expect(bullet.match(/line 8/g)).toBeNull();
  });

  const qemu = fs.existsSync('/proc/sys/fs/binfmt_misc/qemu-aarch64');
  it.skipIf(!qemu || !stack.IMAGE_BUILD_MULTI_BASE_IMAGE)('two platforms: one row per step, a column per platform, the index and its platforms named', async () => {
    const { workspace, runnerTemp, inputs } = setup('hello', { platforms: 'linux/amd64,linux/arm64', 'build-args': `BASE=${stack.IMAGE_BUILD_MULTI_BASE_IMAGE}` });
    freshRunner();
    const cold = await runAction({ workspace, runnerTemp, inputs, sha: '6'.repeat(40) });
    await keep('7-two-platforms-cold', cold);
    expect(cold.summary.split('\n')[2]).toMatch(/ · index `sha256:[0-9a-f]{12}` of linux\/amd64, linux\/arm64 · /);
    expect(cold.summary).toContain('| line | step | linux/amd64 | linux/arm64 | size |');
    expect(summarySteps(cold.summary).filter((step) => step.platform === 'linux/arm64').map((step) => step.line)).toEqual([4, 5, 8, 9, 10, 11]);
    expect(cold.summary.split('\n').filter((line) => /^\| \d+ \|/.test(line))).toHaveLength(6);

    freshRunner();
    fs.writeFileSync(path.join(workspace, 'src/world.txt'), 'A changed line.\n');
    const changed = await runAction({ workspace, runnerTemp, inputs, sha: '7'.repeat(40) });
    await keep('8-two-platforms-change', changed);
    expect(why(changed.summary)).toMatch(/`src\/world\.txt` changed, and `COPY src\/ \.\/src\/` \(line 10\) copies it: it and 1 step after it re-ran, [\d.]+\u00a0s on linux\/amd64 and [\d.]+\u00a0s on linux\/arm64\./);
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
