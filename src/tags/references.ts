/**
 * The `tags` input speaks two languages. build-push-action's `tags` are full image
 * references (what metadata-action's `outputs.tags` hands on); metadata-action's are
 * tag rules. A full reference has a repository path (`/`), a registry, or a `:tag` or
 * `@digest` after a name, none of which a bare Docker tag can hold, and it has no
 * `key=value` field. So a line whose fields are all such references is read as
 * build-push-action reads it (pushed as written); every other line is a rule.
 */
import { UserError } from '../common/errors.ts';
import { parseReference } from '../registry/reference.ts';
import { inputLines, splitFields, splitKeyValue } from './list.ts';

export interface TagsInput {
  /** The rule lines, in metadata-action's language, as given. */
  rules: string[];
  /** Full references, in order, each `name:tag` (a reference without a tag is `:latest`, as Docker pushes it). */
  references: string[];
}

/** A bare field that only a full reference can be: a `/`, `:` or `@`, and no template. */
export function looksLikeReference(field: string): boolean {
  return /[/:@]/.test(field) && !field.includes('{{') && splitKeyValue(field).key === undefined;
}

export function splitTagsInput(input: string): TagsInput {
  const rules: string[] = [];
  const references: string[] = [];
  for (const line of inputLines(input)) {
    let fields: string[];
    try {
      fields = splitFields(line);
    } catch {
      rules.push(line); // the rule parser reports the quote with its own words
      continue;
    }
    if (!fields.some(looksLikeReference) || fields.some((field) => splitKeyValue(field).key !== undefined)) {
      rules.push(line);
      continue;
    }
    for (const field of fields) references.push(checkedReference(field, line));
  }
  return { rules, references: [...new Set(references)] };
}

function checkedReference(field: string, line: string): string {
  if (!looksLikeReference(field)) {
    throw new UserError(
      `tags: "${field}" in "${line}" is neither a full image reference nor a tag rule; ` +
        'put references (`ghcr.io/org/app:1.0`) and rules (`type=raw,value=1.0`) on lines of their own',
      { input: 'tags' },
    );
  }
  const reference = parseReference(field, { input: 'tags' });
  if (reference.digest) {
    throw new UserError(`tags: "${field}" names a digest, and a digest cannot be pushed to; give a tag (\`name:tag\`)`, { input: 'tags' });
  }
  return reference.tag === undefined ? `${field}:latest` : field;
}

/** The repository of a checked reference: what precedes its tag. */
export function repositoryOf(reference: string): string {
  return reference.slice(0, reference.lastIndexOf(':'));
}

/** The tag of a checked reference. */
export function tagOf(reference: string): string {
  return reference.slice(reference.lastIndexOf(':') + 1);
}
