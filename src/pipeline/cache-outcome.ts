/**
 * What became of the cache in a run, in words for the log, the summary and the
 * outputs: why a partial hit missed, how the cache travelled, and why nothing was
 * saved when nothing was.
 */
import type { BuilderCapabilities } from '../buildx/builder-capabilities.ts';
import type { CacheRecord, ExportPlan, InlinePlan } from '../cache/index.ts';
import { deserializeManifest, diffManifests, explainManifestDiff, serializeManifest, type ContextManifest } from '../context/manifest.ts';
import type { PipelineLog } from '../common/log.ts';
import { restoredPlatformsLine } from '../buildx/platforms.ts';
import type { CacheSettings, MissExplanation } from './types.ts';

export type { MissExplanation } from './types.ts';


/** What explainMiss compares: this run's context manifest and Dockerfile hash. */
interface ThisRun {
  manifest: ContextManifest;
  dockerfileHash: string;
}

export function explainMiss(record: CacheRecord, result: ThisRun, platforms: string[]): MissExplanation | undefined {
  if (!record.manifest) return undefined;
  let previous: ContextManifest;
  try {
    previous = deserializeManifest(Buffer.from(record.manifest, 'base64'));
  } catch {
    return undefined;
  }
  const diff = diffManifests(previous, result.manifest);
  // An entry from before records kept platforms says nothing about them.
  const restoredPlatforms = record.platforms;
  const samePlatforms = !restoredPlatforms || [...restoredPlatforms].sort().join(',') === [...platforms].sort().join(',');
  return { ...diff, dockerfileChanged: record.dockerfileHash !== result.dockerfileHash, ...(samePlatforms ? {} : { restoredPlatforms }) };
}

export function logMiss(changes: MissExplanation, log: PipelineLog): void {
  log.info('Why the cache missed:');
  if (changes.dockerfileChanged) log.info('  the Dockerfile changed');
  const platforms = restoredPlatformsLine(changes.restoredPlatforms);
  if (platforms) log.info(`  ${platforms}`);
  for (const line of explainManifestDiff(changes)) log.info(`  ${line}`);
}

/** The candidates the registry has now (an inline cache is read from them); a failed look counts as absent. */
export async function existingImages(digestOf: (ref: string) => Promise<string | undefined>, refs: string[]): Promise<string[]> {
  const unique = [...new Set(refs)];
  const found = await Promise.all(unique.map((ref) => digestOf(ref).catch(() => undefined)));
  return unique.filter((_, index) => found[index] !== undefined);
}

export function builderText(builder: BuilderCapabilities): string {
  const store = builder.driver === 'docker' ? (builder.cacheExport ? ', containerd image store' : ', classic image store') : '';
  return `${builder.name} (${builder.driver} driver${store})`;
}

/** How the cache reaches the build, in words for the log and the summary. */
export function cacheTravel(from: string[], inline: InlinePlan | undefined, registryBackend: boolean): string {
  if (inline) return inline.saves ? 'inline in the pushed image' : 'inline, read only';
  if (registryBackend) return 'a cache image in the registry';
  if (from.some((spec) => /^type=registry,ref=[^,]*\/image-build-cache-[0-9a-f]+:/.test(spec))) return 'served over HTTP while it downloads';
  return from.length ? 'a local folder, read after the whole restore' : 'a local folder';
}

export interface SaveFacts {
  cache: Pick<CacheSettings, 'kind' | 'mode'>;
  push: boolean;
  result: { cacheHit: string; built: boolean };
  inline?: InlinePlan;
  plan: ExportPlan;
}

/** Why a build saved no cache. */
export function notSavedReason({ cache, push, result, inline, plan }: SaveFacts): string {
  if (cache.mode === 'false') return 'the cache is off (cache: false)';
  if (cache.mode === 'read-only') return 'the cache is read-only (cache: read-only)';
  if (inline) return 'the builder cannot export a cache, and an inline cache travels only in a pushed image';
  if (result.cacheHit === 'exact') return 'the cache holds this build already (exact hit)';
  if (!plan.exportCache) return 'this build exported no cache';
  if (cache.kind === 'registry' && !push) return 'a registry cache is written only when the image is pushed';
  return 'the save did not complete (see the warning above)';
}

/** What is kept beside the cache: enough to skip the next identical build and to explain the next miss. */
export function newRecord(run: ThisRun & { key: string; fingerprint?: string; contextHash: string; digest?: string; platforms: string[]; refs: string[] }): CacheRecord {
  return {
    version: 1,
    key: run.key,
    fingerprint: run.fingerprint ?? '',
    contextHash: run.contextHash,
    dockerfileHash: run.dockerfileHash,
    platforms: run.platforms,
    images: run.digest ? run.refs.map((ref) => ({ ref, digest: run.digest! })) : [],
    manifest: serializeManifest(run.manifest).toString('base64'),
    createdAt: new Date().toISOString(),
  };
}
