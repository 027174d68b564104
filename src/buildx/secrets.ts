/**
 * Build secrets and SSH agents: they reach BuildKit as a file, an environment
 * variable or a socket, never as a value on a command line. build-push-action's
 * forms are read as it reads them — `secrets: KEY=value` (the value is written
 * to a file), `secret-files: KEY=path`, `secret-envs: KEY=ENV_NAME` — and a
 * `secrets` line in Buildx's own form (`id=token,src=path`, `id=token,env=NAME`)
 * is passed as Buildx reads it. BuildKit does not key its cache on a secret's
 * value, so secrets take no part in the fingerprint either.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../common/errors.ts';

export type BuildSecret =
  /** A value given inline: written to a private file for the build. */
  | { id: string; value: string }
  | { id: string; file: string }
  | { id: string; env: string };

/** Buildx's own secret fields: a line made only of these is in Buildx's form. */
const BUILDX_FIELDS = /^(id|type|src|source|env)=/;

/** `secrets`: `KEY=value` items, or Buildx's `id=…,src=…` / `id=…,env=…`. */
export function parseSecrets(items: string[], workspace: string): BuildSecret[] {
  return items.map((item) => {
    const fields = item.split(',').map((field) => field.trim());
    if (fields.length > 1 && fields.every((field) => BUILDX_FIELDS.test(field))) return buildxSecret(fields, item, workspace);
    const [id, value] = keyValue(item, 'secrets');
    return { id, value };
  });
}

/** `secret-files`: `KEY=path` (relative to the workspace). */
export function parseSecretFiles(items: string[], workspace: string): BuildSecret[] {
  return items.map((item) => {
    const [id, file] = keyValue(item, 'secret-files');
    return { id, file: existingFile(path.resolve(workspace, file), 'secret-files', id) };
  });
}

/** `secret-envs`: `KEY=ENV_NAME`; the variable is read by Buildx from the step's environment. */
export function parseSecretEnvs(items: string[]): BuildSecret[] {
  return items.map((item) => {
    const [id, env] = keyValue(item, 'secret-envs');
    return { id, env };
  });
}

function buildxSecret(fields: string[], item: string, workspace: string): BuildSecret {
  const attrs = Object.fromEntries(fields.map((field) => [field.slice(0, field.indexOf('=')), field.slice(field.indexOf('=') + 1)]));
  const id = attrs.id;
  const src = attrs.src ?? attrs.source;
  if (!id) throw new UserError(`secrets: "${redact(item)}" has no id=`, { input: 'secrets' });
  if (src) return { id, file: existingFile(path.resolve(workspace, src), 'secrets', id) };
  if (attrs.env) return { id, env: attrs.env };
  throw new UserError(`secrets: "${redact(item)}" needs src=<file> or env=<variable>`, { input: 'secrets' });
}

/**
 * `KEY=value` split at the first `=`; both sides must be non-empty. build-push-action v6 warns
 * and drops such an entry, which leaves a multi-line value pasted without quotes cut to its
 * first line; here it is one error, with the way to write it.
 */
function keyValue(item: string, input: string): [string, string] {
  const eq = item.indexOf('=');
  const key = eq < 0 ? '' : item.slice(0, eq).trim();
  const value = eq < 0 ? '' : item.slice(eq + 1);
  if (!key || !value) throw new UserError(`${input}: an entry is not KEY=value (its text is not shown: it may be a secret); a value over several lines needs double quotes around the whole entry, from before KEY to after the value`, { input });
  return [key, value];
}

function existingFile(file: string, input: string, id: string): string {
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) throw new UserError(`${input}: the file of secret "${id}" (${file}) does not exist`, { input });
  return file;
}

/** The line without its values: ids and field names only. */
function redact(item: string): string {
  return item
    .split(',')
    .map((field) => (field.trim().startsWith('id=') ? field.trim() : `${field.split('=')[0]!.trim()}=…`))
    .join(',');
}

/** Inline values, to be masked in the log before anything else runs. */
export function secretValues(secrets: BuildSecret[]): string[] {
  return secrets.flatMap((secret) => ('value' in secret ? [secret.value] : []));
}

/**
 * `--secret` flags. Inline values are written, one file each, to `dir` (a
 * private folder removed when the step ends), readable by this user only.
 */
export function secretFlags(secrets: BuildSecret[], dir: string): string[] {
  return secrets.flatMap((secret, index) => {
    if ('env' in secret) return ['--secret', `id=${secret.id},env=${secret.env}`];
    if ('file' in secret) return ['--secret', `id=${secret.id},src=${secret.file}`];
    const file = path.join(dir, `build-secret-${index}`);
    fs.writeFileSync(file, secret.value, { mode: 0o600 });
    return ['--secret', `id=${secret.id},src=${file}`];
  });
}
