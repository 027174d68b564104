/**
 * Changed context files as a short list a person can take in: the files that
 * matter by name, and folders full of churn (`.git/`, `node_modules/`) as one
 * item each, so a one-file change is not hidden behind ten `.git/objects/…` paths.
 */
import { joinAnd, plural } from '../common/units.ts';

/** Folders whose files change with every commit or install, not with the source. */
const CHURN = /^(\.git|node_modules|\.[^/]+)\//;

export interface FileListOptions {
  /** Files listed by name before "and N more". */
  max?: number;
  /** Group every file in a folder into one item, not only churn (for files no step reads). */
  byFolder?: boolean;
  /** Wrap names in backticks (Markdown). */
  code?: boolean;
}

/** `src/index.js` and `.git/` (9 files): names first, folders of churn last. */
export function describeFiles(files: string[], { max = 3, byFolder = false, code = true }: FileListOptions = {}): string {
  const quote = (text: string) => (code ? `\`${text}\`` : text);
  const folders = new Map<string, number>();
  const named: string[] = [];
  for (const file of files) {
    const top = /^[^/]+\//.exec(file)?.[0];
    if (top && (byFolder || CHURN.test(file))) folders.set(top, (folders.get(top) ?? 0) + 1);
    else named.push(file);
  }
  const items = named.slice(0, max).map(quote);
  if (named.length > max) items.push(`${named.length - max} more`);
  for (const [folder, count] of folders) items.push(count === 1 && byFolder ? quote(files.find((file) => file.startsWith(folder))!) : `${quote(folder)} (${plural(count, 'file')})`);
  return joinAnd(items);
}

/** Source files first: the ones a reader looks for, ahead of churn. */
export function sourceFirst(files: string[]): string[] {
  return [...files.filter((file) => !CHURN.test(file)), ...files.filter((file) => CHURN.test(file))];
}
