/**
 * Line and attribute-list splitting shared by the `images`, `tags`, `flavor`
 * and `labels` inputs.
 *
 * An input is a list of entries, one a line. Blank lines are skipped and a
 * line whose first non-blank character is `#` is a comment. Each entry is a
 * comma-separated attribute list in which a field may be quoted CSV-style
 * (`"pattern=a,b"`, or `pattern="a,b"`; `""` inside quotes is one `"`), so a
 * comma inside quotes does not split the field.
 */

/** The entries of a list input: trimmed lines, without blanks and comments. */
export function inputLines(input: string): string[] {
  const lines: string[] = [];
  for (const raw of input.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    lines.push(line);
  }
  return lines;
}

/**
 * Splits one entry into its fields at commas outside quotes. Each field is
 * trimmed; empty fields are dropped. Throws on an unterminated quote.
 */
export function splitFields(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let inQuotes = false;
  let fieldStart = true; // nothing but blanks seen in this field so far
  let afterFirstEquals = false; // the previous character was the field's first `=`
  let sawEquals = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          current += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        current += ch;
      }
      continue;
    }
    if (ch === '"' && (fieldStart || afterFirstEquals)) {
      inQuotes = true;
      fieldStart = false;
      afterFirstEquals = false;
      continue;
    }
    if (ch === ',') {
      pushField(fields, current);
      current = '';
      fieldStart = true;
      afterFirstEquals = false;
      sawEquals = false;
      continue;
    }
    afterFirstEquals = ch === '=' && !sawEquals;
    if (ch === '=') sawEquals = true;
    if (ch !== ' ' && ch !== '\t') fieldStart = false;
    current += ch;
  }
  if (inQuotes) {
    throw new Error(`unterminated quote in "${line}"`);
  }
  pushField(fields, current);
  return fields;
}

function pushField(fields: string[], field: string): void {
  const trimmed = field.trim();
  if (trimmed !== '') fields.push(trimmed);
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
