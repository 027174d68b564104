/**
 * A content-addressed layer cache over @actions/cache (issue 10): a one-file
 * change moves kilobytes, not the whole BuildKit cache.
 *
 * The folder it stores is BuildKit's local cache export, an OCI layout
 * (`index.json`, `blobs/sha256/<hex>`), plus image-build's record. It becomes:
 *
 * - **packs**: the layer blobs, each saved once. Blobs the cache service does
 *   not already hold are grouped by what a build reads together (packs.ts,
 *   planChainPacks) into packs of up to `packTargetBytes`. A pack is saved
 *   under `<keyPrefix>-blobs-<32 hex of sha256 over its sorted digests>` from the
 *   folder `<tempRoot>/image-build-delta/packs/<pack key>` (the same path string on
 *   every run, as @actions/cache versions entries by path).
 * - **the index entry**, under the build's own key, from the fixed folder
 *   `<tempRoot>/image-build-delta/index`: every top-level file of the export
 *   (index.json, oci-layout, image-build.json), the metadata blobs (cache
 *   manifest and cache config: small and new on every export), the small new
 *   layer blobs (`inlineBlobBytes` each, `inlineBudgetBytes` in all: a one-file
 *   change then saves one entry instead of a pack and an index), a small base
 *   layer (`inlineRootBytes`), and `packs.json`, which names the pack of every
 *   other layer blob.
 *
 * Settings: options.ts (the defaults are the shipped setup).
 *
 * Restore takes the best index entry (exact key, then the restore-key
 * prefixes, as @actions/cache does), then the packs of the image's own chain at
 * once and every other pack the first time the engine asks for one of its blobs
 * (`concurrency` at a time), and checks each blob's sha256 before moving it into
 * place. A pack that is gone (evicted) or holds a blob that does not match its
 * digest gives a warning and a partial cache: BuildKit fails a build whose
 * imported cache names a blob it cannot read, so the cache config is rewritten
 * without the missing layers and those stacked on them (oci-layout.ts,
 * pruneLayout); the steps below the gap stay cached. A corrupt pack, or one
 * the service lists but cannot serve, is never referenced again: its blobs are
 * uploaded afresh, under a fresh key, by the next save. An index key the service
 * will not reserve again (held by a cancelled save) or cannot serve is saved
 * under a suffix (keys.ts, nextKey; entry-save.ts).
 * `restoreStaged` returns as soon as the index is in place and lets the packs
 * arrive while the build runs (delta-restore.ts); the caller then decides when
 * to prune (session.ts).
 *
 * Save uploads only the layer blobs that no verified pack of the last restore
 * holds, then the new index entry. A restored pack is referenced again while at
 * least half of its bytes are still needed; below that, its needed blobs are
 * packed anew (when the export has them), so that restores do not drag along
 * ever more stale bytes.
 *
 * Like the other stores it never throws: cache trouble is a warning and a
 * build without (some of) the cache.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { messageOf } from '../common/errors.ts';
import { beginCacheOperation, CacheServiceError, loadActionsCache, unavailableReason, type ActionsCacheModule } from './actions-cache.ts';
import { isSameEntry, nextKey, nextKeyPrefix } from './keys.ts';
import { saveEntryFolder } from './entry-save.ts';
import { blobPath, layerChains, readLayout } from './oci-layout.ts';
import { plural } from '../common/units.ts';
import { clearFolder, exists, fileSize, folderBytes, formatMiB, hexOf, linkOrCopy, mapLimit, Session, TimedOut, topLevelFiles, withLock } from './delta-io.ts';
import { BlobArrivals } from './arrivals.ts';
import { restoreIndex, settleRestore, type IndexRestore, type PacksOutcome, type RestoreContext } from './delta-restore.ts';
import { resolveDeltaOptions, type DeltaStoreOptions } from './options.ts';
import { NO_CHAINS, PACKS_FILE, packKey, pickInline, planChainPacks, type PackInfo, type PacksFile, type PlannedPack } from './packs.ts';
import type { CacheStore, CacheTraffic, StagedRestore } from './types.ts';

export interface DeltaCacheStore extends CacheStore {
  traffic(): CacheTraffic;
}

export function deltaCacheStore(options: DeltaStoreOptions): DeltaCacheStore {
  const { warn, info, keyPrefix, concurrency, packTargetBytes, inlineBlobBytes, inlineBudgetBytes, inlineRootBytes, timeouts, retryBudgetMs } = resolveDeltaOptions(options);
  const root = path.join(path.resolve(options.tempRoot), 'image-build-delta');
  const indexDir = path.join(root, 'index');
  const packDir = (key: string) => path.join(root, 'packs', key);

  const traffic: CacheTraffic = { bytesDown: 0, bytesUp: 0, requestsDown: 0, requestsUp: 0, blobsReused: 0, blobsUploaded: 0, blobsDownloaded: 0 };
  /** Packs the last restore found whole and verified: the cache service holds them. */
  const knownPacks = new Map<string, PackInfo>();
  /** Packs not to be trusted again: found holding a blob that does not match its digest, or listed but not served. */
  const corruptPacks = new Set<string>();
  let restoredKey: string | undefined;
  /** Keys the service lists but could not serve in this run: their entry is saved again under a suffix (keys.ts, nextKey). */
  const unservable = new Set<string>();
  /** Why the last save did not store the build's entry, for the summary. */
  let notSaved: string | undefined;
  let actionsCache: ActionsCacheModule; // set by restore and save before anything else runs
  // After an operation that timed out the service is not trusted with another.
  let unresponsive = false;

  const restoreContext = (): RestoreContext => ({
    cache: actionsCache,
    traffic,
    knownPacks,
    corruptPacks,
    indexDir,
    packDir,
    concurrency,
    warn,
    info,
  });

  /** A restore that failed or timed out: a warning, an empty folder, no cache. */
  async function restoreFailed(error: unknown, dir: string): Promise<undefined> {
    knownPacks.clear();
    restoredKey = undefined;
    if (error instanceof TimedOut) {
      unresponsive = true;
      warn(`The Actions cache service did not finish the restore within ${timeouts.restore / 1000} s; building without cache.`);
    } else {
      warn(`Cache restore failed, building without cache: ${messageOf(error)}`);
    }
    await clearFolder(dir).catch(() => {});
    return undefined;
  }

  /**
   * After an index that was listed but not served: when it was the exact key,
   * that key is not saved to again (its entry is), and a copy saved under a
   * suffix by an earlier run is tried. Undefined when there is none.
   */
  async function restoreAgain(session: Session, dir: string, key: string, arrivals: BlobArrivals, error: unknown): Promise<IndexRestore | undefined> {
    // Only a download that failed after its lookup: a lookup that failed is not asked again.
    if (!(error instanceof CacheServiceError) || error.unavailable || /GetCacheEntryDownloadURL/.test(error.message)) return undefined;
    const listed = await session.run(actionsCache.restoreCache([indexDir], key, [], { lookupOnly: true }));
    if (listed !== key) return undefined;
    unservable.add(key);
    const next = await restoreIndex(restoreContext(), session, dir, nextKeyPrefix(key), [nextKeyPrefix(key)], arrivals);
    if (next) warn(`The cache entry ${key} is listed but could not be downloaded (${messageOf(error)}); restored its later copy ${next.matched}.`);
    return next;
  }

  async function restoreStaged(dir: string, key: string, restoreKeys: string[]): Promise<StagedRestore | undefined> {
    actionsCache = await loadActionsCache();
    if (!actionsCache.isFeatureAvailable()) {
      warn('The Actions cache service is not available to this job (no ACTIONS_RESULTS_URL / ACTIONS_CACHE_URL); building without cache.');
      return undefined;
    }
    if (unresponsive) return undefined;
    knownPacks.clear();
    corruptPacks.clear();
    restoredKey = undefined;
    beginCacheOperation(retryBudgetMs);
    const session = new Session(timeouts.restore);
    const context = restoreContext();
    const arrivals = new BlobArrivals();
    let index: IndexRestore | undefined;
    try {
      // Right after the exact key, the same entry saved again under a suffix.
      index = await session.finish(restoreIndex(context, session, dir, key, [nextKeyPrefix(key), ...restoreKeys], arrivals));
    } catch (error) {
      index = await session.finish(restoreAgain(session, dir, key, arrivals, error)).catch(() => undefined);
      if (!index) return restoreFailed(error, dir);
    }
    if (!index) return undefined;
    const restored = index;
    const { matched } = restored;
    restoredKey = matched;
    // The deadline covers the packs too; when it passes, whoever waits for a blob hears it will not come.
    const settle = () => {
      const outcome = session.finish(restored.settle());
      outcome.catch(() => arrivals.close());
      return outcome;
    };
    /** Blobs stood in for by an empty file of their size (placeholders), so BuildKit's export skips them. */
    const placeholders = new Set<string>();
    const clearPlaceholders = async () => {
      for (const digest of placeholders) if (!arrivals.inPlace(digest)) await fs.rm(blobPath(dir, digest), { force: true });
      placeholders.clear();
    };
    // The packs of the image's chain started with the index: the deadline covers them now, not once the engine asks.
    void settle().catch(() => {});
    let finished: Promise<string | undefined> | undefined;
    return {
      key: matched,
      waitFor(digest) {
        if (restored.want(digest)) void settle().catch(() => {}); // the deadline now covers that pack
        return arrivals.wait(digest);
      },
      readable: (digest) => arrivals.readable(digest),
      get settled() {
        return settle().then(
          (outcome) => outcome.problems.length > 0,
          () => true,
        );
      },
      async standIn() {
        for (const [digest, size] of restored.untouched().blobs) {
          const file = blobPath(dir, digest);
          if (await exists(file)) continue;
          await fs.writeFile(file, '');
          await fs.truncate(file, size); // sparse: no disk, no I/O
          placeholders.add(digest);
        }
      },
      finish: (prune) =>
        (finished ??= (async () => {
          // Pruning needs every blob in place or known lost; a finished build leaves the untouched packs where they are.
          if (prune) restored.wantAll();
          let outcome: PacksOutcome;
          try {
            outcome = await settle();
          } catch (error) {
            await clearPlaceholders();
            return restoreFailed(error, dir);
          } finally {
            arrivals.close();
          }
          await clearPlaceholders();
          // The index names them, the build did not need them: the next index references them again.
          for (const [pack, info] of restored.untouched().packs) knownPacks.set(pack, info);
          restoredKey = await settleRestore(context, dir, matched, outcome, prune);
          return restoredKey;
        })()),
    };
  }

  async function saveEntry(session: Session, dir: string, key: string): Promise<boolean> {
    const layout = await readLayout(dir);

    // Reuse the packs the cache service holds, while they are mostly live.
    const owner = new Map<string, string>();
    for (const [pack, content] of knownPacks) for (const digest of Object.keys(content.blobs)) if (!owner.has(digest)) owner.set(digest, pack);
    // An export without a readable cache config has no chains: its blobs are packed in digest order.
    const chains = (await layerChains(dir)) ?? NO_CHAINS;
    const inlineRoots = new Set([...chains.roots].filter((digest) => (layout.layers.get(digest) ?? Infinity) <= inlineRootBytes));
    const live = new Map<string, { bytes: number; allLocal: boolean }>();
    const local = new Map<string, number>();
    // A small root the export holds goes in the index, whatever pack held it before.
    const rootInline = (digest: string) => inlineRoots.has(digest) && local.has(digest);
    for (const digest of layout.layers.keys()) {
      const size = await fileSize(blobPath(dir, digest));
      if (size !== undefined) local.set(digest, size);
      const pack = owner.get(digest);
      if (!pack || rootInline(digest)) continue;
      const entry = live.get(pack) ?? { bytes: 0, allLocal: true };
      entry.bytes += knownPacks.get(pack)!.blobs[digest]!;
      entry.allLocal &&= size !== undefined;
      live.set(pack, entry);
    }
    const reused = new Set([...live].filter(([pack, { bytes, allLocal }]) => !allLocal || bytes * 2 >= knownPacks.get(pack)!.bytes).map(([pack]) => pack));

    const assignments: Record<string, string> = {};
    const fresh: { digest: string; size: number }[] = [];
    for (const digest of layout.layers.keys()) {
      const pack = owner.get(digest);
      if (rootInline(digest)) fresh.push({ digest, size: local.get(digest)! });
      else if (pack && reused.has(pack)) assignments[digest] = pack;
      else if (local.has(digest)) fresh.push({ digest, size: local.get(digest)! });
      else throw new Error(`the cache export lacks the layer blob ${digest}, and no cache entry holds it`);
    }

    // Small new blobs ride in the index entry; the rest go in new packs, content-addressed,
    // so a pack another job saved already is taken as is.
    const inline = pickInline(fresh.filter((blob) => !inlineRoots.has(blob.digest)), inlineBlobBytes, inlineBudgetBytes);
    for (const blob of fresh) if (inlineRoots.has(blob.digest)) inline.add(blob.digest);
    const packed = fresh.filter((blob) => !inline.has(blob.digest));
    const planned = planChainPacks(packed, chains, packTargetBytes, keyPrefix, corruptPacks);
    // One warning for the save, however many packs failed (the caller gives it).
    const errors = new Set<string>();
    const saved = await mapLimit(planned, concurrency, (pack) =>
      savePack(session, dir, pack).catch((error: unknown) => {
        errors.add(messageOf(error));
        return false;
      }),
    );
    session.check();
    const failed = saved.filter((ok) => !ok).length;
    if (failed > 0) {
      const why = errors.size > 0 ? ` (${[...errors].slice(0, 2).join('; ')})` : '';
      throw new Error(`${failed} of ${planned.length} packs of new layer blobs could not be saved${why}, so the index ${key} was not saved either`);
    }
    for (const pack of planned) for (const blob of pack.blobs) assignments[blob.digest] = pack.key;

    const packs: PacksFile = { version: 2, packs: {}, blobs: assignments, inline: Object.fromEntries(fresh.filter((blob) => inline.has(blob.digest)).map((blob) => [blob.digest, blob.size])) };
    for (const pack of new Set(Object.values(assignments))) {
      const plannedPack = planned.find((candidate) => candidate.key === pack);
      packs.packs[pack] = plannedPack
        ? { bytes: plannedPack.bytes, blobs: Object.fromEntries(plannedPack.blobs.map((blob) => [blob.digest, blob.size])) }
        : knownPacks.get(pack)!;
    }
    const reusedBlobs = Object.values(assignments).filter((pack) => reused.has(pack)).length;
    traffic.blobsReused += reusedBlobs;

    // The index entry.
    const stored = await withLock(indexDir, async () => {
      try {
        await fs.rm(indexDir, { recursive: true, force: true });
        await fs.mkdir(path.join(indexDir, 'blobs', 'sha256'), { recursive: true });
        for (const file of await topLevelFiles(dir)) if (file !== PACKS_FILE) await fs.copyFile(path.join(dir, file), path.join(indexDir, file));
        for (const digest of [...layout.metadata.keys(), ...inline]) await linkOrCopy(blobPath(dir, digest), blobPath(indexDir, digest));
        await fs.writeFile(path.join(indexDir, PACKS_FILE), JSON.stringify(packs));
        const bytes = await folderBytes(indexDir);
        const saved = await saveEntryFolder(
          { cache: actionsCache, session, traffic },
          { key, skipOwnKey: unservable.has(key), freshKey: () => nextKey(key), folderFor: async () => indexDir },
        );
        if (saved?.uploaded) {
          traffic.bytesUp += bytes;
          traffic.blobsUploaded += layout.metadata.size + inline.size;
        }
        // Another job with the same key saved it (or is saving it): the cache holds this build.
        if (saved && !saved.uploaded) notSaved = 'another job saved the same key first (that entry serves this build)';
        if (saved && saved.key !== key) info(`The cache service would not take ${key} (${unservable.has(key) ? 'its entry cannot be downloaded' : 'reserved by a save that never finished'}): saved the index as ${saved.key}.`);
        if (saved) return saved.uploaded;
        throw new Error(`the cache service took neither the index entry ${key} nor a fresh key for it (reservations refused), so the next run restores an older entry`);
      } finally {
        await fs.rm(indexDir, { recursive: true, force: true });
      }
    });
    const uploaded = planned.reduce((sum, pack) => sum + pack.blobs.length, 0) + inline.size;
    info(
      `Saved the layer cache ${key}${stored ? '' : ' (its index was taken by another job)'}: ${plural(uploaded, 'new layer blob')} ` +
        `(${inline.size} in the index, ${plural(planned.length, 'new pack')}), ` +
        `${reusedBlobs} reused (${formatMiB(traffic.bytesUp)} up, ${plural(traffic.requestsUp, 'cache request')}).`,
    );
    return stored;
  }

  /**
   * Saves one pack; true when the cache service holds it afterwards (saved now, or by another
   * job before). A pack whose key stays reserved goes under a fresh key: `pack.key` becomes it.
   */
  async function savePack(session: Session, dir: string, pack: PlannedPack): Promise<boolean> {
    const folders: string[] = [];
    const folderFor = async (key: string) => {
      const folder = packDir(key);
      folders.push(folder);
      await fs.rm(folder, { recursive: true, force: true });
      await fs.mkdir(folder, { recursive: true });
      for (const blob of pack.blobs) await linkOrCopy(blobPath(dir, blob.digest), path.join(folder, hexOf(blob.digest)));
      return folder;
    };
    return withLock(packDir(pack.key), async () => {
      try {
        const freshKey = () => packKey(keyPrefix, [...pack.blobs.map((blob) => blob.digest), `replaces ${pack.key}`]);
        const saved = await saveEntryFolder({ cache: actionsCache, session, traffic }, { key: pack.key, freshKey, folderFor });
        if (!saved) return false;
        if (saved.uploaded) {
          traffic.bytesUp += pack.bytes;
          traffic.blobsUploaded += pack.blobs.length;
        }
        pack.key = saved.key;
        return true;
      } finally {
        for (const folder of folders) await fs.rm(folder, { recursive: true, force: true });
      }
    });
  }

  return {
    name: 'actions-delta',
    traffic: () => ({ ...traffic }),
    async restore(dir, key, restoreKeys) {
      const staged = await restoreStaged(dir, key, restoreKeys);
      return staged?.finish(true);
    },
    restoreStaged,
    notSavedReason: () => notSaved,
    async save(dir, key) {
      notSaved = undefined;
      actionsCache = await loadActionsCache();
      if (isSameEntry(restoredKey, key)) return false; // an exact hit: the entry is there already
      const skip = (reason: string): false => {
        notSaved = reason;
        warn(`Cache save skipped: ${reason}`);
        return false;
      };
      const earlier = unavailableReason();
      if (earlier !== undefined) return skip(`the cache service failed earlier in this run (${earlier})`);
      if (unresponsive) return skip(`the cache service did not finish the restore within ${timeouts.restore / 1000} s`);
      if (!actionsCache.isFeatureAvailable()) {
        notSaved = 'the Actions cache service is not available to this job'; // the restore said so already
        return false;
      }
      beginCacheOperation(retryBudgetMs);
      const session = new Session(timeouts.save);
      try {
        return await session.finish(saveEntry(session, dir, key));
      } catch (error) {
        if (!(error instanceof TimedOut)) return skip(messageOf(error));
        unresponsive = true;
        notSaved = `the cache service did not finish the save within ${timeouts.save / 1000} s`;
        warn(`The Actions cache service did not finish the save within ${timeouts.save / 1000} s; the cache was not saved.`);
        return false;
      }
    },
  };
}
