/**
 * The one list syntax of build-push-action and metadata-action: a list input goes
 * through csv-parse as @docker/actions-toolkit's `Util.getList` does (relaxed quotes and
 * column counts, empty lines skipped). Records are lines and fields are separated by
 * commas; a field that starts with `"` is quoted (commas and newlines inside stay, `""` is
 * one `"`). Without `ignoreComma` every field is an item; with it, a line's fields are
 * joined again with commas (their quotes gone) into one item. Items are trimmed unless
 * `trimWhitespace` is false; empty items are dropped.
 */
import { parse } from 'csv-parse/sync';

export interface ListOptions {
  /** One item per line: commas do not split (they still end quoted fields). */
  ignoreComma?: boolean;
  /** false: quotes are ordinary characters (build-push-action's `outputs`). */
  quote?: boolean;
  /** metadata-action's comments: a line whose first non-blank character is `#` is left out; a `#` inside a line is kept. */
  comments?: boolean;
  /** false: items keep their surrounding blanks (build-push-action's `secrets`). */
  trimWhitespace?: boolean;
}

export class ListSyntaxError extends Error {}

export function inputList(text: string, options: ListOptions = {}): string[] {
  // metadata-action's `comment: '#'` with `comment_no_infix`, also for a line indented before its `#`.
  if (options.comments) text = text.split(/\r?\n/).filter((line) => !line.trimStart().startsWith('#')).join('\n');
  if (text === '') return [];
  const items: string[] = [];
  for (const record of csvRecords(text, options)) {
    if (record.length === 1) items.push(...(options.ignoreComma ? record : record[0]!.split(',')));
    else if (options.ignoreComma) items.push(record.join(','));
    else items.push(...record);
  }
  return items.filter((item) => item !== '').map((item) => (options.trimWhitespace === false ? item : item.trim())).filter((item) => item !== '');
}

/**
 * The fields of one entry of metadata-action's attribute lists (`type=semver,pattern=…`),
 * read as metadata-action reads them: one CSV record, a whole field in quotes keeping its
 * commas. Fields are trimmed and empty ones dropped. `relaxQuotes`: a `"` inside a field is
 * a character (a password may hold one), as in the list inputs.
 */
export function csvFields(line: string, options: { relaxQuotes?: boolean } = {}): string[] {
  let records: string[][];
  try {
    records = parse(line, { relax_column_count: true, skip_empty_lines: true, relax_quotes: options.relaxQuotes === true }) as string[][];
  } catch (error) {
    throw new ListSyntaxError(csvMessage(error));
  }
  return (records[0] ?? []).map((field) => field.trim()).filter((field) => field !== '');
}

function csvRecords(text: string, options: ListOptions): string[][] {
  try {
    return parse(text, {
      columns: false,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      quote: options.quote === false ? false : '"',
    }) as string[][];
  } catch (error) {
    throw new ListSyntaxError(csvMessage(error));
  }
}

/** csv-parse's message without its own prefix: what is wrong, and where. */
function csvMessage(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted field is not closed (a `"` is missing)';
  if (code === 'INVALID_OPENING_QUOTE' || code === 'CSV_INVALID_CLOSING_QUOTE') return 'a `"` may only open or close a whole field ("key=a,b", not key="a,b")';
  return (error as Error).message.replace(/^Invalid Record Length: |^CSV_\w+: /, '');
}
