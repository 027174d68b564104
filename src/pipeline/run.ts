/**
 * The build pipeline shared by the action and the CLI: hash the inputs, look
 * for an image that already has this fingerprint, restore the layer cache,
 * build, save. The edges (main.ts, cli.ts) turn its result into outputs.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { loadedImageId, type BuildRequest, type BuildResult, type BuildStep } from '../buildx/build-command.ts';
import { buildOrExplain, checkTarget, explainPartialPush, isNamingRace } from '../buildx/build-errors.ts';
import { buildOptionFlags, fingerprintOptions, type BuildOptions } from '../inputs/build-inputs.ts';
import { evaluatesOnly, parseCheckOutput, parseMetadataWarnings, type CheckFinding } from '../buildx/build-checks.ts';
import { outputFlags } from '../buildx/output-flags.ts';
import { pushLayoutByDigest } from '../registry/push-layout.ts';
import { cacheKeys, exportableCacheFlags, inlineCachePlan, openCache as openCacheSession, SETUP_BUILDX_HINT, type CacheHit, type CacheSession, type CacheStore, type CacheTraffic, type ExportPlan } from '../cache/index.ts';
import { builderCapabilities, describeBuilder, envForContext } from '../buildx/builder-capabilities.ts';
import { builderForCache } from '../buildx/own-builder.ts';
import { readContextManifest, type ContextManifest } from '../context/manifest.ts';
import { checkDocker } from '../buildx/docker.ts';
import { registriesOf, type Credentials } from '../buildx/credentials.ts';
import { createDockerConfig } from '../buildx/docker-config.ts';
import { baseImagesFor, readDockerfile, type DockerfileModel } from '../buildx/dockerfile.ts';
import { computeFingerprint, FINGERPRINT_LABEL } from './fingerprint.ts';
import type { CacheMode } from '../inputs/action-inputs.ts';
import type { PipelineLog } from '../common/log.ts';
import { buildPlatform, targetPlatforms } from '../buildx/platforms.ts';
import { Promoter, type CandidateReads, type ImageLayer } from './promoter.ts';
import { builderText, cacheTravel, existingImages, explainMiss, logMiss, newRecord, notSavedReason, type MissExplanation } from './cache-outcome.ts';
import { manifestAnnotations } from './relabel.ts';
import { loadReused, noticeManagedCache, reuseExisting } from './reuse.ts';

export type { PipelineLog } from '../common/log.ts';

export interface PipelineSettings {
  context: string;
  file: string;
  /** Paths in messages and annotations are shown relative to this folder. */
  workspace: string;
  /** Every build input of the table (src/inputs/build-inputs.ts), read and checked: one value, not a field each. */
  build: BuildOptions;
  /** Full image references to produce. */
  tags: string[];
  labels: Record<string, string>;
  /** metadata-action's `level:key=value` annotations for the pushed manifest/index. */
  annotations?: string[];
  /** The tags are pushed (with `outputs`, only when an image output pushes them). */
  push: boolean;
  cache: CacheMode;
  cacheMode: 'min' | 'max';
  cacheKeyPrefix: string;
  cacheScope: string;
  store?: CacheStore;
  /**
   * `cache-backend: registry`: BuildKit's registry cache at this tagged reference,
   * with our record beside it (`<tag>-record`); used instead of `store`.
   */
  registryCache?: { ref: string };
  skipUnchanged: boolean;
  /**
   * `reuse-mode`: `relabel` (the default) gives a reused image this run's labels and manifest
   * annotations (a new config and manifest over the same layers); `same-digest` keeps it as built.
   */
  reuseMode?: 'relabel' | 'same-digest';
  /**
   * No builder was named: when the current one cannot export a cache, image-build may make
   * its own (own-builder.ts); `onOwnBuilder` hears of one it made, for the post step to remove.
   */
  ownBuilder?: boolean;
  onOwnBuilder?: (name: string) => void;
  /** Extra references that may hold an image of this fingerprint (the commit's sha tag, the default branch's tag). */
  lookupRefs: string[];
  builder?: string;
  dryRun: boolean;
  /** Per-registry credentials (the step's logins over the job's Docker config). */
  logins: Credentials;
  /** A folder that lives for the step (RUNNER_TEMP); the cache path under it must be the same on every run. */
  tempDir: string;
  /**
   * A private folder for a Docker config holding `logins`, removed when the
   * step ends; undefined keeps the user's own Docker config (the CLI).
   */
  secretsDir?: string;
  env: NodeJS.ProcessEnv;
}

export type { MissExplanation } from './cache-outcome.ts';

export interface Timings {
  hash: number;
  lookup: number;
  restore: number;
  build: number;
  save: number;
  total: number;
}

export interface PipelineResult {
  dockerfile: DockerfileModel;
  manifest: ContextManifest;
  contextHash: string;
  dockerfileHash: string;
  fingerprint?: string;
  cacheKey: string;
  restoreKeys: string[];
  cacheHit: CacheHit;
  restoredKey?: string;
  cacheBytes?: number;
  /** Bytes and requests to and from the cache service, when the store counts them. */
  cacheTraffic?: CacheTraffic;
  cacheSaved: boolean;
  /** How the cache reached the build (and left it): served, local, registry, inline. */
  cacheTravel?: string;
  /** Why a build saved no cache, when it saved none. */
  cacheNotSaved?: string;
  /** The builder that built, in words (name, driver, image store). */
  builder?: string;
  built: boolean;
  /** The reference an unchanged build's image was found under. */
  reusedFrom?: string;
  /** Of the tags a reused image was given, those that pointed at it already. */
  alreadyTagged?: string[];
  /** The platforms asked for (none: the builder's own). */
  platforms?: string[];
  digest?: string;
  imageId?: string;
  /** Buildx's metadata file of the build (build-push-action's `metadata` output); none when nothing was built. */
  buildxMetadata?: Record<string, unknown>;
  steps: BuildStep[];
  /** The pushed image's layers, bottom first. */
  layers?: ImageLayer[];
  changes?: MissExplanation;
  /** BuildKit build-check findings (`call: check`, or warnings the build reported). */
  checks?: CheckFinding[];
  /** Requests sent to registries (lookups, retags), for the summary. */
  registryRequests: number;
  /** Blobs a reused image needed copied to another registry (none within one registry). */
  copiedBlobs?: { blobs: number; bytes: number };
  timings: Timings;
}

export async function runPipeline(settings: PipelineSettings, log: PipelineLog): Promise<PipelineResult> {
  const started = Date.now();
  const timings: Timings = { hash: 0, lookup: 0, restore: 0, build: 0, save: 0, total: 0 };
  const displayFile = path.relative(settings.workspace, settings.file) || settings.file;

  let phase = Date.now();
  const build = settings.build;
  const dockerfile = readDockerfile(settings.file, build['build-args'], displayFile);
  checkTarget(build.target, dockerfile);
  const manifest = await readContextManifest(settings.context, settings.file);
  timings.hash = seconds(phase);
  const keys = cacheKeys({
    prefix: settings.cacheKeyPrefix,
    os: (settings.env.RUNNER_OS ?? process.platform).toLowerCase(),
    arch: (settings.env.RUNNER_ARCH ?? process.arch).toLowerCase(),
    scope: settings.cacheScope,
    dockerfileHash: dockerfile.hash,
    contextHash: manifest.hash,
    platforms: settings.build.platforms,
  });
  const result: PipelineResult = {
    dockerfile,
    manifest,
    contextHash: manifest.hash,
    dockerfileHash: dockerfile.hash,
    cacheKey: keys.key,
    restoreKeys: keys.restoreKeys,
    cacheHit: (settings.store || settings.registryCache) && settings.cache !== 'false' ? 'miss' : 'disabled',
    cacheSaved: false,
    built: false,
    steps: [],
    checks: [],
    registryRequests: 0,
    platforms: settings.build.platforms,
    timings,
  };
  if (settings.dryRun) return finish(result, started);
  noticeManagedCache(settings, log);

  const dockerConfig = settings.secretsDir ? createDockerConfig(settings.secretsDir, await settings.logins.loginsFor(registriesOf([...settings.tags, ...pulledBaseImages(dockerfile, settings).map((use) => use.ref), ...(settings.registryCache ? [settings.registryCache.ref] : [])]))) : undefined;
  const workDir = await fs.mkdtemp(path.join(settings.tempDir, 'image-build-run-'));
  let cache: CacheSession | undefined;
  try {
    const env = dockerConfig ? { ...settings.env, DOCKER_CONFIG: dockerConfig.dir } : settings.env;
    const promoter = new Promoter(settings.logins, log);
    const registryRefs = settings.push ? settings.tags : [];
    const byDigest = build.outputs.byDigest;

    // Docker is checked alongside the lookup: a build then starts without waiting for it, and a
    // reused image, which needs no Docker, never waits.
    const described = checkDocker(settings.env, settings.builder).then((inspect) => describeBuilder(inspect, settings.builder));
    const capabilities = described.then((info) => builderCapabilities(settings.env, info));
    capabilities.catch(() => {}); // awaited below; a rejection before then is not unhandled

    // Whether an existing image may stand in for this build is known before its fingerprint is: when it may,
    // the candidates are read while the base images resolve (their labels are compared once the fingerprint is in).
    const mayReuse = settings.skipUnchanged && (settings.push || byDigest.length > 0) && !build['no-cache'] && !build.call;
    const platform = build.platforms.length === 1 ? build.platforms[0] : undefined;
    const firstCandidates = [...registryRefs, ...settings.lookupRefs];
    phase = Date.now();
    const readAhead = mayReuse ? promoter.readCandidates(firstCandidates, platform) : undefined;
    const [, bases, options] = await Promise.all([
      registryRefs.length || byDigest.length ? promoter.checkAccess([...registryRefs, ...byDigest]) : undefined,
      promoter.resolveBaseImages(pulledBaseImages(dockerfile, settings)),
      fingerprintOptions(build, {
        contextHash: async (dir) => (await readContextManifest(dir)).hash,
        imageDigest: (ref) => promoter.client.resolveDigest(ref),
      }),
    ]);
    if (bases) {
      result.fingerprint = computeFingerprint({
        contextHash: manifest.hash,
        dockerfileHash: dockerfile.hash,
        buildArgs: build['build-args'],
        target: build.target,
        platforms: build.platforms,
        baseImages: bases,
        options,
      });
    }
    // `no-cache` asks for every step to run; `call` evaluates the build instead of producing an image.
    const canReuse = mayReuse && result.fingerprint !== undefined;
    const wanted = settings.reuseMode === 'same-digest' ? undefined : { labels: { ...settings.labels, [FINGERPRINT_LABEL]: result.fingerprint! }, annotations: manifestAnnotations(settings.annotations ?? []) };
    const reuse = (candidates: string[], reads?: CandidateReads) => reuseExisting(result, promoter, candidates, registryRefs, { platform, reads, wanted });
    if (canReuse && (await reuse(firstCandidates, readAhead))) {
      timings.lookup = seconds(phase);
      await loadReused(result, settings, env, log);
      return finish(result, started, promoter);
    }
    timings.lookup = seconds(phase);

    // A build it is: how the engine can best read the cache is found out while the cache restores.
    cache = openCache(settings, promoter, log);
    const session = cache;
    // A current builder that cannot export a cache gives way to image-build's own (own-builder.ts), where it may.
    let ownBuilderWhy: string | undefined;
    const mayMakeOwn = settings.ownBuilder === true && !!cache && !evaluatesOnly(build.call);
    const builderReady = capabilities
      .then((caps) => builderForCache(caps, { mayMakeOwn, env, log, onOwnBuilder: settings.onOwnBuilder }))
      .then(async (chosen) => {
        ownBuilderWhy = chosen.ownWhy;
        await session?.prepareEngine?.(envForContext(env, chosen.builder.context), chosen.builder);
        return chosen.builder;
      });
    builderReady.catch(() => {});
    if (cache) {
      phase = Date.now();
      const restored = await cache.restore(keys);
      Object.assign(result, { cacheHit: restored.hit, restoredKey: restored.restoredKey });
      if (restored.record && restored.hit === 'partial') {
        result.changes = explainMiss(restored.record, result, settings.build.platforms);
        if (result.changes) logMiss(result.changes, log);
      }
      timings.restore = seconds(phase);
      result.cacheTraffic = cache.traffic?.();
      log.info(`Cache ${result.cacheHit}${result.restoredKey ? ` from ${result.restoredKey}` : ''} (${timings.restore.toFixed(1)} s)`);
      const record = restored.record;
      if (canReuse && record && record.fingerprint === result.fingerprint) {
        const recorded = record.images.map((image) => `${image.ref}@${image.digest}`);
        if (await reuse(recorded)) {
          await loadReused(result, settings, env, log);
          return finish(result, started, promoter);
        }
      }
    }

    // A builder that cannot export a cache (the docker driver on a classic engine, a stock hosted runner)
    // carries one inline in the pushed image instead, read back from the images the lookup names.
    const builder = await builderReady;
    result.builder = builderText(builder);
    const evaluates = evaluatesOnly(build.call);
    const inline = !builder.cacheExport && cache && !evaluates
      ? inlineCachePlan({ builder, push: settings.push, write: settings.cache === 'true', existing: await existingImages((ref) => promoter.digestOf(ref), [...registryRefs, ...settings.lookupRefs]), registryBackend: !!settings.registryCache, ownBuilderWhy })
      : undefined;
    if (inline) log.warning(inline.warning);
    // Reading an earlier image's inline cache is an older cache restored, as a key prefix match is.
    if (inline?.from.length && result.cacheHit === 'miss') result.cacheHit = 'partial';
    const plan: ExportPlan = {
      exportCache: (result.cacheHit === 'partial' || result.cacheHit === 'miss') && builder.cacheExport && !evaluates,
      write: settings.cache === 'true',
      push: settings.push,
      mode: settings.cacheMode,
    };
    // A local import waits here for the whole restore: that wait is the restore's, not the build's.
    phase = Date.now();
    const specs = (await cache?.specs(plan)) ?? { from: [], to: [] };
    timings.restore += seconds(phase);
    if (inline) Object.assign(specs, { from: [...specs.from, ...inline.from], to: [...specs.to, ...inline.to] });
    result.cacheTravel = cacheTravel(specs.from, inline, !!settings.registryCache);
    const secretsDir = settings.secretsDir ?? (await fs.mkdtemp(path.join(workDir, 'secrets-')));
    const optionFlags = exportableCacheFlags(buildOptionFlags(build, { secretsDir }), builder);
    if (optionFlags.dropped.length) log.warning(`cache-to ${optionFlags.dropped.map((spec) => `"${spec}"`).join(', ')} left out: ${builder.reason}. ${SETUP_BUILDX_HINT}`);
    phase = Date.now();
    const labels = result.fingerprint ? { ...settings.labels, [FINGERPRINT_LABEL]: result.fingerprint } : settings.labels;
    const layoutDir = path.join(workDir, 'by-digest');
    const outputs = outputFlags(build.outputs, { dockerDriver: builder.driver === 'docker', layoutDir });
    const request: BuildRequest = {
      context: settings.context,
      dockerfile: settings.file,
      tags: settings.tags,
      labels,
      // As build-push-action: the annotations go to whatever the outputs are (an image, a tarball, the engine).
      annotations: settings.annotations,
      options: optionFlags.flags,
      push: settings.push,
      // On the docker driver a pushed image is kept in the engine's store already: a second (docker) exporter
      // for the same name races it ("image already exists").
      load: build.load && !(builder.driver === 'docker' && (settings.push || build.outputs.pushesTags)),
      outputs: outputs.flags,
      cacheFrom: specs.from,
      cacheTo: specs.to,
      // A Docker context's own builder is reached by selecting that context, not by --builder.
      builder: builder.context ? undefined : builder.own ? builder.name : settings.builder,
      metadataFile: path.join(workDir, 'metadata.json'),
      evaluates,
    };
    const hooks = { env: envForContext(env, builder.context), log: (line: string) => log.info(line) };
    const buildGroup = (buildRequest: BuildRequest) => log.group('Build', () => buildOrExplain(dockerfile, buildRequest, hooks)).catch(async (error: unknown) => {
      // Two builds of the same image on one engine at once (two jobs of a self-hosted runner) race to
      // name it in the engine's image store; the loser fails with "already exists". Once more is cached.
      if (!isNamingRace(error)) throw error;
      log.info('Another build named the same image at the same moment; building once more (from the engine cache).');
      return log.group('Build', () => buildOrExplain(dockerfile, buildRequest, hooks));
    });
    const fingerprint = result.fingerprint;
    const holdsThisBuild = fingerprint ? async (tag: string) => !!(await promoter.findByFingerprint([tag], fingerprint)) : undefined;
    const failed = (error: unknown) => explainPartialPush(error, registryRefs, holdsThisBuild);
    let built: BuildResult;
    try {
      built = await buildGroup(request);
    } catch (error) {
      // Cache layers that never arrived from the cache service fail the build that needed them: once more without them.
      // Awaited here, inside the try: a rejection left pending across the awaits in finally would go unhandled.
      if (!(await cache?.afterBuild?.(false))) return await failed(error);
      log.warning('The build needed cache layers that did not arrive from the cache service; building again with the part of the cache that did.');
      built = await buildGroup({ ...request, cacheFrom: (await cache!.specs(plan)).from }).catch(failed);
    }
    await cache?.afterBuild?.(true);
    if (cache) result.cacheTraffic = cache.traffic?.() ?? result.cacheTraffic;
    timings.build = seconds(phase);
    result.checks = [...parseCheckOutput(evaluates ? (built.stdout ?? '') : ''), ...parseMetadataWarnings(built.warnings)];
    if (evaluates) {
      Object.assign(result, { steps: built.steps });
      return finish(result, started, promoter);
    }
    Object.assign(result, { built: true, digest: built.digest, imageId: built.imageId, buildxMetadata: built.metadata, steps: built.steps });
    // A builder's docker exporter (`load` on a docker-container builder) reports no config digest: the engine knows the ID.
    if (!result.imageId && request.load) result.imageId = (await loadedImageId(hooks.env, settings.tags[0])) ?? built.digest;
    if (outputs.pushLayout) {
      // The docker driver cannot push by digest: its OCI layout is pushed here, untagged.
      for (const repository of byDigest) result.digest = (await pushLayoutByDigest(promoter.client, layoutDir, repository)).digest;
    }
    // A classic image store pushes a manifest of its own making, whose digest the build's metadata does not know.
    const classicStore = builder.driver === 'docker' && !builder.cacheExport;
    if (settings.push && (built.digest === undefined || classicStore)) result.digest = await promoter.digestOf(settings.tags[0]!);
    const pushedRef = settings.push ? settings.tags[0] : byDigest[0];
    // Layer sizes are for the summary only (never fail a pushed build over them): read while the cache saves.
    const layers = pushedRef && result.digest ? promoter.layersOf(pushedRef, result.digest).catch(() => undefined) : undefined;
    if (inline?.saves) result.cacheSaved = true;
    if (cache && plan.exportCache) {
      phase = Date.now();
      const refs = [...(settings.push ? settings.tags : []), ...build.outputs.byDigest];
      const saved = await cache.save(plan, newRecord({ ...result, key: keys.key, platforms: build.platforms, refs }), built.steps);
      Object.assign(result, { cacheSaved: saved.saved, cacheBytes: saved.bytes, cacheTraffic: cache.traffic?.(), cacheNotSaved: saved.reason });
      timings.save = seconds(phase);
    }
    if (!result.cacheSaved) result.cacheNotSaved ??= notSavedReason({ settings, result, inline, plan });
    result.layers = await layers;
    return finish(result, started, promoter);
  } finally {
    await cache?.close?.();
    dockerConfig?.remove();
    await fs.rm(workDir, { recursive: true, force: true });
  }
}

/** The base images each requested platform's build pulls (the builder's own platform when none is requested). */
function pulledBaseImages(dockerfile: DockerfileModel, settings: PipelineSettings) {
  const build = buildPlatform(settings.env);
  return baseImagesFor(dockerfile, targetPlatforms(settings.build.platforms, build), build);
}

/** The run's cache, or undefined when caching is off. */
function openCache(settings: PipelineSettings, promoter: Promoter, log: PipelineLog): CacheSession | undefined {
  const warn = (message: string) => log.warning(message);
  if (settings.cache === 'false') return openCacheSession({ kind: 'off' });
  if (settings.registryCache) return openCacheSession({ kind: 'registry', client: promoter.client, ref: settings.registryCache.ref, warn });
  if (!settings.store) return openCacheSession({ kind: 'off' });
  return openCacheSession({ kind: 'folder', store: settings.store, tempDir: settings.tempDir, scope: settings.cacheScope, warn, info: (message) => log.info(message) });
}

function finish(result: PipelineResult, started: number, promoter?: Promoter): PipelineResult {
  if (promoter) result.registryRequests = promoter.client.requestCount();
  if (promoter?.copied.blobs) result.copiedBlobs = { ...promoter.copied };
  result.timings.total = seconds(started);
  return result;
}

function seconds(since: number): number {
  return (Date.now() - since) / 1000;
}
