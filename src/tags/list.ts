/**
 * The `images`, `tags`, `flavor`, `labels` and `annotations` inputs, in metadata-action's
 * list syntax (src/inputs/list.ts, over csv-parse): an entry a line, blank lines skipped, a
 * line that starts with `#` a comment. Each entry is a CSV record of attributes in which a
 * whole field may be quoted (`"pattern=a,b"`; `""` inside quotes is one `"`).
 */
import { csvFields, inputList } from '../inputs/list.ts';

/**
 * The entries of a list input: trimmed lines, without blanks and comments. The quotes stay
 * for splitFields (metadata-action drops them here, and then splits a quoted comma).
 */
export function inputLines(input: string): string[] {
  return inputList(input, { ignoreComma: true, comments: true, quote: false });
}

/** Splits one entry into its fields at commas outside quotes; trimmed, empty ones dropped. Throws on a stray quote. */
export function splitFields(line: string): string[] {
  return csvFields(line);
}

/**
 * Splits a field at its first `=` into a lower-cased key and a value, both
 * trimmed. A field without `=` (or starting with `=`) has no key.
 */
export function splitKeyValue(field: string): { key?: string; value: string } {
  const at = field.indexOf('=');
  if (at <= 0) return { value: field.trim() };
  return { key: field.slice(0, at).trim().toLowerCase(), value: field.slice(at + 1).trim() };
}
