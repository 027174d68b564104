/**
 * The build phase: the cache's way in and out for this builder (served, a folder, a
 * registry image, or inline in the pushed image where the builder cannot export one),
 * the Buildx request, and its two retry rules:
 *   - two builds of one image on one engine race to name it ("already exists"): once more,
 *     from the engine's cache;
 *   - cache layers that never arrived from the cache service fail the build that needed
 *     them: once more, with the part of the cache that did arrive.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { evaluatesOnly, parseCheckOutput, parseMetadataWarnings, type CheckFinding } from '../buildx/build-checks.ts';
import { loadedImageId, type BuildRequest, type BuildResult, type BuildStep } from '../buildx/build-command.ts';
import { buildOrExplain, explainPartialPush, isNamingRace } from '../buildx/build-errors.ts';
import { envForContext, type BuilderCapabilities } from '../buildx/builder-capabilities.ts';
import { outputFlags } from '../buildx/output-flags.ts';
import { exportableCacheFlags, inlineCachePlan, SETUP_BUILDX_HINT, type CacheHit, type CacheSession, type CacheTraffic, type ExportPlan, type InlinePlan } from '../cache/index.ts';
import type { PipelineLog } from '../common/log.ts';
import { buildOptionFlags } from '../inputs/build-inputs.ts';
import { pushLayoutByDigest } from '../registry/push-layout.ts';
import { cacheTravel, existingImages } from './cache-outcome.ts';
import { FINGERPRINT_LABEL } from './fingerprint.ts';
import type { Prepared } from './prepare.ts';
import type { ImageLayer, Promoter } from './promoter.ts';
import type { RunFolder } from './run-folder.ts';
import type { PipelineSettings } from './types.ts';

/** What the build reads: the groups of the settings it uses, and what the earlier phases found. */
export interface BuildContext extends Pick<PipelineSettings, 'source' | 'build' | 'image' | 'cache' | 'host'> {
  prepared: Prepared;
  fingerprint?: string;
  builder: BuilderCapabilities;
  /** Why image-build did not make a builder of its own where it might have. */
  ownWhy?: string;
  session?: CacheSession;
  /** The restore's outcome so far. */
  hit: CacheHit;
  promoter: Promoter;
  folder: RunFolder;
  log: PipelineLog;
}

export interface Built {
  /** `call` evaluated the build (a check, the outline): no image. */
  evaluates: boolean;
  steps: BuildStep[];
  checks: CheckFinding[];
  digest?: string;
  imageId?: string;
  buildxMetadata?: Record<string, unknown>;
  /** The cache outcome as the build saw it: reading an earlier image's inline cache is a partial hit. */
  hit: CacheHit;
  cacheTravel: string;
  plan: ExportPlan;
  inline?: InlinePlan;
  /** Seconds the build waited for the whole restore (a local import): the restore's time, not the build's. */
  restoreWait: number;
  /** Seconds of the build itself. */
  seconds: number;
  /** The cache service's traffic so far, when the store counts it. */
  traffic?: CacheTraffic;
  /** The pushed image's layers, read while the cache saves (for the summary only). */
  layers?: Promise<ImageLayer[] | undefined>;
}

export async function buildImage(context: BuildContext): Promise<Built> {
  const { source, build, image, cache, host, prepared, builder, session, promoter, folder, log } = context;
  const registryRefs = image.push ? image.tags : [];
  const evaluates = evaluatesOnly(build.call);
  // A builder that cannot export a cache (the docker driver on a classic engine, a stock hosted runner)
  // carries one inline in the pushed image instead, read back from the images the lookup names.
  const inline = !builder.cacheExport && session && !evaluates
    ? inlineCachePlan({
        builder,
        push: image.push,
        write: cache.mode === 'true',
        existing: await existingImages((ref) => promoter.digestOf(ref), [...registryRefs, ...image.lookupRefs]),
        registryBackend: cache.kind === 'registry',
        ownBuilderWhy: context.ownWhy,
      })
    : undefined;
  if (inline) log.warning(inline.warning);
  // Reading an earlier image's inline cache is an older cache restored, as a key prefix match is.
  const hit = inline?.from.length && context.hit === 'miss' ? 'partial' : context.hit;
  const plan: ExportPlan = {
    exportCache: (hit === 'partial' || hit === 'miss') && builder.cacheExport && !evaluates,
    write: cache.mode === 'true',
    push: image.push,
    mode: cache.exportMode,
  };
  // A local import waits here for the whole restore: that wait is the restore's, not the build's.
  const waitStarted = Date.now();
  const specs = (await session?.specs(plan)) ?? { from: [], to: [] };
  const restoreWait = (Date.now() - waitStarted) / 1000;
  const cacheFrom = [...specs.from, ...(inline?.from ?? [])];
  const secretsDir = host.secretsDir ?? (await fs.mkdtemp(path.join(folder.workDir, 'secrets-')));
  const optionFlags = exportableCacheFlags(buildOptionFlags(build, { secretsDir }), builder);
  if (optionFlags.dropped.length) log.warning(`cache-to ${optionFlags.dropped.map((spec) => `"${spec}"`).join(', ')} left out: ${builder.reason}. ${SETUP_BUILDX_HINT}`);

  const started = Date.now();
  const layoutDir = path.join(folder.workDir, 'by-digest');
  const outputs = outputFlags(build.outputs, { dockerDriver: builder.driver === 'docker', layoutDir });
  const request: BuildRequest = {
    context: source.context,
    dockerfile: source.file,
    tags: image.tags,
    labels: context.fingerprint ? { ...image.labels, [FINGERPRINT_LABEL]: context.fingerprint } : image.labels,
    // As build-push-action: the annotations go to whatever the outputs are (an image, a tarball, the engine).
    annotations: image.annotations,
    options: optionFlags.flags,
    push: image.push,
    // On the docker driver a pushed image is kept in the engine's store already: a second (docker) exporter
    // for the same name races it ("image already exists").
    load: build.load && !(builder.driver === 'docker' && (image.push || build.outputs.pushesTags)),
    outputs: outputs.flags,
    cacheFrom,
    cacheTo: [...specs.to, ...(inline?.to ?? [])],
    // A Docker context's own builder is reached by selecting that context, not by --builder.
    builder: builder.context ? undefined : builder.own ? builder.name : host.builder,
    metadataFile: path.join(folder.workDir, 'metadata.json'),
    evaluates,
  };
  const hooks = { env: envForContext(folder.env, builder.context), log: (line: string) => log.info(line) };
  const runBuild = (buildRequest: BuildRequest) =>
    log.group('Build', () => buildOrExplain(prepared.dockerfile, buildRequest, hooks)).catch(async (error: unknown) => {
      if (!isNamingRace(error)) throw error;
      log.info('Another build named the same image at the same moment; building once more (from the engine cache).');
      return log.group('Build', () => buildOrExplain(prepared.dockerfile, buildRequest, hooks));
    });
  const fingerprint = context.fingerprint;
  const holdsThisBuild = fingerprint ? async (tag: string) => !!(await promoter.findByFingerprint([tag], fingerprint)) : undefined;
  const failed = (error: unknown) => explainPartialPush(error, registryRefs, holdsThisBuild);
  let built: BuildResult;
  try {
    built = await runBuild(request);
  } catch (error) {
    // Awaited here, inside the catch: a rejection left pending across later awaits would go unhandled.
    if (!(await session?.afterBuild?.(false))) return await failed(error);
    log.warning('The build needed cache layers that did not arrive from the cache service; building again with the part of the cache that did.');
    built = await runBuild({ ...request, cacheFrom: (await session!.specs(plan)).from }).catch(failed);
  }
  await session?.afterBuild?.(true);
  const seconds = (Date.now() - started) / 1000;
  const checks = [...parseCheckOutput(evaluates ? (built.stdout ?? '') : ''), ...parseMetadataWarnings(built.warnings)];
  const travel = cacheTravel(cacheFrom, inline, cache.kind === 'registry');
  const outcome = { evaluates, steps: built.steps, checks, hit, cacheTravel: travel, plan, inline, restoreWait, seconds, traffic: session?.traffic?.() };
  if (evaluates) return outcome;

  // A builder's docker exporter (`load` on a docker-container builder) reports no config digest: the engine knows the ID.
  const imageId = !built.imageId && request.load ? ((await loadedImageId(hooks.env, image.tags[0])) ?? built.digest) : built.imageId;
  let digest = built.digest;
  // The docker driver cannot push by digest: its OCI layout is pushed here, untagged.
  if (outputs.pushLayout) for (const repository of build.outputs.byDigest) digest = (await pushLayoutByDigest(promoter.client, layoutDir, repository)).digest;
  // A classic image store pushes a manifest of its own making, whose digest the build's metadata does not know.
  const classicStore = builder.driver === 'docker' && !builder.cacheExport;
  if (image.push && (built.digest === undefined || classicStore)) digest = await promoter.digestOf(image.tags[0]!);
  const pushedRef = image.push ? image.tags[0] : build.outputs.byDigest[0];
  // Layer sizes are for the summary only: never fail a pushed build over them.
  const layers = pushedRef && digest ? promoter.layersOf(pushedRef, digest).catch(() => undefined) : undefined;
  return { ...outcome, digest, imageId, buildxMetadata: built.metadata, layers };
}
