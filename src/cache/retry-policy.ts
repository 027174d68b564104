/**
 * When to ask a throttled cache service again (issue 26). The Twirp service
 * answers 429 with Retry-After and @actions/cache gives up on the first one;
 * Azure Blob Storage answers 503 ServerBusy (or 500) and expects the same
 * patience. One budget bounds every wait of a restore or a save, so a service
 * that stays throttled costs a bounded time and a bounded number of requests.
 */

/** Seconds of waiting one restore or save may spend on throttled requests (IMAGE_BUILD_CACHE_RETRY_BUDGET). */
export function retryBudgetMs(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.IMAGE_BUILD_CACHE_RETRY_BUDGET);
  return Number.isFinite(seconds) && seconds >= 0 && env.IMAGE_BUILD_CACHE_RETRY_BUDGET?.trim() !== '' ? seconds * 1000 : 60_000;
}

/** Tries of one request, the first included: what keeps a long budget from turning into a storm. */
export const MAX_TRIES = 8;

/** Waits without a Retry-After: 1 s, 2 s, 4 s, ... up to 16 s. */
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_CAP_MS = 16_000;

/** Statuses that mean "later": 429 from the Twirp service, 503 and 500 from the blob store. */
export function isThrottled(status: number): boolean {
  return status === 429 || status === 503 || status === 500;
}

export { parseRetryAfter } from '../common/retry-after.ts';

export interface RetryQuestion {
  status: number;
  retryAfterMs: number | undefined;
  /** Tries made so far (1 after the first answer). */
  tries: number;
  now: number;
  /** When the operation's budget runs out (epoch ms). */
  deadline: number;
  /** Tries allowed in all (MAX_TRIES unless the caller has a fallback of its own). */
  maxTries?: number;
}

/**
 * How long to wait before the next try, or undefined to give the answer up to
 * the caller: not a throttling status, tries used up, or a wait that would end
 * past the budget (a Retry-After of an hour is not waited for at all).
 */
export function retryWaitMs({ status, retryAfterMs, tries, now, deadline, maxTries = MAX_TRIES }: RetryQuestion): number | undefined {
  if (!isThrottled(status) || tries >= maxTries) return undefined;
  const wait = retryAfterMs ?? Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (tries - 1));
  return now + wait <= deadline ? wait : undefined;
}
