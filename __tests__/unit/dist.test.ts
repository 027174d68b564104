import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

describe('dist/', () => {
  it('equals a fresh build of src/', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-dist-'));
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), out], { cwd: root });
    for (const file of fs.readdirSync(out)) {
      const fresh = fs.readFileSync(path.join(out, file), 'utf8');
      const committed = fs.readFileSync(path.join(root, 'dist', file), 'utf8');
      expect(committed === fresh, `dist/${file} differs from a fresh build: run npm run build and commit dist/`).toBe(true);
    }
    expect(fs.readdirSync(path.join(root, 'dist')).sort()).toEqual(fs.readdirSync(out).sort());
  });

  it('runs on the Node version the action declares (node24)', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
    expect(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')).toMatch(/using: node24/);
  });
});
