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
 * this: its Twirp calls go through a loopback forwarder (twirp-forwarder.ts)
 * that waits out 429s, honouring Retry-After, within one budget per restore or
 * save (`beginCacheOperation`, IMAGE_BUILD_CACHE_RETRY_BUDGET). A call that was
 * still rate-limited, or failed after every retry, or could not reach the
 * service at all, makes the service unavailable for the rest of the run
 * (`isFeatureAvailable()` is false), so a throttled service gets no more
 * requests; `unavailableReason()` keeps why, for the save's one warning.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type * as ActionsCache from '@actions/cache';
import { startTwirpForwarder, type ForwarderStats, type TwirpForwarder } from './twirp-forwarder.ts';

export type ActionsCacheModule = typeof ActionsCache;

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

/** Services (by URL) that gave up on this run, and why. */
const unavailable = new Map<string, string>();

/** Forwarders by the service URL they stand in front of, and that URL by forwarder URL. */
const forwarders = new Map<string, Promise<TwirpForwarder>>();
const upstreamOf = new Map<string, string>();

/** When the current restore's or save's retry budget runs out. */
let budgetDeadline = 0;

/** Starts the retry budget of one restore or save (retry-policy.ts, retryBudgetMs; options.ts resolves it). */
export function beginCacheOperation(budgetMs: number): void {
  budgetDeadline = Date.now() + budgetMs;
}

/** When the current restore's or save's retry budget runs out (epoch ms), for requests of our own to the blob store. */
export function retryDeadline(): number {
  return budgetDeadline;
}

/** The service this job talks to (its own URL, not the forwarder's). */
function serviceUrl(): string {
  const url = process.env.ACTIONS_RESULTS_URL ?? process.env.ACTIONS_CACHE_URL ?? '';
  return upstreamOf.get(url) ?? url;
}

/** Why the service was given up on in this run, or undefined while it is not. */
export function unavailableReason(): string | undefined {
  return unavailable.get(serviceUrl());
}

/** What the forwarder of the current service did so far (v2 services only). */
export async function throttleStats(): Promise<ForwarderStats | undefined> {
  const forwarder = forwarders.get(serviceUrl());
  return forwarder ? (await forwarder).stats : undefined;
}

/** Points @actions/cache (it reads ACTIONS_RESULTS_URL at each call) at the forwarder of the current v2 service, started on first use. */
async function throughForwarder(): Promise<TwirpForwarder | undefined> {
  const { env } = process;
  const current = env.ACTIONS_RESULTS_URL;
  if (!env.ACTIONS_CACHE_SERVICE_V2 || !current) return undefined;
  // Behind a proxy, @actions/http-client speaks through it and the forwarder would go around it: no retries of 429 there.
  if (env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy) return undefined;
  const upstream = upstreamOf.get(current) ?? current;
  let forwarder = forwarders.get(upstream);
  if (!forwarder) {
    forwarder = startTwirpForwarder(upstream, () => budgetDeadline);
    forwarders.set(upstream, forwarder);
    upstreamOf.set((await forwarder).url, upstream);
  }
  const started = await forwarder;
  process.env.ACTIONS_RESULTS_URL = started.url;
  return started;
}

function guard(module: ActionsCacheModule): ActionsCacheModule {
  captureAnnotations();
  return {
    ...module,
    isFeatureAvailable: () => module.isFeatureAvailable() && !unavailable.has(serviceUrl()),
    restoreCache: (...args: Parameters<ActionsCacheModule['restoreCache']>) =>
      guarded(() => module.restoreCache(...args), `the ${args[3]?.lookupOnly ? 'lookup' : 'restore'} of ${args[1]}`),
    saveCache: (...args: Parameters<ActionsCacheModule['saveCache']>) => guarded(() => module.saveCache(...args), `the save of ${args[1]}`),
  };
}

const RESERVED_ELSEWHERE = /Unable to reserve cache with key .*another job may be creating this cache/;

async function guarded<T>(call: () => Promise<T>, operation: string): Promise<T> {
  const service = serviceUrl();
  const earlier = unavailable.get(service);
  if (earlier !== undefined) throw new CacheServiceError(`the cache service failed earlier in this run (${earlier})`, true);
  const forwarder = await throughForwarder();
  const gaveUpBefore = forwarder?.stats.gaveUp.length ?? 0;
  const reported = await reporting(call);
  // A key reserved by another job (or by a run that was cancelled) is what -1 already says; not a failure.
  const messages = reported.messages.filter((message) => !RESERVED_ELSEWHERE.test(message));
  // A reservation still rate-limited reads to @actions/cache as "reserved elsewhere" (-1, no annotation): the forwarder knows better.
  const gaveUp = forwarder?.stats.gaveUp.slice(gaveUpBefore) ?? [];
  if (messages.length === 0 && gaveUp.length === 0) return reported.value;
  const failure = messages.length > 0 ? describeFailure(messages, operation) : { message: `Failed to ${gaveUp[0]}: Rate limited: Failed request: (429)`, unavailable: true };
  let message = failure.message;
  // The forwarder drops the connection of a request it could not send: name the real cause.
  if (forwarder?.stats.upstreamError) message = message.replace(/ECONNRESET/g, forwarder.stats.upstreamError);
  if (forwarder && gaveUp.length > 0) {
    const { retries, waitedMs } = forwarder.stats;
    message = `still rate-limited after ${retries} ${retries === 1 ? 'retry' : 'retries'} (${(waitedMs / 1000).toFixed(0)} s of waiting; the retry budget, IMAGE_BUILD_CACHE_RETRY_BUDGET, ran out): ${message}`;
  }
  if (failure.unavailable || gaveUp.length > 0) unavailable.set(service, message);
  throw new CacheServiceError(message, failure.unavailable || gaveUp.length > 0);
}

/** The call's value and the annotations @actions/cache printed during it. */
async function reporting<T>(call: () => Promise<T>): Promise<{ value: T; messages: string[] }> {
  const messages: string[] = [];
  const value = await annotations.run(messages, call);
  return { value, messages };
}

/**
 * One message for the store's warning, and whether the service is to be left
 * alone. A failure reported with no reason (the Azure SDK's 404 for a missing
 * blob carries no message) is named by the operation instead: an empty reason
 * never reaches the log.
 */
export function describeFailure(messages: string[], operation = 'a cache call'): { message: string; unavailable: boolean } {
  const reasons = messages
    .filter((message) => !/rate limit will reset in/.test(message) || messages.length === 1)
    .map((message) => {
      const reason = message.replace(/^Failed to (restore|save):/, '').split('\n')[0]!.trim();
      return reason !== '' ? reason : `${operation} failed and @actions/cache gave no reason (the Azure SDK gives none for a blob that is gone: HTTP 404)`;
    });
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
