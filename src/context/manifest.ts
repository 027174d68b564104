/**
 * The context manifest: every entry BuildKit would send for a build (regular
 * files, symlinks, and the directories that carry them), and the context
 * hash over it (DESIGN.md §2).
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { UserError } from '../common/errors.ts';
import { parseIgnoreFile } from './ignore.ts';
import type { IgnoreMatcher } from './ignore.ts';
import { walkContext } from './walk.ts';
import { hashFiles } from './hash.ts';
import type { HashOptions } from './hash.ts';

/**
 * `fifo`, `socket` and `device` are rare, but BuildKit sends them: COPY
 * recreates FIFOs and devices, and turns a socket into an empty file.
 */
export type EntryType = 'file' | 'symlink' | 'dir' | 'fifo' | 'socket' | 'device';

export interface ManifestEntry {
  /** Relative to the context, `/`-separated, no leading `/`. */
  path: string;
  type: EntryType;
  /** Permission bits (mode & 0o7777). */
  mode: number;
  /** Bytes for files, target length for symlinks, 0 for directories. */
  size: number;
  /** `sha256:<hex>` of the content (files only). */
  digest?: string;
  /** Link target as stored (symlinks); `c|b <major>:<minor>` (devices). */
  target?: string;
}

export interface ContextManifest {
  /** Sorted by path (Unicode code point order, which is UTF-8 byte order). */
  entries: ManifestEntry[];
  /** `sha256:<64 hex>` over the entries (see contextHashOf). */
  hash: string;
  /** The ignore file that applied, as given (relative to the working directory when inside it). */
  ignoreFile?: string;
}

export interface ManifestOptions extends HashOptions {}

/** Code point order (= UTF-8 byte order), unlike `<` on UTF-16 strings. */
export function comparePaths(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs === ys) return x - y;
    // A surrogate (a code point above U+FFFF) sorts after any BMP code unit.
    return xs ? 1 : -1;
  }
  return a.length - b.length;
}

function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

/**
 * The ignore file for a build: `<Dockerfile>.dockerignore` beside the
 * Dockerfile when it exists, else `<context>/.dockerignore`, else none.
 */
export function findIgnoreFile(contextDir: string, dockerfilePath?: string): string | undefined {
  const dockerfile = path.resolve(dockerfilePath ?? path.join(contextDir, 'Dockerfile'));
  const specific = dockerfile + '.dockerignore';
  if (isFile(specific)) return specific;
  const generic = path.resolve(contextDir, '.dockerignore');
  if (isFile(generic)) return generic;
  return undefined;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Read and compile the ignore rules that apply; null when there are none. */
export function loadIgnoreRules(contextDir: string, dockerfilePath?: string): { matcher: IgnoreMatcher | null; file?: string } {
  const file = findIgnoreFile(contextDir, dockerfilePath);
  if (!file) return { matcher: null };
  const shown = displayPath(file);
  const text = fs.readFileSync(file, 'utf8');
  return { matcher: parseIgnoreFile(text, shown), file: shown };
}

/**
 * The context set of a build and its hash. `dockerfilePath` (default
 * `<contextDir>/Dockerfile`) only decides which ignore file applies.
 */
export async function readContextManifest(
  contextDir: string,
  dockerfilePath?: string,
  options: ManifestOptions = {},
): Promise<ContextManifest> {
  let root: string;
  try {
    root = fs.realpathSync(path.resolve(contextDir));
    if (!fs.statSync(root).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new UserError(`build context ${contextDir} is not a readable directory`, { input: 'context' });
  }
  const { matcher, file } = loadIgnoreRules(contextDir, dockerfilePath);
  const walked = walkContext(root, matcher);
  const digests = await hashFiles(
    walked.files.map((f) => root + '/' + f.path),
    (i) => walked.files[i]!.path,
    options,
  );
  const entries: ManifestEntry[] = [];
  walked.files.forEach((f, i) => {
    const d = digests[i]!;
    entries.push({ path: f.path, type: 'file', mode: d.mode, size: d.size, digest: 'sha256:' + d.digest });
  });
  for (const o of walked.others) {
    const e: ManifestEntry = { path: o.path, type: o.type, mode: o.mode, size: o.size };
    if (o.target !== undefined) e.target = o.target;
    entries.push(e);
  }
  entries.sort((a, b) => comparePaths(a.path, b.path));
  const manifest: ContextManifest = { entries, hash: contextHashOf(entries) };
  if (file) manifest.ignoreFile = file;
  return manifest;
}

/**
 * sha256 over the sorted entries. Each entry contributes
 * `type NUL mode(octal) NUL path NUL (digest | target | device | '') NUL`;
 * paths and link targets cannot hold NUL, so the encoding is unambiguous. Sizes are
 * implied by the digests; mtimes and owners are left out.
 */
export function contextHashOf(entries: readonly ManifestEntry[]): string {
  const h = crypto.createHash('sha256');
  h.update('image-build context v1\0');
  const parts: string[] = [];
  let pending = 0;
  for (const e of entries) {
    const extra = e.type === 'file' ? (e.digest ?? '') : (e.target ?? '');
    const rec = `${e.type}\0${e.mode.toString(8)}\0${e.path}\0${extra}\0`;
    parts.push(rec);
    pending += rec.length;
    if (pending > 1 << 16) {
      h.update(parts.join(''));
      parts.length = 0;
      pending = 0;
    }
  }
  if (parts.length > 0) h.update(parts.join(''));
  return 'sha256:' + h.digest('hex');
}

// ---------------------------------------------------------------------------
// Miss explanation

export interface ManifestDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

function sameEntry(a: ManifestEntry, b: ManifestEntry): boolean {
  return a.type === b.type && a.mode === b.mode && sameDigest(a.digest, b.digest) && a.target === b.target && (a.type !== 'file' || a.size === b.size);
}

/** A stored manifest keeps a prefix of each file's digest (serializeManifest): equal when the shorter is a prefix of the longer. */
function sameDigest(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length <= b.length ? b.startsWith(a) : a.startsWith(b);
}

/**
 * What differs between two manifests, by path, sorted. Directories are
 * named with a trailing `/`; a directory added or removed is listed only
 * when nothing below it explains the difference already (an empty dir).
 */
export function diffManifests(previous: ContextManifest, current: ContextManifest): ManifestDiff {
  const before = new Map(previous.entries.map((e) => [e.path, e]));
  const after = new Map(current.entries.map((e) => [e.path, e]));
  const added: ManifestEntry[] = [];
  const removed: ManifestEntry[] = [];
  const changed: string[] = [];
  for (const [p, e] of after) {
    const old = before.get(p);
    if (!old) added.push(e);
    else if (!sameEntry(old, e)) changed.push(e.type === 'dir' && old.type === 'dir' ? p + '/' : p);
  }
  for (const [p, e] of before) if (!after.has(p)) removed.push(e);

  const names = (list: ManifestEntry[]): string[] => {
    const covered = new Set<string>();
    for (const e of list) {
      // Every ancestor of a listed entry is explained by it.
      let i = e.path.lastIndexOf('/');
      while (i > 0) {
        covered.add(e.path.slice(0, i));
        i = e.path.lastIndexOf('/', i - 1);
      }
    }
    return list
      .filter((e) => e.type !== 'dir' || !covered.has(e.path))
      .map((e) => (e.type === 'dir' ? e.path + '/' : e.path))
      .sort(comparePaths);
  };
  return { added: names(added), removed: names(removed), changed: changed.sort(comparePaths) };
}

/**
 * Lines for the log and the job summary that say why the context differs:
 * for each of added / removed / changed, the count and the first `limit`
 * paths. Empty when nothing differs.
 */
export function explainManifestDiff(diff: ManifestDiff, limit = 20): string[] {
  const lines: string[] = [];
  for (const kind of ['added', 'removed', 'changed'] as const) {
    const list = diff[kind];
    if (list.length === 0) continue;
    const more = list.length > limit ? ` (first ${limit} shown)` : '';
    lines.push(`${list.length} ${list.length === 1 ? 'file' : 'files'} ${kind}${more}:`);
    for (const p of list.slice(0, limit)) lines.push(`  ${p}`);
  }
  return lines;
}

// ---------------------------------------------------------------------------
// Compact serialisation (stored with a cache entry)

interface Serialized {
  /** 1: whole digests; 2: the first DIGEST_PREFIX_HEX hex digits of each. */
  v: 1 | 2;
  hash: string;
  ignoreFile?: string;
  /** [path, type, mode, size, digest hex | target | ''] */
  e: [string, TypeCode, number, number, string][];
}

/**
 * The stored manifest only tells which files changed (the cache key uses the
 * whole context hash): 64 bits of each digest, with the size, make a changed
 * file that reads as unchanged a 1 in 2^64 event, and the record a third of the
 * size (it travels with every cache restore: 2,000 files are ~25 KB, not ~80).
 */
const DIGEST_PREFIX_HEX = 16;

type TypeCode = 'f' | 'l' | 'd' | 'p' | 's' | 'v';
const TYPE_CODE: Record<EntryType, TypeCode> = { file: 'f', symlink: 'l', dir: 'd', fifo: 'p', socket: 's', device: 'v' };
const CODE_TYPE: Record<TypeCode, EntryType> = { f: 'file', l: 'symlink', d: 'dir', p: 'fifo', s: 'socket', v: 'device' };

/** gzip'd JSON; about 45 bytes an entry before compression. */
export function serializeManifest(m: ContextManifest): Buffer {
  const s: Serialized = {
    v: 2,
    hash: m.hash,
    e: m.entries.map((e) => [
      e.path,
      TYPE_CODE[e.type],
      e.mode,
      e.size,
      e.type === 'file' ? (e.digest ?? '').replace(/^sha256:/, '').slice(0, DIGEST_PREFIX_HEX) : (e.target ?? ''),
    ]),
  };
  if (m.ignoreFile) s.ignoreFile = m.ignoreFile;
  return zlib.gzipSync(JSON.stringify(s), { level: 6 });
}

export function deserializeManifest(data: Buffer | Uint8Array): ContextManifest {
  const s = JSON.parse(zlib.gunzipSync(data).toString('utf8')) as Serialized;
  if ((s.v !== 1 && s.v !== 2) || !Array.isArray(s.e)) throw new Error('unknown context manifest format');
  const entries = s.e.map(([p, t, mode, size, x]): ManifestEntry => {
    const type = CODE_TYPE[t];
    const e: ManifestEntry = { path: p, type, mode, size };
    if (!type) throw new Error('unknown context manifest format');
    if (type === 'file') e.digest = 'sha256:' + x;
    else if (x !== '') e.target = x;
    return e;
  });
  const m: ContextManifest = { entries, hash: s.hash };
  if (s.ignoreFile) m.ignoreFile = s.ignoreFile;
  return m;
}
