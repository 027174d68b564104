// Differential test of the context set against the real BuildKit: for each
// tree (the ignore table of the unit tests, then generated trees with
// generated tricky ignore files), build `FROM scratch` + `COPY . /` with
// `--output type=local` and compare the exported tree with our manifest:
// paths, types, permission bits and symlink targets of every file, symlink,
// special file and directory.
//
// Needs the local stack (`bash scripts/stack.sh up`, which writes .stack/env).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readContextManifest } from '../../src/context/manifest.ts';
import type { ContextManifest } from '../../src/context/manifest.ts';
import { contextLs } from '../../src/cli/context-command.ts';
import { parseIgnoreFile } from '../../src/context/ignore.ts';
import { IGNORE_CASES, BAD_IGNORE_FILES } from '../unit/context/ignore-cases.ts';
import { mapLimit } from '../../src/cache/delta-io.ts';
import { mulberry32 } from '../../scripts/seeded-random.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const STACK_ENV = path.join(ROOT, '.stack/env');

/** Parse `export KEY='v'` / `KEY=v` lines, expanding $VAR and ${VAR}. */
function readStackEnv(file: string): Record<string, string> {
  const env: Record<string, string> = {};
  const lookup = (name: string): string => env[name] ?? process.env[name] ?? '';
  for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim().replace(/^export\s+/, '');
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!m || line.startsWith('#')) continue;
    let value = '';
    const s = m[2]!;
    for (let i = 0; i < s.length; ) {
      const c = s[i]!;
      if (c === "'") {
        const end = s.indexOf("'", i + 1);
        value += s.slice(i + 1, end < 0 ? s.length : end);
        i = end < 0 ? s.length : end + 1;
      } else if (c === '"') {
        let j = i + 1;
        while (j < s.length && s[j] !== '"') {
          if (s[j] === '\\' && j + 1 < s.length) {
            value += s[j + 1];
            j += 2;
          } else if (s[j] === '$') {
            const v = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(s.slice(j));
            if (v) {
              value += lookup(v[1] ?? v[2]!);
              j += v[0].length;
            } else {
              value += '$';
              j++;
            }
          } else {
            value += s[j++];
          }
        }
        i = j + 1;
      } else if (c === '$') {
        const v = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(s.slice(i));
        if (v) {
          value += lookup(v[1] ?? v[2]!);
          i += v[0].length;
        } else {
          value += '$';
          i++;
        }
      } else if (c === ' ' || c === '\t' || c === '#') {
        break;
      } else {
        value += c;
        i++;
      }
    }
    env[m[1]!] = value;
  }
  return env;
}

const haveStack = fs.existsSync(STACK_ENV);
if (!haveStack && process.env.CI) {
  throw new Error(`${STACK_ENV} is missing: run \`bash scripts/stack.sh up\` first`);
}

let dockerEnv: NodeJS.ProcessEnv = process.env;
let work = '';

function docker(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('docker', args, { env: dockerEnv, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

// ---------------------------------------------------------------------------
// Trees

type Node =
  | { kind: 'file'; path: string; content: string; mode: number }
  | { kind: 'dir'; path: string; mode: number }
  | { kind: 'symlink'; path: string; target: string }
  | { kind: 'fifo'; path: string };

interface Tree {
  name: string;
  nodes: Node[];
  ignore?: string;
  /**
   * Put the Dockerfile outside the context, as `dockerfileName`; with
   * `specificIgnore`, the ignore file is `<dockerfileName>.dockerignore`
   * beside it, else `<context>/.dockerignore`.
   */
  outside?: { dockerfileName: string; specificIgnore: boolean };
}

function writeTree(dir: string, tree: Tree): { context: string; dockerfile: string } {
  const context = path.join(dir, 'ctx');
  fs.mkdirSync(context, { recursive: true });
  const modes: [string, number][] = [];
  for (const n of tree.nodes) {
    const abs = path.join(context, n.path);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    if (n.kind === 'file') {
      fs.writeFileSync(abs, n.content);
      modes.push([abs, n.mode]);
    } else if (n.kind === 'dir') {
      fs.mkdirSync(abs, { recursive: true });
      modes.push([abs, n.mode]);
    } else if (n.kind === 'symlink') {
      fs.symlinkSync(n.target, abs);
    } else {
      execFileSyncQuiet('mkfifo', [abs]);
    }
  }
  // Directory modes last, deepest first, so that writing inside still works.
  modes.sort((a, b) => b[0].length - a[0].length);
  for (const [abs, mode] of modes) fs.chmodSync(abs, mode);
  let dockerfile: string;
  if (tree.outside) {
    const fdir = path.join(dir, 'files');
    fs.mkdirSync(fdir, { recursive: true });
    dockerfile = path.join(fdir, tree.outside.dockerfileName);
    if (tree.ignore !== undefined) {
      const at = tree.outside.specificIgnore ? dockerfile + '.dockerignore' : path.join(context, '.dockerignore');
      fs.writeFileSync(at, tree.ignore);
    }
  } else {
    dockerfile = path.join(context, 'Dockerfile');
    if (tree.ignore !== undefined) fs.writeFileSync(path.join(context, '.dockerignore'), tree.ignore);
  }
  fs.writeFileSync(dockerfile, 'FROM scratch\nCOPY . /\n');
  return { context, dockerfile };
}

function execFileSyncQuiet(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

interface Seen {
  type: string;
  mode: number;
  target?: string;
}

/** The exported tree: every entry below `dir`, not following symlinks. */
function readOutput(dir: string): Map<string, Seen> {
  const out = new Map<string, Seen>();
  const visit = (abs: string, rel: string): void => {
    for (const name of fs.readdirSync(abs)) {
      const a = path.join(abs, name);
      const r = rel ? `${rel}/${name}` : name;
      const st = fs.lstatSync(a);
      const mode = st.mode & 0o7777;
      if (st.isDirectory()) {
        out.set(r, { type: 'dir', mode });
        visit(a, r);
      } else if (st.isSymbolicLink()) {
        out.set(r, { type: 'symlink', mode: 0, target: fs.readlinkSync(a) });
      } else if (st.isFile()) {
        out.set(r, { type: 'file', mode });
      } else if (st.isFIFO()) {
        out.set(r, { type: 'fifo', mode });
      } else {
        out.set(r, { type: 'other', mode });
      }
    }
  };
  visit(dir, '');
  return out;
}

/** What our manifest says the export will hold. */
function expectedOutput(m: ContextManifest): Map<string, Seen> {
  const out = new Map<string, Seen>();
  for (const e of m.entries) {
    if (e.type === 'symlink') out.set(e.path, { type: 'symlink', mode: 0, target: e.target });
    else if (e.type === 'socket') out.set(e.path, { type: 'file', mode: e.mode });
    else if (e.type === 'device') out.set(e.path, { type: 'other', mode: e.mode });
    else out.set(e.path, { type: e.type, mode: e.mode });
  }
  return out;
}

function describeDiff(ours: Map<string, Seen>, theirs: Map<string, Seen>): string[] {
  const lines: string[] = [];
  for (const [p, e] of theirs) {
    const o = ours.get(p);
    if (!o) lines.push(`BuildKit sent, we did not: ${p} ${JSON.stringify(e)}`);
    else if (JSON.stringify(o) !== JSON.stringify(e)) lines.push(`differs: ${p} ours ${JSON.stringify(o)} BuildKit ${JSON.stringify(e)}`);
  }
  for (const [p, o] of ours) if (!theirs.has(p)) lines.push(`we sent, BuildKit did not: ${p} ${JSON.stringify(o)}`);
  return lines.sort();
}

async function buildAndCompare(tree: Tree): Promise<{ diff: string[]; manifest: ContextManifest; buildkit: Map<string, Seen> }> {
  const dir = fs.mkdtempSync(path.join(work, 'tree-'));
  const { context, dockerfile } = writeTree(dir, tree);
  const dest = path.join(dir, 'out');
  const r = await docker(['buildx', 'build', '--quiet', '--file', dockerfile, '--output', `type=local,dest=${dest}`, context]);
  if (r.code !== 0) throw new Error(`docker build of ${tree.name} failed:\n${r.stderr}`);
  const manifest = await readContextManifest(context, dockerfile);
  const buildkit = readOutput(dest);
  return { diff: describeDiff(expectedOutput(manifest), buildkit), manifest, buildkit };
}

// ---------------------------------------------------------------------------
// Generated trees

const NAMES = [
  'a', 'b', 'c', 'src', 'lib', 'node_modules', 'vendor', '.git', '.env', '.hidden', '.cache',
  'my file.txt', 'a b', ' lead', 'trail ', 'résumé.md', '日本語', 'emoji-🐳', 'Ünïcödé',
  'README.md', 'readme.md', 'x.log', 'y.log', 'tmp', 'build', 'dist', 'keep', 'main.go',
  'index.ts', 'test.spec.ts', 'Dockerfile', 'docs', 'notes.txt', '#hash', '!bang', '[br]',
  'q?', 'star*', 'back\\slash', 'a.b.c', 'data.json', 'secret.key', 'LICENSE', 'foo', 'foobar', 'barfoo',
];
const EXTS = ['md', 'txt', 'log', 'ts', 'go', 'json', 'key'];
const FILE_MODES = [0o644, 0o644, 0o644, 0o755, 0o600, 0o640, 0o4755, 0o444];
const DIR_MODES = [0o755, 0o755, 0o755, 0o700, 0o750, 0o1777];

function generateTree(seed: number): Tree {
  const rnd = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const nodes: Node[] = [];
  const files: string[] = [];
  const dirs: string[] = [];
  const grow = (prefix: string, depth: number): void => {
    const count = depth === 0 ? 6 + Math.floor(rnd() * 6) : 2 + Math.floor(rnd() * 5);
    const used = new Set<string>();
    for (let k = 0; k < count; k++) {
      let name = pick(NAMES);
      if (rnd() < 0.3) name = `${name.replace(/\..*$/, '')}.${pick(EXTS)}`;
      if (used.has(name) || (depth === 0 && name === 'Dockerfile')) continue;
      used.add(name);
      const p = prefix + name;
      const roll = rnd();
      if (roll < (depth < 2 ? 0.4 : 0.25) && depth < 4) {
        dirs.push(p);
        nodes.push({ kind: 'dir', path: p, mode: pick(DIR_MODES) });
        if (rnd() > 0.12) grow(p + '/', depth + 1); // else: an empty directory
      } else if (roll < 0.36) {
        const target = pick([
          ...files.slice(-3).map((f) => path.relative(path.dirname(p), f) || '.'),
          'nowhere',
          '../../outside',
          '/etc/passwd',
          '.',
          'dir with space/x',
        ]);
        nodes.push({ kind: 'symlink', path: p, target });
      } else if (roll < 0.4 && seed % 4 === 0) {
        nodes.push({ kind: 'fifo', path: p });
      } else {
        files.push(p);
        nodes.push({ kind: 'file', path: p, content: `${p}\n${seed}\n`.repeat(1 + Math.floor(rnd() * 3)), mode: pick(FILE_MODES) });
      }
    }
  };
  grow('', 0);
  const all = [...files, ...dirs];

  const globOf = (p: string): string => {
    const segs = p.split('/');
    const i = Math.floor(rnd() * segs.length);
    const seg = segs[i]!;
    const r = rnd();
    if (r < 0.2) segs[i] = '*';
    else if (r < 0.35 && seg.length > 1) segs[i] = seg.slice(0, 1) + '*';
    else if (r < 0.5 && seg.length > 1) segs[i] = '?' + seg.slice(1);
    else if (r < 0.6) segs[i] = `*.${pick(EXTS)}`;
    else if (r < 0.7 && /^[a-z]/.test(seg)) segs[i] = `[${seg[0]}-z]${seg.slice(1)}`;
    else if (r < 0.75 && /^[a-z]/.test(seg)) segs[i] = `[^${seg[0]}]${seg.slice(1)}`;
    return segs.map(escapeName).join('/');
  };
  // Glob characters in names must be escaped to be matched literally.
  const escapeName = (seg: string): string =>
    seg === '*' || /^\*\.|^\?|^\[|^.\*$/.test(seg) ? seg : seg.replace(/[\\*?[\]]/g, (c) => '\\' + c);
  const line = (): string => {
    const base = all.length > 0 ? pick(all) : pick(NAMES);
    const r = rnd();
    let pat: string;
    if (r < 0.25) pat = escapeName(base.split('/').pop()!).replace(/^/, '**/');
    else if (r < 0.4) pat = base.split('/').map(escapeName).join('/');
    else if (r < 0.55) pat = globOf(base);
    else if (r < 0.62) pat = base.split('/').map(escapeName).join('/') + '/**';
    else if (r < 0.68) pat = `**/*.${pick(EXTS)}`;
    else if (r < 0.7) pat = `.*`;
    else if (r < 0.76) pat = base.split('/')[0]!.replace(/[\\*?[\]]/g, (c) => '\\' + c) + '**';
    else if (r < 0.8) pat = '**' + escapeName(base.split('/').pop()!);
    else if (r < 0.82) pat = '*';
    else pat = base.split('/').map(escapeName).join('/');
    const deco = rnd();
    if (deco < 0.1) pat = '/' + pat;
    else if (deco < 0.18) pat = './' + pat;
    else if (deco < 0.24) pat = pat + '/';
    else if (deco < 0.3) pat = `  ${pat}\t`;
    if (rnd() < 0.35) pat = (rnd() < 0.5 ? '! ' : '!') + pat;
    return pat;
  };
  const lines: string[] = [];
  if (rnd() < 0.3) lines.push('# generated ignore file');
  const n = 3 + Math.floor(rnd() * 8);
  for (let k = 0; k < n; k++) {
    lines.push(line());
    if (rnd() < 0.1) lines.push(rnd() < 0.5 ? '' : `#${pick(all.length ? all : NAMES)}`);
  }
  let ignore = lines.join(rnd() < 0.2 ? '\r\n' : '\n') + '\n';
  // Keep only ignore files Docker accepts (the error cases are tested apart).
  try {
    parseIgnoreFile(ignore);
  } catch {
    ignore = lines.filter((l) => !l.includes('[')).join('\n') + '\n';
  }
  const tree: Tree = { name: `generated #${seed}`, nodes, ignore };
  if (seed % 5 === 2) tree.outside = { dockerfileName: 'app.Dockerfile', specificIgnore: true };
  return tree;
}

// ---------------------------------------------------------------------------

describe.skipIf(!haveStack)('context set = what BuildKit sends (differential, real engine)', () => {
  beforeAll(() => {
    dockerEnv = { ...process.env, ...readStackEnv(STACK_ENV) };
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-ctx-diff-'));
  });
  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('agrees on every case of the ignore table', async () => {
    const trees: Tree[] = IGNORE_CASES.map((c) => ({
      name: c.name,
      ignore: c.ignore,
      nodes: c.files.map((f): Node =>
        f.endsWith('/') ? { kind: 'dir', path: f.slice(0, -1), mode: 0o755 } : { kind: 'file', path: f, content: f, mode: 0o644 },
      ),
      outside: { dockerfileName: 'Dockerfile', specificIgnore: false },
    }));
    const results = await mapLimit(trees, 3, buildAndCompare);
    const failures: string[] = [];
    results.forEach((r, i) => {
      const sent = [...r.buildkit].filter(([, e]) => e.type !== 'dir').map(([p]) => p).sort();
      const expected = [...IGNORE_CASES[i]!.sent].sort();
      if (JSON.stringify(sent) !== JSON.stringify(expected)) {
        failures.push(`${trees[i]!.name}: table says ${JSON.stringify(expected)}, BuildKit sent ${JSON.stringify(sent)}`);
      }
      if (r.diff.length > 0) failures.push(`${trees[i]!.name}:\n  ${r.diff.join('\n  ')}`);
    });
    expect(failures).toEqual([]);
  });

  it('agrees on 30 generated trees with generated ignore files', async () => {
    const seeds = Array.from({ length: 30 }, (_, i) => 1000 + i);
    const trees = seeds.map(generateTree);
    const results = await mapLimit(trees, 3, buildAndCompare);
    const failures: string[] = [];
    results.forEach((r, i) => {
      if (r.diff.length > 0) {
        failures.push(`${trees[i]!.name}\n--- ignore:\n${trees[i]!.ignore}--- differences:\n  ${r.diff.join('\n  ')}`);
      }
    });
    if (process.env.CONTEXT_DIFF_VERBOSE) {
      results.forEach((r, i) => {
        const total = trees[i]!.nodes.length;
        console.log(`${trees[i]!.name}: ${total} nodes, ${r.buildkit.size} exported\n${trees[i]!.ignore}`);
      });
    }
    expect(failures).toEqual([]);
    // The generator must produce what it claims to test.
    const all = results.flatMap((r) => r.manifest.entries);
    expect(all.some((e) => e.type === 'symlink')).toBe(true);
    expect(all.some((e) => e.type === 'fifo')).toBe(true);
    expect(all.some((e) => /[^\x00-\x7f]/.test(e.path))).toBe(true);
    expect(all.some((e) => e.path.includes(' '))).toBe(true);
    expect(all.some((e) => /(^|\/)\./.test(e.path))).toBe(true);
  });

  it('context ls lists what COPY . / copies, with the Dockerfile and ignore file when not excluded', async () => {
    const tree: Tree = {
      name: 'ls',
      ignore: 'b\n',
      nodes: [
        { kind: 'file', path: 'a', content: 'a', mode: 0o644 },
        { kind: 'file', path: 'b', content: 'b', mode: 0o644 },
        { kind: 'symlink', path: 'link', target: 'a' },
        { kind: 'dir', path: 'empty', mode: 0o755 },
      ],
    };
    const dir = fs.mkdtempSync(path.join(work, 'ls-'));
    const { context } = writeTree(dir, tree);
    const dest = path.join(dir, 'out');
    const r = await docker(['buildx', 'build', '--quiet', '--output', `type=local,dest=${dest}`, context]);
    expect(r.code, r.stderr).toBe(0);
    const sent = [...readOutput(dest)].filter(([, e]) => e.type !== 'dir').map(([p]) => p).sort();
    expect(await contextLs(context)).toBe(sent.join('\n') + '\n');
    expect(sent).toEqual(['.dockerignore', 'Dockerfile', 'a', 'link']);
  });

  it('symlinks that loop, point outside the context or up past its root are sent as links, never followed', async () => {
    const r = await buildAndCompare({
      name: 'hostile symlinks',
      nodes: [
        { kind: 'file', path: 'a', content: 'a', mode: 0o644 },
        { kind: 'symlink', path: 'loop1', target: 'loop2' },
        { kind: 'symlink', path: 'loop2', target: 'loop1' },
        { kind: 'symlink', path: 'self', target: 'self' },
        { kind: 'symlink', path: 'passwd', target: '/etc/passwd' },
        { kind: 'symlink', path: 'up', target: '../../..' },
        { kind: 'symlink', path: 'd/parent', target: '..' },
      ],
    });
    expect(r.diff).toEqual([]);
    expect(r.buildkit.get('passwd')).toEqual({ type: 'symlink', mode: 0, target: '/etc/passwd' });
  });

  it('hard links: BuildKit sends each name with the content, and so does the context set', async () => {
    const dir = fs.mkdtempSync(path.join(work, 'hardlink-'));
    const { context, dockerfile } = writeTree(dir, { name: 'hard links', nodes: [{ kind: 'file', path: 'a', content: 'shared', mode: 0o644 }] });
    fs.mkdirSync(path.join(context, 'sub'));
    fs.linkSync(path.join(context, 'a'), path.join(context, 'sub', 'b'));
    const dest = path.join(dir, 'out');
    const built = await docker(['buildx', 'build', '--quiet', '--file', dockerfile, '--output', `type=local,dest=${dest}`, context]);
    expect(built.code, built.stderr).toBe(0);
    const manifest = await readContextManifest(context, dockerfile);
    expect(describeDiff(expectedOutput(manifest), readOutput(dest))).toEqual([]);
    expect(fs.readFileSync(path.join(dest, 'sub', 'b'), 'utf8')).toBe('shared');
    const digests = manifest.entries.filter((entry) => entry.path === 'a' || entry.path === 'sub/b').map((entry) => JSON.stringify({ ...entry, path: '' }));
    expect(new Set(digests).size).toBe(1);
  });

  it('a file name that is not valid UTF-8: BuildKit sends it (26) or fails (28); the context set refuses it by name, or leaves it out as the ignore file says', async () => {
    const dir = fs.mkdtempSync(path.join(work, 'non-utf8-'));
    const { context, dockerfile } = writeTree(dir, { name: 'non-utf8', nodes: [{ kind: 'file', path: 'a', content: 'a', mode: 0o644 }] });
    const raw = Buffer.concat([Buffer.from(path.join(context, 'sub', 'bad')), Buffer.from([0xff, 0xfe]), Buffer.from('name')]);
    fs.mkdirSync(path.join(context, 'sub'));
    fs.writeFileSync(raw, 'x');
    const dest = path.join(dir, 'out');
    const built = await docker(['buildx', 'build', '--quiet', '--file', dockerfile, '--output', `type=local,dest=${dest}`, context]);
    if (built.code === 0) {
      // BuildKit 0.13 (Docker 26) sends the name byte for byte.
      expect(fs.readdirSync(path.join(dest, 'sub'), { encoding: 'buffer' }).map((name) => name.toString('hex'))).toEqual([Buffer.from('bad\xff\xfename', 'latin1').toString('hex')]);
    } else {
      // BuildKit 0.2x (Docker 28) refuses the whole build: its protocol carries names as UTF-8 strings.
      expect(built.stderr).toMatch(/invalid UTF-8/);
    }
    await expect(readContextManifest(context, dockerfile)).rejects.toThrow('not valid UTF-8: sub/bad\\xff\\xfename');

    // Excluded: BuildKit leaves it out, and so do we.
    fs.writeFileSync(path.join(context, '.dockerignore'), 'sub/bad*\n');
    const dest2 = path.join(dir, 'out2');
    const again = await docker(['buildx', 'build', '--quiet', '--file', dockerfile, '--output', `type=local,dest=${dest2}`, context]);
    expect(again.code, again.stderr).toBe(0);
    const manifest = await readContextManifest(context, dockerfile);
    expect(describeDiff(expectedOutput(manifest), readOutput(dest2))).toEqual([]);
  });

  it('refuses the ignore files BuildKit refuses', async () => {
    await mapLimit(BAD_IGNORE_FILES, 3, async (c) => {
      const dir = fs.mkdtempSync(path.join(work, 'bad-'));
      const { context, dockerfile } = writeTree(dir, {
        name: c.name,
        ignore: c.ignore,
        nodes: [{ kind: 'file', path: 'a', content: 'a', mode: 0o644 }],
      });
      const r = await docker(['buildx', 'build', '--quiet', '--file', dockerfile, '--output', `type=local,dest=${path.join(dir, 'out')}`, context]);
      expect(r.code, `${c.name}: BuildKit accepted it`).not.toBe(0);
      await expect(readContextManifest(context, dockerfile)).rejects.toThrow(/pattern/);
    });
  });
});
