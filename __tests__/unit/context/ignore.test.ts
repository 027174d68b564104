import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseIgnoreFile, compileIgnorePatterns, readIgnoreLines } from '../../../src/context/ignore.ts';
import { cleanPath } from '../../../src/context/go-syntax.ts';
import { contextLs } from '../../../src/cli/context-command.ts';
import { UserError } from '../../../src/common/errors.ts';
import { IGNORE_CASES, BAD_IGNORE_FILES } from './ignore-cases.ts';

let work = '';
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-ignore-'));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** A context holding `files` and the ignore text; the Dockerfile lives outside it. */
function makeContext(files: string[], ignore: string): { context: string; dockerfile: string } {
  const dir = fs.mkdtempSync(path.join(work, 'case-'));
  const context = path.join(dir, 'ctx');
  fs.mkdirSync(context);
  for (const f of files) {
    const abs = path.join(context, f);
    if (f.endsWith('/')) {
      fs.mkdirSync(abs, { recursive: true });
    } else {
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, f);
    }
  }
  fs.writeFileSync(path.join(context, '.dockerignore'), ignore);
  const dockerfile = path.join(dir, 'Dockerfile');
  fs.writeFileSync(dockerfile, 'FROM scratch\nCOPY . /\n');
  return { context, dockerfile };
}

describe('.dockerignore rules (table checked against BuildKit by the e2e test)', () => {
  it.each(IGNORE_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { context, dockerfile } = makeContext(c.files, c.ignore);
    const out = await contextLs(context, { file: dockerfile });
    expect(out.split('\n').filter(Boolean)).toEqual(c.sent);
  });
});

describe('bad patterns are a UserError at file:line', () => {
  it.each(BAD_IGNORE_FILES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    let error: unknown;
    try {
      parseIgnoreFile(c.ignore, 'ctx/.dockerignore');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    const u = error as UserError;
    expect(u.file).toBe('ctx/.dockerignore');
    expect(u.line).toBe(c.line);
    expect(u.message).toContain(`ctx/.dockerignore:${c.line}`);
  });

  it('rejects what Go regexp would reject (bad range, unknown escape)', () => {
    expect(() => parseIgnoreFile('[z-a]\n', 'f')).toThrow(UserError);
    expect(() => parseIgnoreFile('a\\y\n', 'f')).toThrow(/invalid escape/);
  });

  it('names the ignore file of a build in the error', async () => {
    const { context, dockerfile } = makeContext(['a'], 'ok\n!\n');
    await expect(contextLs(context, { file: dockerfile })).rejects.toThrow(/\.dockerignore:2/);
  });
});

describe('matcher', () => {
  const m = (lines: string[]) => compileIgnorePatterns(lines);

  it.each([
    ['a', 'a', true],
    ['a', 'a/b/c', true],
    ['a/b', 'a', false],
    ['*', 'x/y', true],
    ['*/b', 'a/b', true],
    ['*/b', 'a/c/b', false],
    ['**/b', 'b', true],
    ['**/b', 'a/c/b', true],
    ['**', 'anything/at/all', true],
    ['a/**', 'a', false],
    ['a/**', 'a/b', true],
    ['!', 'x', null],
  ] as const)('%s on %s → %s', (pattern, p, expected) => {
    if (expected === null) {
      expect(() => m([pattern])).toThrow(UserError);
      return;
    }
    expect(m([pattern]).excludes(p)).toBe(expected);
  });

  it('skips an excluded directory only when no exception can reach below it', () => {
    expect(m(['node_modules']).canSkipExcludedDir('node_modules')).toBe(true);
    expect(m(['node_modules', '!keep']).canSkipExcludedDir('node_modules')).toBe(true);
    expect(m(['node_modules', '!node_modules/x/y']).canSkipExcludedDir('node_modules')).toBe(false);
    expect(m(['node_modules', '!node_modules/x/y']).canSkipExcludedDir('node_modules/z')).toBe(true);
    expect(m(['a', '!a/*.txt']).canSkipExcludedDir('a')).toBe(false);
    expect(m(['a', '!a/*.txt']).canSkipExcludedDir('a/sub')).toBe(true);
    expect(m(['a', '!b/*.txt']).canSkipExcludedDir('a')).toBe(true);
    expect(m(['a', '!*/x']).canSkipExcludedDir('a')).toBe(false);
    expect(m(['a', '!*/x']).canSkipExcludedDir('a/b')).toBe(true);
    expect(m(['a', '!**/x']).canSkipExcludedDir('a/b/c')).toBe(false);
    expect(m(['a', '!a**']).canSkipExcludedDir('a')).toBe(false);
    expect(m(['a', '!**x']).canSkipExcludedDir('a')).toBe(false);
    expect(m(['a', '![ab]/x']).canSkipExcludedDir('a')).toBe(false); // classes: assume it may
  });

  it('reads lines like Docker: BOM, CRLF, comments in column 1, "! x"', () => {
    expect(readIgnoreLines('\uFEFF# c\r\n  a/  \r\n! ./b\n #x\n').map((l) => [l.text, l.line])).toEqual([
      ['a', 2],
      ['!b', 3],
      ['#x', 4],
    ]);
  });

  it('cleans like Go path.Clean', () => {
    expect(cleanPath('')).toBe('.');
    expect(cleanPath('./a//b/../c/')).toBe('a/c');
    expect(cleanPath('/../a')).toBe('/a');
    expect(cleanPath('../../a')).toBe('../../a');
    expect(cleanPath('a/..')).toBe('.');
  });
});
