/**
 * Saving one folder as one cache entry for the delta store (delta-store.ts),
 * and what to do when the service will not reserve its key.
 *
 * A refused reservation means one of three things. Another job is saving the
 * same entry: it is there soon (asked a few times, with backoff), and nothing
 * more is needed. A save that was cancelled holds the key reserved and never
 * finishes it: the service keeps that reservation and says nothing of when it
 * lets it go, so the entry goes under a fresh key instead (a pack's key is
 * derived anew, an index gets a suffix, keys.ts nextKey), which the next
 * restore finds. Or the service refuses every reservation: then the fresh key
 * is refused too, and the caller says so.
 */
import type { ActionsCacheModule } from './actions-cache.ts';
import type { Session } from './delta-io.ts';
import type { CacheTraffic } from './types.ts';

/** Waits before asking again whether an entry reserved by another job has arrived. */
const RECHECK_MS = [1_000, 2_000, 4_000];

export interface EntrySaveContext {
  cache: ActionsCacheModule;
  session: Session;
  traffic: CacheTraffic;
}

export interface EntryTarget {
  key: string;
  /** Skip the key itself (the service lists it but cannot serve it): straight to the fresh key. */
  skipOwnKey?: boolean;
  /** The fresh key for when the own one stays reserved. */
  freshKey(): string;
  /** The folder to save under `key` (@actions/cache versions an entry by its path). */
  folderFor(key: string): Promise<string>;
}

/** How a save went: under which key, and whether this job uploaded it (or another job had). */
export type EntrySaved = { key: string; uploaded: boolean } | undefined;

export async function saveEntryFolder(context: EntrySaveContext, target: EntryTarget): Promise<EntrySaved> {
  const { key } = target;
  if (!target.skipOwnKey) {
    const folder = await target.folderFor(key);
    if (await reserveAndSave(context, folder, key)) return { key, uploaded: true };
    if (await savedElsewhere(context, folder, key)) return { key, uploaded: false };
  }
  const fresh = target.freshKey();
  if (await reserveAndSave(context, await target.folderFor(fresh), fresh)) return { key: fresh, uploaded: true };
  return undefined;
}

async function reserveAndSave({ cache, session, traffic }: EntrySaveContext, folder: string, key: string): Promise<boolean> {
  const id = await session.run(cache.saveCache([folder], key));
  traffic.requestsUp += id === -1 ? 1 : 3;
  return id !== -1;
}

/**
 * After a reservation that did not come: whether the entry is (or soon will be) in the
 * service. Another job that is still uploading it finalizes it soon: asked again a few
 * times, with backoff.
 */
async function savedElsewhere({ cache, session, traffic }: EntrySaveContext, folder: string, key: string): Promise<boolean> {
  for (const wait of [0, ...RECHECK_MS]) {
    if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
    const there = await session.run(cache.restoreCache([folder], key, [], { lookupOnly: true }));
    traffic.requestsUp += wait ? 1 : 2;
    if (there === key) return true;
  }
  return false;
}
