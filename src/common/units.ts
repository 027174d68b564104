/**
 * Numbers in words for the job summary, the log and the CLI: every number with
 * its unit, a no-break space between the two (so "40 MiB" never wraps in a
 * table cell), and plurals that agree.
 */

/** A no-break space: a number and its unit stay on one line. */
export const NBSP = '\u00a0';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes}${NBSP}B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)}${NBSP}${units[unit]}`;
}

/** `0.4 s`, `12 s`, `2 min 5 s`. */
export function formatSeconds(seconds: number): string {
  if (seconds < 10) return `${seconds.toFixed(1)}${NBSP}s`;
  if (seconds < 60) return `${Math.round(seconds)}${NBSP}s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}${NBSP}min ${whole % 60}${NBSP}s`;
}

/** `1 request`, `2 requests`; `many` when the plural is not the word plus "s". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `sha256:8dd4a1b2c3d4`: the first 12 hex digits, as `docker image ls` shows an ID. */
export function shortDigest(digest: string): string {
  const match = /^(sha256:)?([0-9a-f]{12})[0-9a-f]*$/.exec(digest);
  return match ? `sha256:${match[2]}` : digest;
}

/** `a`, `a and b`, `a, b and c`. */
export function joinAnd(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
