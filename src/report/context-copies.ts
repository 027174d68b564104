/**
 * Which context files a Dockerfile's COPY and ADD instructions take in. The
 * layer-order advice and the summary's "why it rebuilt" both need it: a changed
 * file is only a reason for a re-run when some step copies it.
 */
import type { Instruction } from '../buildx/dockerfile.ts';

/** A COPY or ADD that takes files from the build context. */
export interface Copy {
  instruction: Instruction;
  sources: string[];
  dest: string;
}

const REMOTE = /^(https?|git):\/\/|^git@/;
/** Sources that name the whole context. */
export const BROAD_SOURCES = new Set(['.', './', '*', './*']);

/** A COPY or ADD that takes files from the build context (not `--from`, a URL, a git repository or a heredoc). */
export function contextCopy(instruction: Instruction): Copy | undefined {
  if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') return undefined;
  let words: string[];
  const text = instruction.args.trim();
  if (text.startsWith('[')) {
    try {
      words = JSON.parse(text) as string[];
    } catch {
      return undefined;
    }
  } else {
    words = text.split(/\s+/);
    if (words.some((word) => /^--from=/i.test(word))) return undefined;
    words = words.filter((word) => !word.startsWith('--'));
  }
  if (words.length < 2 || words.some((word) => word.startsWith('<<') || REMOTE.test(word))) return undefined;
  return { instruction, sources: words.slice(0, -1), dest: words[words.length - 1]! };
}

export function isBroad(copy: Copy): boolean {
  return copy.sources.some((source) => BROAD_SOURCES.has(source));
}

/**
 * The files of `files` (context-relative paths) a COPY takes in: all of them for
 * a broad COPY; for a source with wildcards, the files its pattern (or a folder
 * it matches) holds; else the file itself or the files under the folder.
 */
export function filesCopiedBy(copy: Copy, files: string[]): string[] {
  if (isBroad(copy)) return files;
  const matchers = copy.sources.map((source) => sourceMatcher(source.replace(/^\.\//, '').replace(/\/+$/, '')));
  return files.filter((file) => matchers.some((matches) => matches(file)));
}

/** A source path or pattern, as a test of whether a context file is under it. */
function sourceMatcher(source: string): (file: string) => boolean {
  if (!/[*?[]/.test(source)) return (file) => file === source || file.startsWith(`${source}/`);
  const pattern = source.split('/').map((part) => part.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')).join('/');
  const regex = new RegExp(`^${pattern}(/.*)?$`);
  return (file) => regex.test(file);
}
