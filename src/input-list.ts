/**
 * List inputs read the way build-push-action reads them (`Util.getInputList` of
 * @docker/actions-toolkit, a csv-parse over the whole input): records are
 * lines, fields are separated by commas, a field that starts with `"` is quoted
 * (commas and newlines inside stay, `""` is one `"`), a quote anywhere else is
 * an ordinary character. Without `ignoreComma` every field is an item; with it,
 * a line's fields are joined again with commas (their quotes gone) into one
 * item. Items are trimmed; empty lines and empty items are dropped. `#` starts
 * no comment (build-push-action passes such a line on as it is).
 */

export interface ListOptions {
  /** One item per line: commas do not split (they still end quoted fields). */
  ignoreComma?: boolean;
  /** false: quotes are ordinary characters (build-push-action's `outputs`). */
  quote?: boolean;
}

export class ListSyntaxError extends Error {}

export function inputList(text: string, options: ListOptions = {}): string[] {
  const items: string[] = [];
  for (const record of csvRecords(text, options.quote !== false)) {
    if (record.length === 1) items.push(...(options.ignoreComma ? record : record[0]!.split(',')));
    else if (options.ignoreComma) items.push(record.join(','));
    else items.push(...record);
  }
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

/** csv-parse with relax_quotes, relax_column_count and skip_empty_lines. */
function csvRecords(text: string, quotes: boolean): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoting = false;
  const endRecord = () => {
    record.push(field);
    field = '';
    // skip_empty_lines: a line with nothing on it is no record.
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoting) {
      if (ch !== '"') {
        field += ch;
        continue;
      }
      const next = text[i + 1];
      if (next === '"') {
        field += '"';
        i++;
      } else {
        quoting = false;
        // relax_quotes: a closing quote not followed by a separator ends the quoting,
        // and the field keeps an opening quote in front of what it read.
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') field = `"${field}`;
      }
      continue;
    }
    if (ch === '"' && quotes && field === '') {
      quoting = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else {
      field += ch;
    }
  }
  if (quoting) throw new ListSyntaxError('a quoted field is not closed (a `"` is missing)');
  if (field !== '' || record.length) endRecord();
  return records;
}
