/**
 * @actions/cache, loaded on first use, behind a guard that makes its failures
 * the store's to report.
 *
 * Loaded lazily: it brings the Azure storage SDK and an HTTP stack along (most
 * of the bundle); a run that reuses an image by its fingerprint never touches
 * the cache, so it should not pay for loading them.
 *
 * Guarded, because of how @actions/cache fails. It retries what it can itself:
 * a lookup, reservation or finalization answered 5xx is sent up to 5 times
 * (3 s, then ×1.5 each time), and the Azure SDK retries blob transfers. A 429 it
 * never retries (the service asked it to slow down), and when a call fails it
 * does not throw: it prints `::warning` (for a 5xx, `::error`, which reads as a
 * failed job) and returns what a miss returns. So the guard catches those
 * annotations of each call (only that call's: AsyncLocalStorage follows it
 * through its awaits) and throws them as one error instead, for the store to
 * turn into its one warning. On top of @actions/cache's retries it adds only
 * this: a 429 whose Retry-After fits (`RETRY_AFTER_LIMIT_S`) is waited out and
 * the call sent once more. A call that was rate-limited, or failed after every
 * retry, or could not reach the service at all, makes the service unavailable
 * for the rest of the run (`isFeatureAvailable()` is false), so a throttled
 * service gets no more requests: the save is skipped without another warning.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type * as ActionsCache from '@actions/cache';

export type ActionsCacheModule = typeof ActionsCache;

/** Longest Retry-After waited out for one more try; longer ones end the call (the deadline of the restore or save bounds both). */
export const RETRY_AFTER_LIMIT_S = 20;

/** What @actions/cache reported while a call ran. */
export class CacheServiceError extends Error {
  constructor(
    message: string,
    /** The service asked to be left alone, or could not be reached after its retries. */
    readonly unavailable: boolean,
  ) {
    super(message);
    this.name = 'CacheServiceError';
  }
}

let loading: Promise<ActionsCacheModule> | undefined;

export function loadActionsCache(): Promise<ActionsCacheModule> {
  return (loading ??= import('@actions/cache').then(guard));
}

/** Services (by URL) that gave up on this run. */
const unavailable = new Set<string>();

function serviceUrl(): string {
  return process.env.ACTIONS_RESULTS_URL ?? process.env.ACTIONS_CACHE_URL ?? '';
}

function guard(module: ActionsCacheModule): ActionsCacheModule {
  captureAnnotations();
  return {
    ...module,
    isFeatureAvailable: () => module.isFeatureAvailable() && !unavailable.has(serviceUrl()),
    restoreCache: (...args: Parameters<ActionsCacheModule['restoreCache']>) => guarded(() => module.restoreCache(...args)),
    saveCache: (...args: Parameters<ActionsCacheModule['saveCache']>) => guarded(() => module.saveCache(...args)),
  };
}

const RESERVED_ELSEWHERE = /Unable to reserve cache with key .*another job may be creating this cache/;

async function guarded<T>(call: () => Promise<T>): Promise<T> {
  const service = serviceUrl();
  if (unavailable.has(service)) throw new CacheServiceError('the cache service was unavailable earlier in this run', true);
  let reported = await reporting(call);
  const wait = retryAfterSeconds(reported.messages);
  if (wait !== undefined && wait <= RETRY_AFTER_LIMIT_S) {
    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    reported = await reporting(call);
  }
  // A key reserved by another job (or by a run that was cancelled) is what -1 already says; not a failure.
  const messages = reported.messages.filter((message) => !RESERVED_ELSEWHERE.test(message));
  if (messages.length === 0) return reported.value;
  const failure = describeFailure(messages);
  if (failure.unavailable) unavailable.add(service);
  throw new CacheServiceError(failure.message, failure.unavailable);
}

/** The call's value and the annotations @actions/cache printed during it. */
async function reporting<T>(call: () => Promise<T>): Promise<{ value: T; messages: string[] }> {
  const messages: string[] = [];
  const value = await annotations.run(messages, call);
  return { value, messages };
}

/** `You've hit a rate limit, your rate limit will reset in N seconds` (printed for a 429 with Retry-After). */
export function retryAfterSeconds(messages: string[]): number | undefined {
  for (const message of messages) {
    const match = /rate limit will reset in (\d+) seconds/.exec(message);
    if (match) return Number(match[1]);
  }
  return undefined;
}

/** One message for the store's warning, and whether the service is to be left alone. */
export function describeFailure(messages: string[]): { message: string; unavailable: boolean } {
  const reasons = messages
    .filter((message) => !/rate limit will reset in/.test(message) || messages.length === 1)
    .map((message) => message.replace(/^Failed to (restore|save): /, '').split('\n')[0]!.trim());
  const rateLimited = messages.some((message) => /Rate limited|rate limit will reset/.test(message));
  const exhausted = messages.some((message) => /Failed to make request after \d+ attempts|Unable to make request|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND/.test(message));
  return { message: [...new Set(reasons)].join('; '), unavailable: rateLimited || exhausted };
}

const annotations = new AsyncLocalStorage<string[]>();
let capturing = false;

/**
 * Routes `::warning`/`::error` lines written while a guarded call runs into
 * that call's list; every other write (the build log, other code) passes.
 */
function captureAnnotations(): void {
  if (capturing) return;
  capturing = true;
  const write = process.stdout.write.bind(process.stdout) as (...args: unknown[]) => boolean;
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
    const messages = annotations.getStore();
    if (messages && typeof chunk === 'string') {
      const match = /^::(warning|error)(?: [^:]*)?::(.*?)\r?\n?$/s.exec(chunk);
      if (match) {
        messages.push(unescapeCommand(match[2]!));
        return true;
      }
    }
    return write(chunk, ...rest);
  }) as typeof process.stdout.write;
}

function unescapeCommand(text: string): string {
  return text.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
}
