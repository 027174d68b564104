// Benchmark of the context hash (issue 5): generate a deterministic tree of
// 30,000 files (~500 MB) in a temp folder, then time, side by side in one run,
//   - ours:       `image-build context hash <dir>`
//   - tar:        `tar -cf - . | sha256sum`
//   - hashFiles:  @actions/glob's hashFiles('<dir>/**')
// each in a fresh child process, one warm-up then the min of 3, with the
// peak RSS of each (GNU time). Prints a markdown table.
//
//   node_modules/.bin/node scripts/bench-hash.ts [--files N] [--mb M] [--runs R]
//       [--dir D] [--keep] [--cli dist/cli.cjs]
//
// Runs with Node 24 (type stripping: erasable TypeScript only). By default
// "ours" runs the TypeScript sources (src/cli/context-command.ts); `--cli` times the
// bundled CLI instead.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mulberry32 } from './seeded-random.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

// ---- child modes ----------------------------------------------------------
if (process.argv[2] === '--child-ours') {
  const { contextHash } = await import(pathToFileURL(path.join(ROOT, 'src/cli/context-command.ts')).href);
  process.stdout.write((await contextHash(process.argv[3]!)) + '\n');
  process.exit(0);
}
if (process.argv[2] === '--child-hashfiles') {
  const dir = process.argv[3]!;
  const { hashFiles } = await import('@actions/glob');
  process.stdout.write((await hashFiles(`${dir}/**`, dir)) + '\n');
  process.exit(0);
}

// ---- the tree --------------------------------------------------------------
const FILES = Number(arg('--files', '30000'));
const TARGET_MB = Number(arg('--mb', '500'));
const RUNS = Number(arg('--runs', '3'));
const KEEP = process.argv.includes('--keep');
const CLI = arg('--cli');
const NODE = process.execPath;

/** Sizes: 70% small (0.1-8 KB), 29% medium (8-40 KB), 1% large; scaled to the target. */
function fileSizes(n: number, targetBytes: number): number[] {
  const rnd = mulberry32(42);
  const raw: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = rnd();
    if (r < 0.7) raw.push(100 + rnd() * 8 * 1024);
    else if (r < 0.99) raw.push(8 * 1024 + rnd() * 32 * 1024);
    else raw.push(256 * 1024 + rnd() * 1.5 * 1024 * 1024);
  }
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((s) => Math.max(1, Math.round((s * targetBytes) / sum)));
}

function generateTree(dir: string): { files: number; bytes: number } {
  // The marker sits beside the tree, not in it (tar would count it).
  const marker = dir.replace(/\/+$/, '') + '.bench-tree';
  const spec = `v1 ${FILES} ${TARGET_MB}`;
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === spec) {
    return JSON.parse(fs.readFileSync(marker + '.json', 'utf8')) as { files: number; bytes: number };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const sizes = fileSizes(FILES, TARGET_MB * 1024 * 1024);
  // One pseudo-random block; each file is a slice of it plus its own header.
  const rnd = mulberry32(7);
  const block = Buffer.alloc(4 * 1024 * 1024);
  for (let i = 0; i < block.length; i += 4) block.writeUInt32LE((rnd() * 0x100000000) >>> 0, i);
  let bytes = 0;
  for (let i = 0; i < FILES; i++) {
    // 30 top folders × 10 sub-folders × ~100 files.
    const rel = `pkg-${i % 30}/mod-${Math.floor(i / 30) % 10}/file-${i}.dat`;
    const abs = path.join(dir, rel);
    if (i < 300) fs.mkdirSync(path.dirname(abs), { recursive: true });
    const size = sizes[i]!;
    const header = Buffer.from(`${rel}\n`);
    const off = (i * 7919) % (block.length - size - 1 > 0 ? block.length - size - 1 : 1);
    const body = size <= block.length ? block.subarray(off, off + size) : Buffer.concat([block, block]).subarray(0, size);
    const data = Buffer.concat([header, body]).subarray(0, size);
    fs.writeFileSync(abs, data);
    bytes += data.length;
  }
  fs.writeFileSync(marker + '.json', JSON.stringify({ files: FILES, bytes }));
  fs.writeFileSync(marker, spec);
  // Let the writes reach the disk before timing anything.
  spawnSync('sync');
  return { files: FILES, bytes };
}

// ---- timing ----------------------------------------------------------------
interface Run {
  seconds: number;
  rssMB: number;
  out: string;
}

const HAVE_TIME = fs.existsSync('/usr/bin/time');

function timed(cmd: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Run {
  const rssFile = path.join(os.tmpdir(), `bench-hash-rss-${process.pid}`);
  const full = HAVE_TIME ? ['/usr/bin/time', '-f', '%M', '-o', rssFile, ...cmd] : cmd;
  const start = process.hrtime.bigint();
  const r = spawnSync(full[0]!, full.slice(1), { cwd, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed (${r.status}):\n${r.stderr}`);
  let rssMB = NaN;
  if (HAVE_TIME) {
    rssMB = Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024;
    fs.rmSync(rssFile, { force: true });
  }
  return { seconds, rssMB, out: r.stdout.trim() };
}

function bench(name: string, cmd: string[], cwd: string, env?: NodeJS.ProcessEnv): { name: string; runs: Run[] } {
  process.stderr.write(`bench: ${name}: warm-up`);
  timed(cmd, cwd, env);
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = timed(cmd, cwd, env);
    process.stderr.write(` ${r.seconds.toFixed(2)}s`);
    runs.push(r);
  }
  process.stderr.write('\n');
  return { name, runs };
}

const dir = arg('--dir') ?? path.join(os.tmpdir(), 'image-build-bench-hash');
process.stderr.write(`bench: tree in ${dir} (${FILES} files, ~${TARGET_MB} MB)\n`);
const genStart = Date.now();
const tree = generateTree(dir);
process.stderr.write(`bench: tree ready in ${((Date.now() - genStart) / 1000).toFixed(1)}s\n`);

const oursCmd = CLI ? [NODE, path.resolve(CLI), 'context', 'hash', dir] : [NODE, SELF, '--child-ours', dir];
const results = [
  bench('`image-build context hash`', oursCmd, ROOT),
  bench('`tar -cf - . \\| sha256sum`', ['bash', '-c', 'set -o pipefail; tar -cf - . | sha256sum'], dir),
  bench("`@actions/glob` `hashFiles('**')`", [NODE, SELF, '--child-hashfiles', dir], ROOT),
];
if (!KEEP && !arg('--dir')) {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const f of [dir + '.bench-tree', dir + '.bench-tree.json']) fs.rmSync(f, { force: true });
}

const best = (r: { runs: Run[] }) => Math.min(...r.runs.map((x) => x.seconds));
const tar = best(results[1]!);
const ours = best(results[0]!);
const lines = [
  `Tree: ${tree.files.toLocaleString('en-US')} files, ${(tree.bytes / 1024 / 1024).toFixed(0)} MB; ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.versions.node}; min of ${RUNS} after a warm-up (warm page cache).`,
  '',
  '| method | time (s) | vs `tar \\| sha256sum` | ours is faster by | peak RSS (MB) |',
  '|---|---:|---:|---:|---:|',
  ...results.map((r) => {
    const t = best(r);
    const rss = Math.max(...r.runs.map((x) => x.rssMB));
    return `| ${r.name} | ${t.toFixed(2)} | ${(t / tar).toFixed(2)}× | ${(t / ours).toFixed(1)}× | ${Number.isNaN(rss) ? '?' : rss.toFixed(0)} |`;
  }),
];
process.stdout.write(lines.join('\n') + '\n');
process.stderr.write(`bench: ours ${results[0]!.runs[0]!.out}\n`);
