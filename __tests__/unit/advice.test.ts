import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { adviseDockerfile, adviseFile, renderAdviceMarkdown } from '../../src/report/advice.ts';
import type { BuildStep } from '../../src/buildx/build-command.ts';
import { parseDockerfile, readDockerfile } from '../../src/buildx/dockerfile.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/dockerfiles');
const fixture = (name: string) => readDockerfile(path.join(fixtures, `${name}.Dockerfile`), [], `${name}.Dockerfile`);
const rulesAndLines = (name: string) => adviseDockerfile(fixture(name)).map((a) => [a.rule, a.line]);

describe('well-ordered Dockerfiles get no advice', () => {
  it.each(['good-node', 'good-python', 'good-go', 'good-multistage', 'good-rust', 'good-tools'])('%s', (name) => {
    expect(adviseDockerfile(fixture(name))).toEqual([]);
  });

  it("the repo's examples/hello/Dockerfile", () => {
    const model = readDockerfile(path.resolve(import.meta.dirname, '../../examples/hello/Dockerfile'));
    expect(adviseDockerfile(model)).toEqual([]);
  });
});

describe('badly ordered Dockerfiles get exactly the expected advice', () => {
  it.each<[string, [string, number][]]>([
    ['bad-node-copy-all', [['copy-before-install', 3]]],
    ['bad-python', [['copy-before-install', 3]]],
    ['bad-go', [['copy-before-install', 3]]],
    ['bad-java', [['add-instead-of-copy', 3], ['copy-before-install', 3]]],
    ['bad-multistage', [['copy-before-install', 10]]],
    ['bad-apt-split', [['apt-update-alone', 2]]],
    ['bad-apt-after-source', [['install-after-source-copy', 6]]],
    ['bad-tool-download', [['install-after-source-copy', 4], ['install-after-source-copy', 5]]],
    ['bad-add-local', [['add-instead-of-copy', 2], ['add-instead-of-copy', 3]]],
    ['bad-everything', [['copy-before-install', 2], ['apt-update-alone', 3], ['install-after-source-copy', 4]]],
  ])('%s', (name, expected) => {
    expect(rulesAndLines(name)).toEqual(expected);
  });

  it('says what to do, naming the other line once and the manifests, with the fix as a diff', () => {
    const [advice] = adviseDockerfile(fixture('bad-node-copy-all'));
    expect(advice).toMatchObject({ file: 'bad-node-copy-all.Dockerfile', line: 3 });
    expect(advice!.message).toBe(
      '`COPY . .` comes before `RUN npm ci` (line 4), so any source change re-runs the install: ' +
        'copy package.json and package-lock.json first, run the install, then `COPY . .`.',
    );
    expect(advice!.snippet).toEqual(['-COPY . .', '+COPY package.json package-lock.json ./', ' RUN npm ci', '+COPY . .']);
    expect(adviseDockerfile(fixture('bad-go'))[0]!.message).toContain('copy go.mod and go.sum first');
    expect(adviseDockerfile(fixture('bad-apt-after-source'))[0]!.message).toContain('move it before line 5');
    expect(adviseDockerfile(fixture('bad-apt-split'))[0]!.message).toContain('apt-get update && apt-get install');
  });

  it('names the manifests the context really has', () => {
    const withLock = adviseDockerfile(fixture('bad-node-copy-all'), { contextFiles: ['package.json', 'package-lock.json', 'src/app.ts'] })[0]!;
    expect(withLock.message).toContain('copy package.json and package-lock.json first');
    const noLock = adviseDockerfile(fixture('bad-node-copy-all'), { contextFiles: ['package.json', 'src/app.ts'] })[0]!;
    expect(noLock.message).toContain('copy package.json first');
    expect(noLock.snippet).toEqual(['-COPY . .', '+COPY package.json ./', ' RUN npm ci', '+COPY . .']);
    const shrinkwrap = adviseDockerfile(fixture('bad-node-copy-all'), { contextFiles: ['package.json', 'npm-shrinkwrap.json'] })[0]!;
    expect(shrinkwrap.message).toContain('copy package.json and npm-shrinkwrap.json first');
  });

  it('shows a move as the lines before and after', () => {
    const [advice] = adviseDockerfile(fixture('bad-apt-after-source'));
    expect(advice!.snippet![0]).toMatch(/^\+RUN apt-get update/);
    expect(advice!.snippet![1]).toMatch(/^ COPY /);
    expect(advice!.snippet![2]).toMatch(/^-RUN apt-get update/);
  });
});

describe('missing .dockerignore', () => {
  const model = () => fixture('bad-node-copy-all');
  const dockerignore = (facts: Parameters<typeof adviseDockerfile>[1]) =>
    adviseDockerfile(model(), facts).filter((a) => a.rule === 'missing-dockerignore');

  it('advises one when the context holds .git or node_modules', () => {
    const [advice] = dockerignore({ contextFiles: ['.git/HEAD', 'node_modules/x/index.js', 'src/app.ts'] });
    expect(advice).toMatchObject({ line: 3 });
    expect(advice!.message).toContain('Add a .dockerignore listing `.git` and `node_modules`');
    expect(dockerignore({ contextFiles: ['web/node_modules/x/index.js'] })[0]!.message).toContain('`node_modules`');
  });

  it('points at the first FROM when nothing copies the whole context', () => {
    expect(adviseDockerfile(fixture('good-tools'), { contextFiles: ['.git/HEAD'] }).map((a) => [a.rule, a.line])).toEqual([['missing-dockerignore', 1]]);
  });

  it('speaks when the .dockerignore in use leaves .git in the context', () => {
    const [advice] = dockerignore({ contextFiles: ['.git/HEAD', 'src/app.ts'], ignoreFile: '.dockerignore' });
    expect(advice!.message).toMatch(/^\.dockerignore leaves `\.git` in the context: .* Add `\.git` to \.dockerignore\.$/);
    expect(advice!.snippet).toEqual(['+.git']);
  });

  it('says nothing when the context is clean', () => {
    expect(dockerignore({ contextFiles: ['src/app.ts', '.gitignore', '.github/workflows/ci.yml'] })).toEqual([]);
    expect(dockerignore({})).toEqual([]);
  });
});

describe('what a re-run cost, from the run\'s steps', () => {
  const step = (name: string, cached: boolean, seconds = 0.1): BuildStep => ({ name, cached, seconds, output: [] });
  const nodeSteps = (copyCached: boolean, installCached: boolean, fromCached = true) => [
    step('[1/5] FROM docker.io/library/node:20-slim@sha256:abc', fromCached),
    step('[2/5] WORKDIR /app', fromCached),
    step('[3/5] COPY . .', copyCached),
    step('[4/5] RUN npm ci', installCached, 42.1),
    step('[5/5] RUN npm run build', installCached, 3),
  ];

  it('names the seconds and the changed files when the COPY re-ran the install', () => {
    const [advice] = adviseDockerfile(fixture('bad-node-copy-all'), { steps: nodeSteps(false, false), changedFiles: ['src/app.ts'] });
    expect(advice!.message).toMatch(/ This run it re-ran in 42\.1 s because `COPY \. \.` changed \(`src\/app\.ts`\)\.$/);
  });

  it('lists at most three changed files', () => {
    const changedFiles = ['a.ts', 'b.ts', 'c.ts', 'd.ts', 'e.ts'];
    const [advice] = adviseDockerfile(fixture('bad-node-copy-all'), { steps: nodeSteps(false, false), changedFiles });
    expect(advice!.message).toContain('changed (`a.ts`, `b.ts`, `c.ts` and 2 more).');
  });

  it('blames the COPY without files when earlier steps were cached', () => {
    const [advice] = adviseDockerfile(fixture('bad-node-copy-all'), { steps: nodeSteps(false, false) });
    expect(advice!.message).toMatch(/re-ran in 42\.1 s because `COPY \. \.` changed\.$/);
  });

  it('adds nothing when the install was cached, or on a cold build', () => {
    const plain = adviseDockerfile(fixture('bad-node-copy-all'))[0]!.message;
    expect(adviseDockerfile(fixture('bad-node-copy-all'), { steps: nodeSteps(true, true) })[0]!.message).toBe(plain);
    expect(adviseDockerfile(fixture('bad-node-copy-all'), { steps: nodeSteps(false, false, false) })[0]!.message).toBe(plain);
    // A base image already on the runner is not a cache hit: the build is still a cold one.
    const baseOnRunner = nodeSteps(false, false, false).map((s, i) => (i === 0 ? { ...s, cached: true } : s));
    expect(adviseDockerfile(fixture('bad-node-copy-all'), { steps: baseOnRunner })[0]!.message).toBe(plain);
  });

  it('keeps only the changed files a narrower COPY takes in', () => {
    const steps = [
      step('[1/6] FROM docker.io/library/python:3.12-slim', true),
      step('[2/6] WORKDIR /app', true),
      step('[3/6] COPY requirements.txt .', true),
      step('[4/6] RUN pip install -r requirements.txt', true),
      step('[5/6] COPY src/ ./src/', false),
      step('[6/6] RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg && rm -rf /var/lib/apt/lists/*', false, 17.25),
    ];
    const [advice] = adviseDockerfile(fixture('bad-apt-after-source'), { steps, changedFiles: ['README.md', 'src/main.py'] });
    expect(advice!.message).toContain('re-ran in 17.3 s because `COPY src/ ./src/` changed (`src/main.py`).');
  });
});

describe('adviseFile', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const setup = (dockerfile: string, entries: string[] = []) => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'advice-'));
    fs.writeFileSync(path.join(dir, 'Dockerfile'), dockerfile);
    for (const entry of entries) {
      if (entry.endsWith('/')) fs.mkdirSync(path.join(dir, entry));
      else fs.writeFileSync(path.join(dir, entry), '');
    }
    return path.join(dir, 'Dockerfile');
  };
  const copyAll = fs.readFileSync(path.join(fixtures, 'bad-node-copy-all.Dockerfile'));

  const rules = async (file: string) => (await adviseFile(file)).map((a) => [a.rule, a.line]);

  it('takes the Dockerfile folder as the context, its .dockerignore applied', async () => {
    expect(await rules(setup(copyAll.toString(), ['.git/', '.git/HEAD', 'node_modules/', 'node_modules/x.js']))).toEqual([
      ['copy-before-install', 3],
      ['missing-dockerignore', 3],
    ]);
    const ignored = (name: string) => {
      const file = setup(copyAll.toString(), ['.git/', '.git/HEAD', 'package.json']);
      fs.writeFileSync(path.join(dir, name), '.git\n');
      return file;
    };
    expect(await rules(ignored('.dockerignore'))).toEqual([['copy-before-install', 3]]);
    expect(await rules(ignored('Dockerfile.dockerignore'))).toEqual([['copy-before-install', 3]]);
    // The folder has package.json and no lock file: the advice copies what is there.
    expect((await adviseFile(ignored('.dockerignore')))[0]!.message).toContain('copy package.json first');
  });

  it('reads a FROM whose ARG has no default', async () => {
    expect(await adviseFile(setup('ARG BASE\nFROM $BASE\nRUN apt-get update\n'))).toMatchObject([{ rule: 'apt-update-alone', line: 3 }]);
  });

  it('fails with a user error on a missing file', async () => {
    await expect(adviseFile('/nonexistent/Dockerfile')).rejects.toThrow(/cannot read the Dockerfile/);
  });
});

describe('renderAdviceMarkdown', () => {
  it('is empty without advice', () => {
    expect(renderAdviceMarkdown([])).toBe('');
  });

  it('renders one bullet per advice under a heading, the line said once, the fix as a diff', () => {
    const markdown = renderAdviceMarkdown(adviseDockerfile(parseDockerfile(Buffer.from('FROM debian\nRUN apt-get update\n'), [], 'Dockerfile')));
    expect(markdown).toContain('### Layer-order advice');
    expect(markdown).toContain('- `Dockerfile:2` `RUN apt-get update` caches the package lists');
    expect(markdown).not.toContain('line 2');
    const copyAll = renderAdviceMarkdown(adviseDockerfile(fixture('bad-node-copy-all'), { contextFiles: ['package.json'] }));
    expect(copyAll).toContain(['  ```diff', '  -COPY . .', '  +COPY package.json ./', '   RUN npm ci', '  +COPY . .', '  ```'].join('\n'));
  });
});
