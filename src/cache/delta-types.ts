/**
 * The delta store's shapes (delta-store.ts): its options and what it counts
 * for the summary, on their own so that the store, its restore half and the
 * summary share them without importing one another.
 */

/**
 * What the store moved, for the job summary. Bytes are the payload: the sizes
 * of the files restored or saved (layer blobs are already compressed, so the
 * zstd tar archives that travel are within a few percent of it). Requests are
 * cache service operations: a lookup, a download, a reservation, an upload, a
 * finalization (the Azure SDK splits transfers over 128 MiB into more HTTP
 * requests). Down is everything restore does, up everything save does.
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

export interface DeltaStoreOptions {
  /** A folder whose path is the same on every run (RUNNER_TEMP). */
  tempRoot: string;
  warn: (message: string) => void;
  info?: (message: string) => void;
  /** First part of the pack keys (the `cache-key-prefix` input). */
  keyPrefix?: string;
  /** Packs restored or saved at once. */
  concurrency?: number;
  /**
   * When a staged restore fetches its packs: `up-front` (all of them at once,
   * the default) or `on-demand` (each the first time the engine asks for one of
   * its blobs; the packs it never asks for are not downloaded, and the next
   * index references them again).
   */
  fetchPacks?: 'up-front' | 'on-demand';
  /**
   * How new blobs are grouped: `digest` (digest order; a blob of half the target
   * or more alone, the default) or `chains` (by what a build reads together:
   * base layers, the image's chains, the rest; packs.ts, planChainPacks).
   */
  packing?: 'digest' | 'chains';
  /** Small blobs are packed together up to this size; blobs of half of it or more travel alone. */
  packTargetBytes?: number;
  /** New layer blobs up to this size travel inside the index entry (0: none do)... */
  inlineBlobBytes?: number;
  /** ...up to this many bytes in all. */
  inlineBudgetBytes?: number;
  /**
   * With `packing: 'chains'`, a base layer (a chain's root) up to this size travels
   * in the index entry on every save (0, the default: never). Every build that runs
   * reads it first: it then arrives with the index instead of as a pack of its own
   * (two requests) before the first step can start, for the price of uploading it
   * with each index.
   */
  inlineRootBytes?: number;
  timeouts?: { restore: number; save: number };
}
