/**
 * What a build's `outputs` (Buildx `--output` entries) do: push the tags, push
 * by digest only (no tag: per-platform jobs whose digests a merge step joins),
 * load into the engine, or write files (`type=oci|docker|tar|local,dest=…`).
 * Pure: the pipeline decides from this which registry work follows the build.
 */
import { UserError } from '../common/errors.ts';
import { inputList } from '../inputs/list.ts';

export interface OutputEntry {
  type: string;
  attrs: Record<string, string>;
  /** The entry as the user wrote it, for Buildx. */
  spec: string;
}

export interface OutputPlan {
  entries: OutputEntry[];
  /** An image output pushes with the step's tags (or its own `name=`). */
  pushesTags: boolean;
  /** Repositories an image is pushed to by digest only (`push-by-digest=true`). */
  byDigest: string[];
  /** The result ends up in the local engine (`type=docker`, or an image output on the docker driver). */
  loads: boolean;
}

const TYPES = ['image', 'registry', 'docker', 'oci', 'tar', 'local', 'cacheonly'];

/**
 * Buildx's `--output` syntax: CSV `key=value` fields, a field in quotes keeping its commas
 * (`"name=a,b"`); a bare path is `type=local,dest=<path>`, `-` is a tar to stdout.
 */
export function parseOutput(spec: string): OutputEntry {
  let fields: string[];
  try {
    fields = inputList(spec);
  } catch (error) {
    throw new UserError(`outputs: "${spec}": ${(error as Error).message}`, { input: 'outputs' });
  }
  if (fields.length === 1 && !fields[0]!.includes('=')) {
    return fields[0] === '-' ? { type: 'tar', attrs: { dest: '-' }, spec } : { type: 'local', attrs: { dest: fields[0]! }, spec };
  }
  const attrs: Record<string, string> = {};
  for (const field of fields) {
    const eq = field.indexOf('=');
    if (eq < 0) throw new UserError(`outputs: "${spec}": field "${field}" is not key=value`, { input: 'outputs' });
    attrs[field.slice(0, eq).trim().toLowerCase()] = field.slice(eq + 1).trim();
  }
  const type = attrs.type ?? 'local';
  if (!TYPES.includes(type)) throw new UserError(`outputs: "${spec}": type "${type}" is not one of ${TYPES.join(', ')}`, { input: 'outputs' });
  if (['oci', 'tar', 'local'].includes(type) && !attrs.dest) {
    throw new UserError(`outputs: "${spec}" needs dest=<path> (where the ${type} output is written)`, { input: 'outputs' });
  }
  return { type, attrs, spec };
}

export function planOutputs(specs: string[]): OutputPlan {
  const entries = specs.map(parseOutput);
  const plan: OutputPlan = { entries, pushesTags: false, byDigest: [], loads: false };
  for (const entry of entries) {
    const image = entry.type === 'image' || entry.type === 'registry';
    const push = entry.type === 'registry' || isTrue(entry.attrs.push);
    if (image && push && isTrue(entry.attrs['push-by-digest'])) {
      const names = (entry.attrs.name ?? '').split(/[,\s]+/).filter(Boolean);
      if (names.length === 0) throw new UserError(`outputs: "${entry.spec}" pushes by digest but names no repository; add name=<registry>/<repository>`, { input: 'outputs' });
      plan.byDigest.push(...names.map(stripTag));
    } else if (image && push) {
      plan.pushesTags = true;
    }
    if (entry.type === 'docker' && !entry.attrs.dest) plan.loads = true;
  }
  return plan;
}

/** `repo:tag` → `repo` (a by-digest push names a repository; a tag in it is not pushed). */
function stripTag(name: string): string {
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  return colon > slash ? name.slice(0, colon) : name;
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['true', '1', 't', 'yes'].includes(value.toLowerCase());
}

/**
 * The `--output` flags for Buildx. On the `docker` driver Buildx refuses
 * `push-by-digest`; such an entry becomes an OCI layout in `layoutDir`, which
 * the caller pushes by digest itself.
 */
export function outputFlags(plan: OutputPlan, options: { dockerDriver: boolean; layoutDir: string }): { flags: string[]; pushLayout: boolean } {
  let pushLayout = false;
  const flags = plan.entries.flatMap((entry) => {
    const image = entry.type === 'image' || entry.type === 'registry';
    if (options.dockerDriver && image && isTrue(entry.attrs['push-by-digest'])) {
      pushLayout = true;
      return ['--output', `type=oci,dest=${options.layoutDir},tar=false`];
    }
    return ['--output', entry.spec];
  });
  return { flags, pushLayout };
}
