/**
 * The shapes the cache's parts share: what a store is, what a restore that
 * arrives in stages offers, what a run's cache session does, and what the
 * Actions cache store counts for the summary. They live apart from the code
 * that implements them, so that the stores, the restore half and the session
 * share them without importing one another.
 */
import type { BuildStep } from '../buildx/build-command.ts';
import type { BuilderInfo } from '../buildx/builder-capabilities.ts';
import type { GrowingBlob } from './arrivals.ts';
import type { CacheHit, CacheKeys } from './keys.ts';
import type { CacheRecord } from './record.ts';

export type Warn = (message: string) => void;

/**
 * What the Actions cache store moved, for the job summary. Bytes are the
 * payload: the sizes of the files restored or saved (layer blobs are already
 * compressed, so the zstd tar archives that travel are within a few percent of
 * it). Requests are cache service operations: a lookup, a download, a
 * reservation, an upload, a finalization (the Azure SDK splits transfers over
 * 128 MiB into more HTTP requests). Down is everything restore does, up
 * everything save does.
 */
export interface CacheTraffic {
  bytesDown: number;
  bytesUp: number;
  requestsDown: number;
  requestsUp: number;
  /** Layer blobs the saved index references in packs that were already in the cache service. */
  blobsReused: number;
  /** Blobs saved: layers in new packs, and the metadata blobs of the index entry. */
  blobsUploaded: number;
  /** Blobs restored and verified: layers from packs, and the metadata blobs of the index entry. */
  blobsDownloaded: number;
}

/** Where cache entries live. Cache trouble never fails a build: every error becomes a warning and the build goes on without cache. */
export interface CacheStore {
  readonly name: string;
  /** Fills `dir` with the best entry; the key it came from, or undefined on a miss. */
  restore(dir: string, key: string, restoreKeys: string[]): Promise<string | undefined>;
  /** Like restore, but returns once the entry's index is in `dir`, its layer blobs still arriving (stores that can). */
  restoreStaged?(dir: string, key: string, restoreKeys: string[]): Promise<StagedRestore | undefined>;
  /** Saves `dir` under `key`; false when the store did not take it. */
  save(dir: string, key: string): Promise<boolean>;
  /** Why the last save did not store the entry, when the store knows (for the summary). */
  notSavedReason?(): string | undefined;
  /** What the store moved to and from the cache service so far (stores that count it). */
  traffic?(): CacheTraffic;
}

/**
 * A restore whose layer blobs may still be arriving when the build starts: an
 * engine that reads the folder over HTTP (layout-server.ts) waits for each one.
 */
export interface StagedRestore {
  /** The key the entry came from. */
  readonly key: string;
  /** True once the layer blob is in the folder, false if it will not come; undefined when nothing is awaited for it. */
  waitFor(digest: string): Promise<boolean> | undefined;
  /** After `waitFor`: the blob while it streams in, or undefined once it has settled (or for a store that does not stream). */
  readable?(digest: string): Promise<GrowingBlob | undefined>;
  /** Settles when every blob asked for is in place or lost: true when some were lost. */
  readonly settled: Promise<boolean>;
  /**
   * Before a build whose engine reads the folder over HTTP (waitFor): puts an
   * empty file of the right size where each blob not fetched yet goes, so that
   * the engine's cache export into the folder skips it instead of reading it.
   * finish removes those that never arrived.
   */
  standIn?(): Promise<void>;
  /**
   * After `settled`: with `prune` (no build has used the folder yet) a layout
   * missing layers becomes a partial cache; without, the trouble is only
   * reported. The key, or undefined when no usable cache is left.
   */
  finish(prune: boolean): Promise<string | undefined>;
}

export interface Restored {
  hit: CacheHit;
  restoredKey?: string;
  record?: CacheRecord;
}

export interface ExportPlan {
  /** The build exports a cache (a miss or partial hit, on a builder that can). */
  exportCache: boolean;
  /** Saving is wanted (`cache: true`, not read-only). */
  write: boolean;
  push: boolean;
  mode: 'min' | 'max';
}

export interface Saved {
  saved: boolean;
  bytes?: number;
  /** Why nothing was saved, when the store knows (the summary's "not saved: …"). */
  reason?: string;
}

/** One run's view of the layer cache, whatever the backend (session.ts). */
export interface CacheSession {
  restore(keys: CacheKeys): Promise<Restored>;
  /** Buildx `--cache-from` and `--cache-to` specs for this build. */
  specs(plan: ExportPlan): Promise<{ from: string[]; to: string[] }>;
  /**
   * After the build: true when it should run again, because layers it needed
   * never arrived (the cache is pruned to what did); the specs then change.
   */
  afterBuild?(succeeded: boolean): Promise<boolean>;
  /** Stores what the build exported, with the record; a failure is a warning. */
  save(plan: ExportPlan, record: CacheRecord, steps: BuildStep[]): Promise<Saved>;
  /** Bytes and requests to and from the cache service, when the backend counts them. */
  traffic?(): CacheTraffic | undefined;
  /** Chooses how the builder's engine reads the cache (runs while the cache restores). */
  prepareEngine?(env: NodeJS.ProcessEnv, builder: BuilderInfo): Promise<void>;
  /** Ends what the session keeps running for the build. */
  close?(): Promise<void>;
}
