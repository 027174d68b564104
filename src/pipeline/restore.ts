/**
 * The cache's two ends in a run: the session opened for the cache settings, the restore
 * (with why a partial hit missed), and the save of what the build exported, with a
 * reason whenever nothing was saved.
 */
import type { BuildStep } from '../buildx/build-command.ts';
import { openCache as openCacheSession, type CacheHit, type CacheKeys, type CacheRecord, type CacheSession, type CacheTraffic, type ExportPlan, type InlinePlan } from '../cache/index.ts';
import type { PipelineLog } from '../common/log.ts';
import { explainMiss, logMiss, notSavedReason, type MissExplanation } from './cache-outcome.ts';
import type { Prepared } from './prepare.ts';
import type { Promoter } from './promoter.ts';
import type { CacheSettings } from './types.ts';

/** The run's cache session, or undefined when caching is off. */
export function openCache(cache: CacheSettings, tempDir: string, promoter: Promoter, log: PipelineLog): CacheSession | undefined {
  const warn = (message: string) => log.warning(message);
  if (cache.kind === 'registry') return openCacheSession({ kind: 'registry', client: promoter.client, ref: cache.ref, warn });
  if (cache.kind === 'folder') return openCacheSession({ kind: 'folder', store: cache.store, tempDir, scope: cache.scope, warn, info: (message) => log.info(message) });
  return undefined;
}

export interface Restore {
  hit: CacheHit;
  restoredKey?: string;
  record?: CacheRecord;
  changes?: MissExplanation;
  traffic?: CacheTraffic;
}

export async function restoreCache(session: CacheSession, keys: CacheKeys, prepared: Prepared, platforms: string[], log: PipelineLog): Promise<Restore> {
  const started = Date.now();
  const restored = await session.restore(keys);
  const changes = restored.record && restored.hit === 'partial' ? explainMiss(restored.record, { manifest: prepared.manifest, dockerfileHash: prepared.dockerfile.hash }, platforms) : undefined;
  if (changes) logMiss(changes, log);
  log.info(`Cache ${restored.hit}${restored.restoredKey ? ` from ${restored.restoredKey}` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return { hit: restored.hit, restoredKey: restored.restoredKey, record: restored.record, changes, traffic: session.traffic?.() };
}

export interface Save {
  saved: boolean;
  bytes?: number;
  traffic?: CacheTraffic;
  /** Why nothing was saved, when nothing was. */
  notSaved?: string;
}

/** What the build exported, saved for the next run (an inline cache went with the pushed image already). */
export async function saveCache(
  session: CacheSession | undefined,
  facts: { cache: CacheSettings; push: boolean; hit: CacheHit; plan: ExportPlan; inline?: InlinePlan; record: CacheRecord; steps: BuildStep[] },
): Promise<Save> {
  const { cache, push, hit, plan, inline } = facts;
  const unsaved = (reason?: string): Save => ({ saved: false, notSaved: reason ?? notSavedReason({ cache, push, result: { cacheHit: hit, built: true }, inline, plan }) });
  if (inline?.saves) return { saved: true };
  if (!session || !plan.exportCache) return unsaved();
  const saved = await session.save(plan, facts.record, facts.steps);
  const traffic = session.traffic?.();
  return saved.saved ? { saved: true, bytes: saved.bytes, traffic } : { ...unsaved(saved.reason), bytes: saved.bytes, traffic };
}
