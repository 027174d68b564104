/**
 * Every docker/build-push-action v6 build input, one row each: how it is read
 * (build-push-action's list syntax, src/inputs/list.ts), the Buildx flags it
 * becomes, and its role:
 *
 * - `fingerprint`: it changes what is built or pushed, so it is part of the
 *   build fingerprint (a build with other values is another build);
 * - `output`: it says where the result goes, not what it is (`load`, `outputs`);
 * - `none`: neither — caches (`cache-from`, `cache-to`) and secrets/SSH, on
 *   which BuildKit does not key its own cache either.
 *
 * Validation (readBuildOptions), action.yml's descriptions (checked by a unit
 * test), the Buildx command line (buildOptionFlags) and the fingerprint
 * (fingerprintOptions) all come from this table. Inputs build-push-action has
 * that other modules read are listed in HANDLED_ELSEWHERE.
 */
import path from 'node:path';
import { parseSecretEnvs, parseSecretFiles, parseSecrets, secretFlags, type BuildSecret } from '../buildx/secrets.ts';
import { callFlagValue } from '../buildx/build-checks.ts';
import { planOutputs, type OutputPlan } from '../buildx/output-flags.ts';
import { UserError } from '../common/errors.ts';
import { inputList, ListSyntaxError, type ListOptions } from './list.ts';
import { parseBuildArgs, withSourceDateEpoch, type BuildArg } from './action-inputs.ts';

export type Role = 'fingerprint' | 'output' | 'none';

export interface ReadContext {
  workspace: string;
  env: NodeJS.ProcessEnv;
}

export interface FlagContext {
  /** A private folder, removed when the step ends, for secret values written to files. */
  secretsDir: string;
}

/** What the fingerprint needs from outside: hashes of local build contexts, digests of images. */
export interface FingerprintResolver {
  contextHash(dir: string): Promise<string>;
  imageDigest(ref: string): Promise<string>;
}

interface Row<T> {
  description: string;
  role: Role;
  /** Read without trimming the input's blanks (build-push-action's `trimWhitespace: false`). */
  untrimmed?: boolean;
  read(raw: string, ctx: ReadContext, name: string): T;
  flags(value: T, all: BuildOptions, ctx: FlagContext): string[];
  /** The value's part of the fingerprint; undefined leaves it out (an unset input changes no fingerprint). */
  fingerprint?(value: T, resolve: FingerprintResolver): unknown;
}

const row = <T>(r: Row<T>): Row<T> => r;

/** A list input; `what` names one item, for errors. */
function list(options: ListOptions = {}) {
  return (raw: string, _ctx: ReadContext, name: string): string[] => {
    try {
      return inputList(raw, options);
    } catch (error) {
      throw new UserError(`${name}: ${(error as ListSyntaxError).message}`, { input: name });
    }
  };
}

const text = (raw: string): string => raw;
const each = (flag: string) => (items: string[]) => items.flatMap((item) => [flag, item]);
const single = (flag: string) => (value: string) => (value ? [flag, value] : []);
const nonEmpty = <T>(value: T[] | string | boolean): T[] | string | boolean | undefined =>
  (Array.isArray(value) ? value.length > 0 : value !== '' && value !== false) ? value : undefined;

/** The YAML 1.2 core-schema booleans, as @actions/core's getBooleanInput reads them. */
function bool(raw: string, _ctx: ReadContext, name: string): boolean {
  if (raw === '') return false;
  if (['true', 'True', 'TRUE'].includes(raw)) return true;
  if (['false', 'False', 'FALSE'].includes(raw)) return false;
  throw new UserError(`${name}: "${raw}" is not a boolean; use "true" or "false"`, { input: name });
}

export interface BuildContext {
  name: string;
  /** As given, a local path made absolute. */
  value: string;
  kind: 'local' | 'image' | 'other';
}

/** `name=value`: a local folder, `docker-image://ref`, `target:stage`, `oci-layout://…` or a URL. */
function readBuildContexts(raw: string, ctx: ReadContext, name: string): BuildContext[] {
  return list({ ignoreComma: true })(raw, ctx, name).map((item) => {
    const eq = item.indexOf('=');
    const contextName = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (eq <= 0 || !value) throw new UserError(`build-contexts: "${item}" is not name=value (e.g. lib=../lib, base=docker-image://alpine:3)`, { input: name });
    if (value.startsWith('docker-image://')) return { name: contextName, value, kind: 'image' };
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.startsWith('target:') || value.startsWith('git@')) return { name: contextName, value, kind: 'other' };
    return { name: contextName, value: path.resolve(ctx.workspace, value), kind: 'local' };
  });
}

/** A cache entry of `cache-from`/`cache-to`, by its `type=` (Buildx's default is `registry`). */
export interface CacheEntry {
  type: string;
  spec: string;
}

function readCacheEntries(raw: string, ctx: ReadContext, name: string): CacheEntry[] {
  return list({ ignoreComma: true })(raw, ctx, name).map((spec) => {
    const type = /(?:^|,)\s*type=([^,]+)/.exec(spec)?.[1]?.trim() ?? (spec.includes('=') ? 'registry' : 'registry');
    return { type, spec: spec.includes('=') ? spec : `type=registry,ref=${spec}` };
  });
}

/** `provenance`: '' (unset), `false`, or attributes (`true` is `builder-id=<run URL>`), as build-push-action resolves them. */
function readProvenance(raw: string, ctx: ReadContext): string {
  if (raw === '') return '';
  if (['false', 'False', 'FALSE'].includes(raw)) return 'false';
  const builderId = `builder-id=${runUrl(ctx.env)}`;
  if (['true', 'True', 'TRUE'].includes(raw)) return builderId;
  return /(?:^|,)\s*builder-id=/.test(raw) ? raw : `${raw},${builderId}`;
}

/** `attests`: a provenance entry without a builder-id gets the run URL, as build-push-action adds it. */
function readAttests(raw: string, ctx: ReadContext, name: string): string[] {
  return list({ ignoreComma: true })(raw, ctx, name).map((attest) =>
    hasType(attest, 'provenance') && !/(?:^|,)\s*builder-id=/.test(attest) ? `${attest},builder-id=${runUrl(ctx.env)}` : attest,
  );
}

/** The fingerprint part of attests: the user's words, not the run URL added to them. */
function attestsFingerprint(attests: string[]): string[] | undefined {
  return attests.length ? attests.map(withoutBuilderId) : undefined;
}

const withoutBuilderId = (attrs: string): string => attrs.replace(/,?\s*builder-id=[^,]*/, '');

function runUrl(env: NodeJS.ProcessEnv): string {
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  return `${server}/${env.GITHUB_REPOSITORY ?? ''}/actions/runs/${env.GITHUB_RUN_ID ?? ''}/attempts/${env.GITHUB_RUN_ATTEMPT || '1'}`;
}

/** Attestation attributes with a bare boolean made `disabled=…`, as Buildx reads `--attest`. */
function attestAttrs(attrs: string): string {
  return attrs
    .split(',')
    .map((field) => field.trim())
    .filter(Boolean)
    .map((field) => (/^(true|false|1|0|t|f)$/i.test(field) ? `disabled=${!/^(true|1|t)$/i.test(field)}` : field))
    .join(',');
}

const hasType = (attrs: string, type: string) => new RegExp(`(?:^|,)\\s*type=${type}\\s*(?:,|$)`).test(attrs);

/** provenance, sbom and attests together, with build-push-action's precedence; no attestation unless asked for. */
function attestFlags(all: BuildOptions): string[] {
  const flags: string[] = [];
  const provenance = all.provenance;
  if (provenance) flags.push('--attest', attestAttrs(`type=provenance,${provenance}`));
  if (all.sbom) flags.push('--attest', attestAttrs(`type=sbom,${all.sbom}`));
  for (const attest of all.attests) {
    if (hasType(attest, 'provenance') && provenance) continue;
    if (hasType(attest, 'sbom') && all.sbom) continue;
    flags.push('--attest', attestAttrs(attest));
  }
  // Buildx adds a provenance attestation by default; this project does not (a plain manifest, a stable digest).
  if (!provenance && !all.attests.some((attest) => hasType(attest, 'provenance'))) flags.unshift('--provenance=false');
  return flags;
}

/** The fingerprint part of provenance: the user's words, not the run URL added to them. */
function provenanceFingerprint(value: string): string | undefined {
  return value ? withoutBuilderId(value) || 'true' : undefined;
}

export const BUILD_INPUTS = {
  'add-hosts': row({ description: 'Extra hosts for RUN steps, `host:ip`, comma-separated or one a line (`--add-host`).', role: 'fingerprint', read: list(), flags: each('--add-host'), fingerprint: nonEmpty }),
  allow: row({ description: 'Extra privileges for RUN steps, e.g. `network.host`, `security.insecure` (`--allow`).', role: 'fingerprint', read: list(), flags: each('--allow'), fingerprint: nonEmpty }),
  // metadata-action and build-push-action both have `annotations`: the metadata (src/tags/) turns the entries into
  // level-prefixed annotations, which reach Buildx as BuildRequest.annotations; here they count in the fingerprint.
  annotations: row({ description: "Extra annotations for the pushed manifest, one `key=value` a line, as metadata-action's `annotations`. The OCI annotations are always added, at the levels of DOCKER_METADATA_ANNOTATIONS_LEVELS (default `manifest`); Buildx gets them as `--annotation`. With `merge-digests` the entries go on the index. Part of the fingerprint.", role: 'fingerprint', read: list({ ignoreComma: true }), flags: () => [], fingerprint: nonEmpty }),
  attests: row({ description: 'Attestations, one a line (`type=sbom,generator=…`; `--attest`). `provenance` and `sbom` take precedence over entries of their type.', role: 'fingerprint', read: readAttests, flags: () => [], fingerprint: attestsFingerprint }),
  'build-args': row<BuildArg[]>({ description: 'Build arguments, one `NAME=value` a line; a bare `NAME` takes its value from the environment.', role: 'fingerprint', read: (raw, ctx) => withSourceDateEpoch(parseBuildArgs(raw, ctx.env), ctx.env), flags: (args) => args.flatMap((arg) => ['--build-arg', `${arg.name}=${arg.value}`]) }),
  'build-contexts': row({
    description: 'Additional build contexts, one `name=value` a line: a folder (`lib=../lib`), `docker-image://ref`, `target:stage`, `oci-layout://path` or a URL (`--build-context`). A folder counts in the fingerprint by its context hash, an image by its digest.',
    role: 'fingerprint',
    read: readBuildContexts,
    flags: (contexts) => contexts.flatMap((c) => ['--build-context', `${c.name}=${c.value}`]),
    fingerprint: async (contexts, resolve) => {
      if (contexts.length === 0) return undefined;
      const parts = await Promise.all(
        contexts.map(async (c) => [c.name, c.kind === 'local' ? await resolve.contextHash(c.value) : c.kind === 'image' ? `${c.value}@${await resolve.imageDigest(c.value.slice('docker-image://'.length))}` : c.value]),
      );
      return parts.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    },
  }),
  'cache-from': row({ description: 'Extra cache sources, one a line (`--cache-from`). `type=gha` is served by the managed cache; `type=registry`, `type=local` pass through.', role: 'none', read: readCacheEntries, flags: (entries) => entries.filter((e) => e.type !== 'gha').flatMap((e) => ['--cache-from', e.spec]) }),
  'cache-to': row({ description: 'Extra cache targets, one a line (`--cache-to`). `type=gha` is saved by the managed cache (no second upload); `type=registry`, `type=local`, `type=inline` pass through.', role: 'none', read: readCacheEntries, flags: (entries) => entries.filter((e) => e.type !== 'gha').flatMap((e) => ['--cache-to', e.spec]) }),
  call: row({ description: 'Evaluate the build with this method instead of building, e.g. `check` (BuildKit build checks; needs Buildx 0.15). Each finding becomes a warning on its Dockerfile line.', role: 'fingerprint', read: text, flags: (value) => (value ? ['--call', callFlagValue(value)] : []), fingerprint: nonEmpty }),
  'cgroup-parent': row({ description: 'Parent cgroup of the RUN steps (`--cgroup-parent`).', role: 'fingerprint', read: text, flags: single('--cgroup-parent'), fingerprint: nonEmpty }),
  load: row({ description: 'Leave the image in the local Docker engine (`--load`), also when the build is skipped (the existing image is pulled).', role: 'output', read: bool, flags: () => [] }),
  network: row({ description: 'Network mode of the RUN steps (`--network`: `default`, `none`, `host`).', role: 'fingerprint', read: text, flags: single('--network'), fingerprint: nonEmpty }),
  'no-cache': row({ description: 'Build every step again, using no cache (`--no-cache`); the build is not skipped when unchanged.', role: 'fingerprint', read: bool, flags: (value) => (value ? ['--no-cache'] : []), fingerprint: nonEmpty }),
  'no-cache-filters': row({ description: 'Stages to build without cache, comma-separated or one a line (`--no-cache-filter`).', role: 'fingerprint', read: list(), flags: each('--no-cache-filter'), fingerprint: nonEmpty }),
  outputs: row<OutputPlan>({
    description: 'Outputs, one a line (`--output`): `type=image,name=…,push-by-digest=true,name-canonical=true,push=true` pushes without tags (then merge with `merge-digests`), `type=docker`, `type=oci,dest=…`, `type=local,dest=…`, `type=tar,dest=…`. Replaces the push of the tags.',
    role: 'output',
    read: (raw, ctx, name) => planOutputs(list({ ignoreComma: true, quote: false })(raw, ctx, name)),
    flags: () => [], // the pipeline knows the driver: see outputFlags
  }),
  platforms: row<string[]>({ description: 'Target platforms, comma-separated (`linux/amd64,linux/arm64`).', role: 'fingerprint', read: (raw, ctx, name) => platforms(list()(raw, ctx, name)), flags: (values) => (values.length ? ['--platform', values.join(',')] : []) }),
  provenance: row({ description: 'Provenance attestation: `false`, `true`, or attributes (`mode=min`, `mode=max`). Default: none (a plain image manifest).', role: 'fingerprint', read: readProvenance, flags: (_value, all) => attestFlags(all), fingerprint: provenanceFingerprint }),
  pull: row({ description: 'Always pull a newer version of the base images (`--pull`).', role: 'fingerprint', read: bool, flags: (value) => (value ? ['--pull'] : []), fingerprint: nonEmpty }),
  sbom: row({ description: 'SBOM attestation: `true`, `false`, or attributes (`generator=…`). Default: none.', role: 'fingerprint', read: text, flags: () => [], fingerprint: nonEmpty }),
  secrets: row<BuildSecret[]>({ description: 'Build secrets, one `KEY=value` a line (written to a private file), or `id=KEY,src=path` / `id=KEY,env=VAR`. Masked; never on a command line. Not in the fingerprint: BuildKit does not key its cache on secrets.', role: 'none', untrimmed: true, read: (raw, ctx, name) => parseSecrets(list({ ignoreComma: true, trimWhitespace: false })(raw, ctx, name), ctx.workspace), flags: (s, _all, ctx) => secretFlags(s, ctx.secretsDir) }),
  'secret-envs': row<BuildSecret[]>({ description: 'Build secrets from environment variables, `KEY=ENV_NAME`, comma-separated or one a line.', role: 'none', read: (raw, ctx, name) => parseSecretEnvs(list()(raw, ctx, name)), flags: (s, _all, ctx) => secretFlags(s, ctx.secretsDir) }),
  'secret-files': row<BuildSecret[]>({ description: 'Build secrets from files, one `KEY=path` a line.', role: 'none', read: (raw, ctx, name) => parseSecretFiles(list({ ignoreComma: true })(raw, ctx, name), ctx.workspace), flags: (s, _all, ctx) => secretFlags(s, ctx.secretsDir) }),
  'shm-size': row({ description: 'Size of /dev/shm in RUN steps, e.g. `2g` (`--shm-size`).', role: 'fingerprint', read: text, flags: single('--shm-size'), fingerprint: nonEmpty }),
  ssh: row({ description: 'SSH agent sockets or keys for RUN steps, `default` or `id=path`, comma-separated or one a line (`--ssh`). Not in the fingerprint.', role: 'none', read: list(), flags: each('--ssh') }),
  target: row<string | undefined>({ description: 'Build stage to stop at.', role: 'fingerprint', read: (raw) => raw || undefined, flags: (value) => (value ? ['--target', value] : []) }),
  ulimit: row({ description: 'Ulimits of RUN steps, one a line (`nofile=1024:1024`; `--ulimit`).', role: 'fingerprint', read: list({ ignoreComma: true }), flags: each('--ulimit'), fingerprint: nonEmpty }),
};

export type BuildInputName = keyof typeof BUILD_INPUTS;
type Parsed<R> = R extends Row<infer T> ? T : never;
export type BuildOptions = { [K in BuildInputName]: Parsed<(typeof BUILD_INPUTS)[K]> };

/**
 * build-push-action inputs read by other modules: the context and Dockerfile
 * (inputs.ts), tags and labels (tags/, the metadata-action language), push
 * (main.ts: `auto` also), the builder (builders.ts), the token (git-context.ts).
 */
export const HANDLED_ELSEWHERE = ['builder', 'context', 'file', 'github-token', 'labels', 'push', 'tags'] as const;

/** The build outputs of build-push-action v6 (`digest`, `imageid`, `metadata`) are set by main.ts. */
export const BUILD_OUTPUTS = ['digest', 'imageid', 'metadata'] as const;

export function readBuildOptions(get: ((name: string) => string) & { raw?: (name: string) => string }, ctx: ReadContext): BuildOptions {
  const options = {} as Record<string, unknown>;
  for (const [name, input] of Object.entries(BUILD_INPUTS) as [BuildInputName, Row<unknown>][]) {
    options[name] = input.read(input.untrimmed && get.raw ? get.raw(name) : get(name), ctx, name);
  }
  return options as BuildOptions;
}

/** The Buildx flags of every row, in table order. */
export function buildOptionFlags(options: BuildOptions, ctx: FlagContext): string[] {
  return (Object.entries(BUILD_INPUTS) as [BuildInputName, Row<unknown>][]).flatMap(([name, input]) => input.flags(options[name], options, ctx));
}

/** The fingerprint parts of the rows that take part and are set, by input name. */
export async function fingerprintOptions(options: BuildOptions, resolve: FingerprintResolver): Promise<Record<string, unknown>> {
  const parts: Record<string, unknown> = {};
  for (const [name, input] of Object.entries(BUILD_INPUTS) as [BuildInputName, Row<unknown>][]) {
    if (input.role !== 'fingerprint' || !input.fingerprint) continue;
    const part = await input.fingerprint(options[name], resolve);
    if (part !== undefined) parts[name] = part;
  }
  return parts;
}

/** All build options unset, as when no input is given. */
export function defaultBuildOptions(overrides: Partial<BuildOptions> = {}): BuildOptions {
  return { ...readBuildOptions(() => '', { workspace: process.cwd(), env: {} }), ...overrides };
}

/** `os/arch[/variant]`, as BuildKit names platforms (`linux/amd64`, `linux/arm/v7`). */
function platforms(items: string[]): string[] {
  const known = /^(linux|windows|darwin|freebsd)\/(amd64|386|arm64|arm|ppc64le|s390x|riscv64|mips64le|loong64)(\/v[5-8])?$/;
  for (const item of items) {
    if (!known.test(item)) throw new UserError(`platforms: "${item}" is not a platform; use os/arch[/variant], e.g. linux/amd64, linux/arm64, linux/arm/v7`, { input: 'platforms' });
  }
  return items;
}
