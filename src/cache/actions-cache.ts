/**
 * @actions/cache, loaded on first use. It brings the Azure storage SDK and an
 * HTTP stack along (most of the bundle); a run that reuses an image by its
 * fingerprint never touches the cache, so it should not pay for loading them.
 */
import type * as ActionsCache from '@actions/cache';

export type ActionsCacheModule = typeof ActionsCache;

let loading: Promise<ActionsCacheModule> | undefined;

export function loadActionsCache(): Promise<ActionsCacheModule> {
  return (loading ??= import('@actions/cache'));
}
