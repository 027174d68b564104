// Why a build re-ran, from the steps and the changed files: the blame goes to the files the
// first re-run step copies, churn such as .git/ is one item, and files no step copies are
// named apart.
import { describe, expect, it } from 'vitest';
import type { BuildStep } from '../../src/buildx/build-command.ts';
import { describeFiles } from '../../src/report/changed-files.ts';
import { contextCopy, filesCopiedBy } from '../../src/report/context-copies.ts';
import { parseDockerfile } from '../../src/buildx/dockerfile.ts';
import { readAndUnread, rebuildSentence } from '../../src/report/rebuild-reason.ts';
import { stepTable } from '../../src/report/step-rows.ts';

const DOCKERFILE = 'FROM busybox\nWORKDIR /app\nCOPY deps.txt ./\nRUN make deps\nCOPY src/ ./src/\nCOPY conf/*.ini ./conf/\nRUN make\n';
const model = parseDockerfile(Buffer.from(DOCKERFILE), [], 'Dockerfile');
const step = (name: string, cached: boolean, seconds = 0.5): BuildStep => ({ name, cached, seconds, output: [] });
const GIT = ['.git/COMMIT_EDITMSG', '.git/index', '.git/logs/HEAD', '.git/objects/4e/3e1c', '.git/objects/5f/8606', '.git/refs/heads/main'];

describe('which changed files a COPY takes in', () => {
  const copyAt = (line: number) => contextCopy(model.instructions.find((i) => i.line === line)!)!;

  it('a folder, a file and a wildcard', () => {
    const changed = ['src/a.js', 'src2/b.js', 'deps.txt', 'conf/app.ini', 'conf/sub/x.ini', ...GIT];
    expect(filesCopiedBy(copyAt(5), changed)).toEqual(['src/a.js']);
    expect(filesCopiedBy(copyAt(3), changed)).toEqual(['deps.txt']);
    expect(filesCopiedBy(copyAt(6), changed)).toEqual(['conf/app.ini']);
    expect(readAndUnread(model, changed).unread).toEqual(['src2/b.js', 'conf/sub/x.ini', ...GIT]);
  });
});

describe('a short list of changed files', () => {
  it('names files first and folds churn into one item per folder', () => {
    expect(describeFiles([...GIT.slice(0, 3), 'src/f7.js'])).toBe('`src/f7.js` and `.git/` (3 files)');
    expect(describeFiles(['a', 'b', 'c', 'd', 'e'])).toBe('`a`, `b`, `c` and 2 more');
    expect(describeFiles(['docs/a.md', 'docs/b.md', 'README.md'], { byFolder: true })).toBe('`README.md` and `docs/` (2 files)');
  });
});

describe('the sentence of why it rebuilt', () => {
  // The Dockerfile's seven steps as BuildKit names them; the first four cached.
  const steps = model.instructions.map((i, index) => step(`[${index + 1}/7] ${i.keyword} ${i.args}`, index < 4, i.keyword === 'RUN' ? 2.3 : 0.1));
  const table = stepTable(steps, model);

  it('blames the changed source file the first re-run step copies, not .git', () => {
    const changes = { added: [], removed: [], changed: [...GIT, 'src/f7.js'], dockerfileChanged: false };
    const sentence = rebuildSentence({ built: true, cacheHit: 'partial', changes, dockerfile: model }, table);
    expect(sentence).toBe(
      '**Why it rebuilt:** `src/f7.js` changed, and `COPY src/ ./src/` (line 5) copies it: it and 2 steps after it re-ran, 2.5\u00a0s. ' +
        'Changed, but copied by no step: `.git/` (6 files).',
    );
  });

  it('says a cold build is one, and that nothing re-ran when only uncopied files changed', () => {
    expect(rebuildSentence({ built: true, cacheHit: 'miss', dockerfile: model }, table)).toMatch(/^\*\*Why it built everything:\*\* a cold build/);
    const cached = stepTable(steps.map((s) => ({ ...s, cached: true })), model);
    const changes = { added: [], removed: [], changed: GIT, dockerfileChanged: false };
    expect(rebuildSentence({ built: true, cacheHit: 'partial', changes, dockerfile: model }, cached)).toBe(
      '**Nothing re-ran:** every step came from the cache. Changed, but copied by no step: `.git/` (6 files).',
    );
    expect(rebuildSentence({ built: false, cacheHit: 'miss', dockerfile: model }, table)).toBeUndefined();
  });

  it('names a changed Dockerfile when the first re-run step copies no changed file', () => {
    const changes = { added: [], removed: [], changed: [], dockerfileChanged: true };
    const runs = stepTable(steps.map((s, i) => ({ ...s, cached: i < 6 })), model);
    expect(rebuildSentence({ built: true, cacheHit: 'partial', changes, dockerfile: model }, runs)).toMatch(/the Dockerfile changed, and `RUN make` \(line 7\) is the first step that differs: it re-ran, 2\.3\u00a0s\.$/);
  });
});
