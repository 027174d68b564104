/**
 * Walks a build context the way BuildKit's fsutil does when it sends it:
 * entries are tested against the ignore rules with their parent directory's
 * match state; an excluded directory is still entered when an exception
 * might re-include something below it (and is then sent only if something
 * below it is); symlinks are entries and are never followed.
 */
import fs from 'node:fs';
import type { IgnoreMatcher, MatchState } from './ignore.ts';
import { UserError } from '../common/errors.ts';

export interface WalkedFile {
  /** Relative, `/`-separated. */
  path: string;
}

export type OtherType = 'dir' | 'symlink' | 'fifo' | 'socket' | 'device';

export interface WalkedOther {
  path: string;
  type: OtherType;
  mode: number;
  size: number;
  /** Symlink target; for a device `c <major>:<minor>` or `b <major>:<minor>`. */
  target?: string;
}

export interface WalkResult {
  /** Regular files (their stat and content are read by the hasher). */
  files: WalkedFile[];
  /** Directories, symlinks and special files, with their stat. */
  others: WalkedOther[];
}

interface PendingDir {
  rel: string;
  abs: string;
  included: boolean;
  parent: PendingDir | null;
}

/** Walk `root`, applying `matcher` (null for no ignore file). */
export function walkContext(root: string, matcher: IgnoreMatcher | null): WalkResult {
  const result: WalkResult = { files: [], others: [] };
  const m = matcher && !matcher.empty ? matcher : null;

  const includeDir = (d: PendingDir | null): void => {
    // Send the excluded ancestors of an included entry (BuildKit does too).
    const chain: PendingDir[] = [];
    for (let p = d; p !== null && !p.included; p = p.parent) chain.push(p);
    for (const p of chain) {
      p.included = true;
      pushDir(p.rel, p.abs);
    }
  };

  const pushDir = (rel: string, abs: string): void => {
    const st = fs.lstatSync(abs);
    result.others.push({ path: rel, type: 'dir', mode: st.mode & 0o7777, size: 0 });
  };

  const visit = (dir: PendingDir | null, absDir: string, relPrefix: string, state: MatchState | null, dirExcluded: boolean): void => {
    let dirents: fs.Dirent[];
    try {
      dirents = fs.readdirSync(absDir, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // fsutil ignores a permission error on an excluded directory.
      if (dirExcluded && code === 'EACCES') return;
      throw new UserError(`cannot read ${relPrefix || '.'} in the build context: ${code ?? String(error)}`);
    }
    // A name that is not valid UTF-8 reads as U+FFFD in its place: the file cannot be opened
    // by that name. The bytes are read again for such a folder only (it is rare).
    const undecodable = dirents.some((d) => d.name.includes('\uFFFD')) ? undecodableNames(absDir) : undefined;
    for (const d of dirents) {
      const name = d.name;
      const rel = relPrefix + name;
      const abs = absDir + '/' + name;
      let excluded = false;
      let childState: MatchState | null = null;
      if (m) {
        // Matched as Go matches it: each invalid byte a rune of its own, U+FFFD.
        const r = m.match(rel, state);
        excluded = r.excluded;
        childState = r.state;
      }
      if (undecodable?.has(name) && !excluded) {
        const shown = relPrefix + undecodable.get(name)!;
        throw new UserError(
          `the build context has a file whose name is not valid UTF-8: ${shown} (invalid bytes shown as \\x..). ` +
            'Docker sends it as it is, but its name cannot be hashed exactly here: rename it, or exclude it in .dockerignore.',
        );
      }
      if (undecodable?.has(name)) continue; // excluded (a folder too: it cannot be opened by that name)
      if (d.isDirectory()) {
        const pending: PendingDir = { rel, abs, included: false, parent: dir };
        if (excluded) {
          if (m!.canSkipExcludedDir(rel)) continue;
        } else {
          includeDir(dir);
          pending.included = true;
          pushDir(rel, abs);
        }
        visit(pending, abs, rel + '/', childState, excluded);
        continue;
      }
      if (excluded) continue;
      if (d.isFile()) {
        includeDir(dir);
        result.files.push({ path: rel });
      } else if (d.isSymbolicLink()) {
        includeDir(dir);
        const st = fs.lstatSync(abs);
        const target = fs.readlinkSync(abs);
        result.others.push({ path: rel, type: 'symlink', mode: st.mode & 0o7777, size: st.size, target });
      } else {
        // BuildKit sends these too: a FIFO or a device is recreated by COPY,
        // a socket arrives as an empty regular file.
        includeDir(dir);
        const st = fs.lstatSync(abs);
        const type: OtherType = st.isFIFO() ? 'fifo' : st.isSocket() ? 'socket' : 'device';
        const other: WalkedOther = { path: rel, type, mode: st.mode & 0o7777, size: 0 };
        if (type === 'device') {
          other.target = `${st.isCharacterDevice() ? 'c' : 'b'} ${major(st.rdev)}:${minor(st.rdev)}`;
        }
        result.others.push(other);
      }
    }
  };

  visit(null, root, '', null, false);
  return result;
}

/**
 * The names in `dir` that are not valid UTF-8: each as Node decodes it (U+FFFD for
 * every invalid byte), with a readable form that shows those bytes as `\xNN`.
 */
export function undecodableNames(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const raw of fs.readdirSync(dir, { encoding: 'buffer' })) {
    const decoded = raw.toString('utf8');
    if (Buffer.from(decoded, 'utf8').equals(raw)) continue;
    found.set(decoded, escapeInvalidUtf8(raw));
  }
  return found;
}

function escapeInvalidUtf8(raw: Buffer): string {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const width = utf8Width(raw, i);
    if (width === 0) {
      out += `\\x${raw[i]!.toString(16).padStart(2, '0')}`;
      i++;
    } else {
      out += raw.subarray(i, i + width).toString('utf8');
      i += width;
    }
  }
  return out;
}

/** Length of the valid UTF-8 sequence at `i`, or 0. */
function utf8Width(raw: Buffer, i: number): number {
  const b = raw[i]!;
  const width = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
  if (width <= 1) return width;
  if (i + width > raw.length) return 0;
  const piece = raw.subarray(i, i + width);
  return Buffer.from(piece.toString('utf8'), 'utf8').equals(piece) ? width : 0;
}

/** Linux dev_t encoding (glibc's gnu_dev_major / gnu_dev_minor). */
function major(dev: number): number {
  const d = BigInt(dev);
  return Number(((d >> 8n) & 0xfffn) | ((d >> 32n) & ~0xfffn));
}

function minor(dev: number): number {
  const d = BigInt(dev);
  return Number((d & 0xffn) | ((d >> 12n) & ~0xffn));
}
