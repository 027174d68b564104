/**
 * metadata-action's and Buildx's `level[,level…]:key=value` annotation lines. The levels are
 * Buildx's `--annotation` levels, each with an optional `[platform]` that narrows it to one
 * platform's image; a line with no level is a manifest annotation, as Buildx reads it.
 */
import { formatPlatform, parsePlatform } from '../registry/manifest.ts';

export type AnnotationLevel = 'manifest' | 'index' | 'manifest-descriptor' | 'index-descriptor';

const LEVEL = '(?:manifest|index|manifest-descriptor|index-descriptor)(?:\\[[^\\]]*\\])?';
const LEVELED_ANNOTATION = new RegExp(`^${LEVEL}(?:,${LEVEL})*:[^=]+=`);

/** Whether a line names its levels (`index:key=value`), rather than being a bare `key=value`. */
export function isLeveledAnnotation(line: string): boolean {
  return LEVELED_ANNOTATION.test(line.trim());
}

/** Which narrowed and unnamed levels count, beside `level` itself. */
export interface AnnotationScope {
  /** Also lines narrowed to this platform (`manifest[linux/arm64]:key=value`). */
  platform?: string;
  /** Lines narrowed to any platform (an index that holds them all). */
  anyPlatform?: boolean;
  /** The level of a line that names none: `manifest`, as Buildx reads it, unless said otherwise. */
  bare?: AnnotationLevel;
}

/** The key/value entries of `lines` that apply at `level` in `scope`. Later lines win. */
export function annotationsAt(lines: readonly string[], level: AnnotationLevel, scope: AnnotationScope = {}): Record<string, string> {
  const entries: Record<string, string> = {};
  const wantedPlatform = scope.platform ? normalPlatform(scope.platform) : undefined;
  for (const raw of lines) {
    const line = raw.trim();
    const leveled = isLeveledAnnotation(line);
    // A platform in brackets holds slashes, never a colon: the first colon ends the levels.
    const colon = leveled ? line.indexOf(':') : -1;
    const levels = leveled ? line.slice(0, colon).split(',') : [scope.bare ?? 'manifest'];
    const applies = levels.some((entry) => {
      const open = entry.indexOf('[');
      const name = open < 0 ? entry : entry.slice(0, open);
      if (name !== level) return false;
      if (open < 0 || scope.anyPlatform) return true;
      return wantedPlatform !== undefined && normalPlatform(entry.slice(open + 1, -1)) === wantedPlatform;
    });
    if (!applies) continue;
    const pair = leveled ? line.slice(colon + 1) : line;
    const at = pair.indexOf('=');
    if (at > 0) entries[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return entries;
}

function normalPlatform(text: string): string | undefined {
  try {
    return formatPlatform(parsePlatform(text));
  } catch {
    return undefined;
  }
}
