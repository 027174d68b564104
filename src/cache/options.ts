/**
 * The Actions cache store's settings, resolved in one place (as actions/toolkit's
 * cache package does with its upload and download options): the defaults are
 * the setup the action ships, a caller's values replace them, and the
 * environment overrides both for what a user may tune without a new release.
 *
 * The defaults: packs of up to 120 MiB (under @actions/cache's single-request
 * upload size, so the requests of a save grow with the bytes, not the layer
 * count), grouped by what a build reads together (packs.ts, planChainPacks) and
 * fetched the first time the engine asks for one of their blobs; small new
 * blobs, and a small base layer, ride in the index entry.
 */
import { MiB } from './delta-io.ts';
import { retryBudgetMs } from './retry-policy.ts';
import type { Warn } from './types.ts';

/** What a caller gives the store; everything but where it works and whom it tells is optional. */
export interface DeltaStoreOptions {
  /** A folder whose path is the same on every run (RUNNER_TEMP). */
  tempRoot: string;
  warn: Warn;
  info?: (message: string) => void;
  /** First part of the pack keys (the `cache-key-prefix` input). */
  keyPrefix?: string;
  /** Packs restored or saved at once. */
  concurrency?: number;
  /** New blobs are packed together up to this size. */
  packTargetBytes?: number;
  /** New layer blobs up to this size travel inside the index entry (0: none do)... */
  inlineBlobBytes?: number;
  /** ...up to this many bytes in all. */
  inlineBudgetBytes?: number;
  /**
   * A base layer (a chain's root) up to this size travels in the index entry on
   * every save (0: never). Every build reads it first: it then arrives with the
   * index instead of as a pack of its own (two requests) before the first step
   * can start, for the price of uploading it with each index.
   */
  inlineRootBytes?: number;
  /** How long one restore or save may take (IMAGE_BUILD_CACHE_TIMEOUT overrides it). */
  timeouts?: { restore: number; save: number };
}

/** Every setting, decided. */
export interface ResolvedDeltaOptions {
  tempRoot: string;
  warn: Warn;
  info: (message: string) => void;
  keyPrefix: string;
  concurrency: number;
  packTargetBytes: number;
  inlineBlobBytes: number;
  inlineBudgetBytes: number;
  inlineRootBytes: number;
  timeouts: { restore: number; save: number };
  /** Waiting one restore or save may spend on a throttled service (IMAGE_BUILD_CACHE_RETRY_BUDGET; retry-policy.ts). */
  retryBudgetMs: number;
}

/** The shipped setup. */
export const DELTA_DEFAULTS = {
  keyPrefix: 'image-build',
  concurrency: 4,
  packTargetBytes: 120 * MiB,
  inlineBlobBytes: 64 * 1024,
  inlineBudgetBytes: 256 * 1024,
  // A base layer of this size or less (busybox, distroless static) comes with the index.
  inlineRootBytes: 2 * MiB,
  timeouts: { restore: 5 * 60_000, save: 10 * 60_000 },
} as const;

export function resolveDeltaOptions(given: DeltaStoreOptions, env: NodeJS.ProcessEnv = process.env): ResolvedDeltaOptions {
  return {
    tempRoot: given.tempRoot,
    warn: given.warn,
    info: given.info ?? (() => {}),
    keyPrefix: given.keyPrefix ?? DELTA_DEFAULTS.keyPrefix,
    concurrency: Math.max(1, given.concurrency ?? DELTA_DEFAULTS.concurrency),
    packTargetBytes: Math.max(1, given.packTargetBytes ?? DELTA_DEFAULTS.packTargetBytes),
    inlineBlobBytes: Math.max(0, given.inlineBlobBytes ?? DELTA_DEFAULTS.inlineBlobBytes),
    inlineBudgetBytes: Math.max(0, given.inlineBudgetBytes ?? DELTA_DEFAULTS.inlineBudgetBytes),
    inlineRootBytes: Math.max(0, given.inlineRootBytes ?? DELTA_DEFAULTS.inlineRootBytes),
    timeouts: cacheTimeoutMs(env) ?? given.timeouts ?? { ...DELTA_DEFAULTS.timeouts },
    retryBudgetMs: retryBudgetMs(env),
  };
}

/**
 * How long one restore or save may take before the build goes on without it
 * (`IMAGE_BUILD_CACHE_TIMEOUT`, seconds); undefined when the variable does not
 * say. A cache service that hangs must not hang the job: @actions/cache puts no
 * time limit on its service calls.
 */
export function cacheTimeoutMs(env: NodeJS.ProcessEnv = process.env): { restore: number; save: number } | undefined {
  const seconds = Number(env.IMAGE_BUILD_CACHE_TIMEOUT);
  return Number.isFinite(seconds) && seconds > 0 ? { restore: seconds * 1000, save: seconds * 1000 } : undefined;
}
