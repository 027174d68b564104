/**
 * The layer cache, as the rest of image-build sees it: a store to keep entries
 * in (the Actions cache service, or a local folder), keys for a build, and
 * `openCache`, which gives a run its session (restore, the engine's
 * `--cache-from`/`--cache-to`, save). Everything else in this folder is how
 * that works, and stays here: callers import only this file (as
 * actions/toolkit's cache package keeps its internals under `internal/`).
 */
export { openCache, type CacheConfig } from './session.ts';
export { deltaCacheStore } from './delta-store.ts';
export { localCacheStore } from './local-store.ts';
export type { CacheSession, CacheStore, CacheTraffic, ExportPlan } from './types.ts';
export { cacheKeys, cacheScope, type CacheHit, type CacheKeys } from './keys.ts';
export type { CacheRecord } from './record.ts';
export { registryCacheRef } from './registry-backend.ts';
// A builder that cannot export a cache carries one inline in the image instead.
export { exportableCacheFlags, inlineCachePlan, SETUP_BUILDX_HINT, type InlinePlan } from './builder-fallback.ts';
