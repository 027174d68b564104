/**
 * The action's edge: reads the runner's environment, runs the pipeline,
 * writes outputs and the job summary. Errors the user can fix become one
 * `::error` annotation and a non-zero exit, without a stack trace.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { adviseDockerfile, type Advice } from '../report/advice.ts';
import { dockerfileSteps } from '../buildx/build-command.ts';
import { childrenStopped, watchCancellation, type Cancellation } from '../common/cancel.ts';
import { cacheScope, deltaCacheStore, localCacheStore, registryCacheRef, type CacheStore } from '../cache/index.ts';
import { Credentials, registryOfAuthKey, runCredentialHelper, type RegistryLogin } from '../buildx/credentials.ts';
import { stopChildrenOn } from '../common/process.ts';
import { defaultDockerConfigDir, removeDockerConfig, SECRETS_STATE } from '../buildx/docker-config.ts';
import { isUserError, messageOf, UserError } from '../common/errors.ts';
import { fetchRepositoryInfo, gitContextFromEnv, resolveCommitDate, metadataSwitchesFromEnv, needsRepositoryInfo, type GitContext } from '../github/git-context.ts';
import { readBuildOptions, type BuildOptions } from '../inputs/build-inputs.ts';
import { secretValues } from '../buildx/secrets.ts';
import { readInputs, inputsFromEnv, type Inputs } from '../inputs/action-inputs.ts';
import type { PipelineLog } from '../common/log.ts';
import { runMerge } from './merge-step.ts';
import { OWN_BUILDER_STATE } from '../buildx/own-builder.ts';
import { runPipeline } from '../pipeline/run.ts';
import { resolveSettings } from '../pipeline/settings.ts';
import type { PipelineResult } from '../pipeline/types.ts';
import { parseReference } from '../registry/reference.ts';
import { bakeDefinitions, checkAnnotationLevels, metadataActionOutputs, outputEnvName } from '../github/metadata-outputs.ts';
import { plainText, renderSummary, verdict } from '../report/summary.ts';
import { computeMetadata, IMAGE_BUILD_DEFAULT_TAGS, type Metadata } from '../tags/index.ts';
import { splitTagsInput } from '../tags/references.ts';

/**
 * Runs the step. A cancel (cancel.ts) ends it at once: the Docker processes are
 * stopped, the private Docker config removed, and the work in flight abandoned
 * (the entry point exits without waiting for it).
 */
export async function run(env: NodeJS.ProcessEnv = process.env, cancellation: Cancellation = watchCancellation()): Promise<void> {
  const secretsDir = path.join(env.RUNNER_TEMP || os.tmpdir(), `image-build-secrets-${crypto.randomBytes(6).toString('hex')}`);
  stopChildrenOn(cancellation.signal);
  try {
    await cancellation.race(runStep(env, secretsDir));
  } catch (error) {
    report(error);
  } finally {
    removeDockerConfig(secretsDir);
    if (cancellation.signal.aborted) {
      await childrenStopped();
      // The abandoned work may have written the config meanwhile: gone again before the exit.
      removeDockerConfig(secretsDir);
    }
    stopChildrenOn(undefined);
    cancellation.dispose();
  }
}

async function runStep(env: NodeJS.ProcessEnv, secretsDir: string): Promise<void> {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const get = inputsFromEnv(env);
  const inputs = readInputs(get, workspace, env);
  for (const secret of [inputs.password, inputs.githubToken, ...inputs.logins.map((login) => login.password)]) if (secret) core.setSecret(secret);
  const build = readBuildOptions(get, { workspace, env });
  for (const secret of secretValues(build.secrets)) core.setSecret(secret);

  const git = gitContextFromEnv(env);
  const switches = metadataSwitchesFromEnv(env);
  const [repo, commitDate] = await Promise.all([
    needsRepositoryInfo(git) ? fetchRepositoryInfo(env.GITHUB_API_URL ?? '', git.repository, inputs.githubToken, { warn: core.warning }) : undefined,
    resolveCommitDate(git, { workspace, apiUrl: env.GITHUB_API_URL ?? '', token: inputs.githubToken, warn: core.warning }),
  ]);
  git.commitDate = commitDate.date;
  const meta = computeMetadata(
    git,
    { images: inputs.images, tags: inputs.tags, flavor: inputs.flavor, labels: inputs.labels, annotations: inputs.annotations, repo },
    { shortShaLength: switches.shortShaLength, annotationLevels: switches.annotationsLevels },
  );
  for (const warning of meta.warnings) core.warning(warning);
  const refs = meta.pushRefs;
  // With `outputs`, the outputs say what is pushed: the tags only by an image output that pushes.
  const wantsPush = build.outputs.entries.length ? build.outputs.pushesTags : decidePush(inputs.push, git.eventName);
  const notPushed = wantsPush && refs.length === 0 && !inputs.mergeDigests.length ? nothingToPush(inputs, meta, git) : undefined;
  if (notPushed && inputs.push === 'true' && !build.outputs.entries.length) throw new UserError(`push is true, but ${notPushed}`, { input: 'push' });
  if (notPushed) core.notice(`Nothing pushed: ${notPushed}`);
  const push = wantsPush && refs.length > 0;
  const logins = registryCredentials(inputs, meta, env);
  if (inputs.mergeDigests.length) {
    // The step's own entries go on the index, beside the metadata's index-level ones.
    const annotations = [...meta.annotations, ...build.annotations];
    const merged = await runMerge({ digests: inputs.mergeDigests, tags: refs, annotations, logins, dryRun: inputs.dryRun, env }, actionLog);
    setOutputs(meta, merged.result, switches.setOutputEnv, inputs, env.RUNNER_TEMP || os.tmpdir());
    await core.summary.addRaw(merged.summary, true).write();
    return;
  }
  if (push && !inputs.dryRun) checkAnnotationLevels(meta.annotations, build.platforms);

  fs.mkdirSync(secretsDir, { recursive: true, mode: 0o700 });
  core.saveState(SECRETS_STATE, secretsDir);
  const tempDir = env.RUNNER_TEMP || os.tmpdir();
  const result = await runPipeline(
    resolveSettings({
      context: inputs.context,
      file: inputs.file,
      workspace,
      build,
      tags: refs,
      labels: meta.labels,
      annotations: meta.annotations,
      push,
      cache: inputs.cache,
      cacheMode: inputs.cacheMode,
      cacheKeyPrefix: inputs.cacheKeyPrefix,
      cacheScope: cacheScope(meta.repositories[0], path.relative(workspace, inputs.file)),
      store: inputs.cache === 'false' || inputs.cacheBackend === 'registry' ? undefined : cacheStore(inputs, tempDir),
      registryCacheRef: inputs.cache !== 'false' && inputs.cacheBackend === 'registry' ? registryCacheRef(inputs.cacheRef, meta.repositories[0]) : undefined,
      skipUnchanged: inputs.skipUnchanged,
      reuseMode: inputs.reuseMode,
      lookupRefs: lookupRefs(meta, git, build),
      builder: inputs.builder,
      mayMakeOwnBuilder: true,
      onOwnBuilder: (name) => core.saveState(OWN_BUILDER_STATE, name),
      dryRun: inputs.dryRun,
      logins,
      tempDir,
      secretsDir,
      env: { ...env },
    }),
    actionLog,
  );
  setOutputs(meta, result, switches.setOutputEnv, inputs, tempDir);
  const advice = inputs.advice ? layerAdvice(result) : [];
  for (const item of advice) core.notice(item.message, { title: 'Layer order', file: item.file, startLine: item.line });
  for (const check of result.checks ?? []) {
    // BuildKit names the Dockerfile by its base name: the annotation needs its path in the repository.
    const file = check.file && path.basename(check.file) === path.basename(result.dockerfile.path) ? result.dockerfile.path : check.file;
    core.warning(`${check.message}${check.url ? ` (${check.url})` : ''}`, { title: check.rule ? `Build check ${check.rule}` : 'Build check', file, startLine: check.line });
  }
  core.info(`Timings (s): ${Object.entries(result.timings).map(([phase, value]) => `${phase} ${value.toFixed(1)}`).join(', ')}`);
  const summary = { result, tags: meta.tags, pushed: push || build.outputs.byDigest.length > 0, notPushed, dryRun: inputs.dryRun, advice, commit: git.sha };
  // The summary's first lines in the log too, folded under the verdict: the log is where a failing job is read.
  const facts = verdict(summary);
  await core.group(`${facts.mark} ${plainText(facts.heading)}`, async () => {
    for (const line of [facts.image, facts.why]) if (line) core.info(plainText(line));
  });
  await core.summary.addRaw(renderSummary(summary), true).write();
}

/** Why a step that was to push has no reference to push to. */
function nothingToPush(inputs: Inputs, meta: Metadata, git: GitContext): string {
  if (meta.repositories.length === 0) {
    return 'there is no image to push to: "images" is empty and "tags" holds no full reference; set "images" (ghcr.io/org/app) or give "tags" as references (ghcr.io/org/app:1.0)';
  }
  const rules = splitTagsInput(inputs.tags).rules;
  const shown = rules.length ? rules.join('; ') : `the default rules, ${IMAGE_BUILD_DEFAULT_TAGS.join('; ')}`;
  return `the tag rules gave no tag on this ${git.eventName} event (${git.ref || 'no ref'}); rules: ${shown}`;
}

/** What the outputs are made of: a pipeline's result, or a merge's. */
type OutputResult = Pick<PipelineResult, 'digest' | 'imageId' | 'contextHash' | 'dockerfileHash' | 'fingerprint' | 'cacheKey' | 'cacheHit' | 'cacheSaved' | 'built' | 'buildxMetadata'>;

const actionLog: PipelineLog = {
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  group: (name, fn) => core.group(name, fn),
  notice: (message) => core.notice(message),
};

/** `auto`: push, except for pull requests (their code is not reviewed yet, and forks have no write token). */
export function decidePush(mode: Inputs['push'], eventName: string): boolean {
  if (mode === 'auto') return !['pull_request', 'pull_request_target'].includes(eventName);
  return mode === 'true';
}

/**
 * Credentials per registry, as the Docker CLI would find them (the job's
 * DOCKER_CONFIG or ~/.docker: login-action's logins, credential helpers), with
 * the step's own on top: `logins` lines, and `username`/`password` for `registry`
 * (or for every registry the images live on). The job's token is the last resort for ghcr.io.
 */
export function registryCredentials(inputs: Inputs, meta: Metadata, env: NodeJS.ProcessEnv): Credentials {
  const imageRegistries = [...new Set(meta.repositories.map((image: string) => parseReference(image, { input: 'images' }).registry))];
  const explicit: RegistryLogin[] = [];
  if (inputs.password) {
    if (!inputs.username) throw new UserError('"password" is set but "username" is not; set both', { input: 'username' });
    // `registry` as login-action takes it: `docker.io`, `index.docker.io`, `https://ghcr.io` all name one registry each.
    const registries = inputs.registry ? [registryOfAuthKey(inputs.registry)] : imageRegistries;
    explicit.push(...registries.map((registry) => ({ registry, username: inputs.username!, password: inputs.password! })));
  }
  explicit.push(...inputs.logins.filter((login) => !explicit.some((given) => given.registry === login.registry)));
  const fallback = inputs.githubToken ? [{ registry: 'ghcr.io', username: env.GITHUB_ACTOR || 'github-actions', password: inputs.githubToken }] : [];
  return new Credentials({
    configDir: defaultDockerConfigDir(env),
    explicit,
    fallback,
    runHelper: runCredentialHelper(env),
    onSecret: (secret) => core.setSecret(secret),
    warn: (message) => core.warning(message),
  });
}

/**
 * Where an image of the same fingerprint is likely to be: this commit's `sha-` tag, the default
 * branch's tag — of the images, and of the repositories pushed to by digest (a merged image's tags).
 */
function lookupRefs(meta: Metadata, git: GitContext, build: BuildOptions): string[] {
  const tags = [`sha-${git.sha.slice(0, 7)}`, ...(git.defaultBranch ? [git.defaultBranch.replace(/[^A-Za-z0-9_.-]/g, '-')] : [])];
  return [...new Set([...meta.repositories, ...build.outputs.byDigest])].flatMap((image) => tags.map((tag) => `${image}:${tag}`));
}

function cacheStore(inputs: Inputs, tempDir: string): CacheStore {
  if (inputs.cacheBackend === 'local') return localCacheStore(inputs.cacheDir!, core.warning);
  // Content-addressed over @actions/cache: only the layers new since the restored entry go up (issue 10),
  // and only the packs holding blobs the engine reads come down (its settings: src/cache/options.ts).
  return deltaCacheStore({ tempRoot: tempDir, warn: core.warning, info: core.info, keyPrefix: inputs.cacheKeyPrefix });
}

function layerAdvice(result: PipelineResult): Advice[] {
  const changes = result.changes;
  return adviseDockerfile(result.dockerfile, {
    contextFiles: result.manifest.entries.map((entry) => entry.path),
    ignoreFile: result.manifest.ignoreFile,
    steps: dockerfileSteps(result.steps),
    changedFiles: changes ? [...changes.changed, ...changes.added, ...changes.removed] : undefined,
  });
}

export function setOutputs(meta: Metadata, result: OutputResult, exportEnv: boolean, inputs: Inputs, tempDir: string): void {
  const metadataAction = [...metadataActionOutputs(meta, inputs.separators), ...writeBakeFiles(meta, inputs.bakeTarget, tempDir)];
  const outputs: Record<string, string> = {
    ...Object.fromEntries(metadataAction),
    digest: result.digest ?? '',
    imageid: result.imageId ?? '',
    'context-hash': result.contextHash,
    'dockerfile-hash': result.dockerfileHash,
    fingerprint: result.fingerprint ?? '',
    'cache-key': result.cacheKey,
    'cache-hit': result.cacheHit,
    'cache-saved': String(result.cacheSaved),
    built: String(result.built),
  };
  const { json: _json, ...plain } = outputs;
  outputs['outputs-json'] = JSON.stringify({ ...plain, tags: meta.tags, 'tag-names': meta.tagNames, labels: meta.labels, annotations: meta.annotations });
  outputs.metadata = buildMetadataOutput(result, meta);
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
  // metadata-action also exports its own outputs for later steps (DOCKER_METADATA_SET_OUTPUT_ENV=false turns that off).
  if (exportEnv) for (const [name, value] of metadataAction) core.exportVariable(outputEnvName(name), value);
}

/**
 * build-push-action's `metadata`: Buildx's metadata file, as Buildx wrote it. An image that
 * was reused rather than built gets the two keys a later step reads from it.
 */
function buildMetadataOutput(result: OutputResult, meta: Metadata): string {
  if (result.buildxMetadata) return JSON.stringify(result.buildxMetadata, null, 2);
  if (!result.digest) return '';
  return JSON.stringify({ 'containerimage.digest': result.digest, 'image.name': meta.pushRefs.join(',') }, null, 2);
}

/**
 * metadata-action's bake files, kept after the step (docker/bake-action reads them
 * later): `bake-file-tags`, `-labels`, `-annotations` and the combined `bake-file`.
 */
function writeBakeFiles(meta: Metadata, target: string, tempDir: string): Array<[string, string]> {
  const dir = fs.mkdtempSync(path.join(tempDir, 'image-build-bake-'));
  const definitions = bakeDefinitions(meta, target);
  const files: Array<[string, string, unknown]> = [
    ['bake-file-tags', 'tags', definitions.tags],
    ['bake-file-labels', 'labels', definitions.labels],
    ['bake-file-annotations', 'annotations', definitions.annotations],
    ['bake-file', 'tags-labels', definitions.tagsLabels],
  ];
  return files.map(([output, kind, definition]) => {
    const file = path.join(dir, `docker-metadata-action-bake-${kind}.json`);
    fs.writeFileSync(file, JSON.stringify(definition, null, 2));
    return [output, file];
  });
}

function report(error: unknown): void {
  process.exitCode = 1;
  if (isUserError(error)) core.error(error.message, { title: error.input ? `input ${error.input}` : undefined, file: error.file, startLine: error.line });
  else core.error(messageOf(error));
  if (core.isDebug() && error instanceof Error && error.stack) core.debug(error.stack);
}
