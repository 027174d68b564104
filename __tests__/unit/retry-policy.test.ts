// When a throttled cache service is asked again: Retry-After honoured, backoff
// without it, every wait inside the operation's budget, and a bounded number of
// tries. And the forwarder in front of the Twirp API, against a real HTTP server
// on loopback that answers 429 the way the cache service does.
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_TRIES, parseRetryAfter, retryBudgetMs, retryWaitMs } from '../../src/cache/retry-policy.ts';
import { startTwirpForwarder, type TwirpForwarder } from '../../src/cache/twirp-forwarder.ts';
import { hitKind, isSameEntry, nextKey, nextKeyPrefix } from '../../src/cache/keys.ts';

describe('the retry policy', () => {
  const now = 1_000_000;
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(new Date(now + 5000).toUTCString(), now)).toBe(5000);
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });

  it('waits what Retry-After says, else backs off 1, 2, 4 … 16 s', () => {
    expect(retryWaitMs({ status: 429, retryAfterMs: 1000, tries: 3, now, deadline: now + 60_000 })).toBe(1000);
    expect([1, 2, 3, 4, 5, 6].map((tries) => retryWaitMs({ status: 503, retryAfterMs: undefined, tries, now, deadline: now + 600_000 }))).toEqual([1000, 2000, 4000, 8000, 16000, 16000]);
    expect(retryWaitMs({ status: 500, retryAfterMs: undefined, tries: 1, now, deadline: now + 60_000 })).toBe(1000);
  });

  it('gives up on other statuses, past the budget, and after MAX_TRIES', () => {
    expect(retryWaitMs({ status: 404, retryAfterMs: undefined, tries: 1, now, deadline: now + 60_000 })).toBeUndefined();
    expect(retryWaitMs({ status: 429, retryAfterMs: 3_600_000, tries: 1, now, deadline: now + 60_000 })).toBeUndefined();
    expect(retryWaitMs({ status: 429, retryAfterMs: 1000, tries: 1, now, deadline: now + 999 })).toBeUndefined();
    expect(retryWaitMs({ status: 429, retryAfterMs: 1, tries: MAX_TRIES, now, deadline: now + 60_000 })).toBeUndefined();
  });

  it('the budget: 60 s unless IMAGE_BUILD_CACHE_RETRY_BUDGET says otherwise (0 turns retries off)', () => {
    expect(retryBudgetMs({})).toBe(60_000);
    expect(retryBudgetMs({ IMAGE_BUILD_CACHE_RETRY_BUDGET: '5' })).toBe(5000);
    expect(retryBudgetMs({ IMAGE_BUILD_CACHE_RETRY_BUDGET: '0' })).toBe(0);
    expect(retryBudgetMs({ IMAGE_BUILD_CACHE_RETRY_BUDGET: 'lots' })).toBe(60_000);
  });
});

describe('the Twirp forwarder', () => {
  let server: http.Server | undefined;
  let forwarder: TwirpForwarder | undefined;
  afterEach(async () => {
    await forwarder?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  /** A service that answers 429 (Retry-After: 1) to the first `throttled` requests, then 200 with the body it got. */
  async function service(throttled: number): Promise<{ url: string; seen: string[] }> {
    const seen: string[] = [];
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.push(`${req.method} ${req.url} ${req.headers.authorization} ${body}`);
        if (seen.length <= throttled) res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' }).end('{"code":"resource_exhausted","msg":"slow down"}');
        else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, echo: body }));
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, seen };
  }

  const call = (url: string) =>
    fetch(new URL('twirp/github.actions.results.api.v1.CacheService/FinalizeCacheEntryUpload', url), {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: '{"key":"k"}',
    });

  it('sends a 429 again after its Retry-After, the same request each time, and answers what came last', async () => {
    const upstream = await service(2);
    forwarder = await startTwirpForwarder(upstream.url, () => Date.now() + 60_000);
    const started = Date.now();
    const response = await call(forwarder.url);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, echo: '{"key":"k"}' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(upstream.seen).toEqual(Array(3).fill('POST /twirp/github.actions.results.api.v1.CacheService/FinalizeCacheEntryUpload Bearer t {"key":"k"}'));
    expect(forwarder.stats).toMatchObject({ retries: 2, waitedMs: 2000, gaveUp: [] });
  });

  it('hands the 429 on once the budget is spent, and says which call gave up', async () => {
    const upstream = await service(100);
    forwarder = await startTwirpForwarder(upstream.url, () => Date.now() + 500);
    const response = await call(forwarder.url);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(upstream.seen).toHaveLength(1);
    expect(forwarder.stats.gaveUp).toEqual(['FinalizeCacheEntryUpload']);
  });
});

describe('a key saved again under a suffix', () => {
  const key = 'image-build-linux-x64-app-0123456789abcdef-fedcba9876543210';
  it('is the same entry as its key, and an exact hit; another context hash is not', () => {
    const next = nextKey(key, 1_800_000_000_000);
    expect(next).toBe(`${key}-next-${(1_800_000_000_000).toString(36)}`);
    expect(next.startsWith(nextKeyPrefix(key))).toBe(true);
    expect(isSameEntry(next, key)).toBe(true);
    expect(hitKind(next, key)).toBe('exact');
    expect(hitKind(key, key)).toBe('exact');
    expect(hitKind('image-build-linux-x64-app-0123456789abcdef-0000000000000000', key)).toBe('partial');
    expect(isSameEntry(`${key}0`, key)).toBe(false);
    expect(hitKind(undefined, key)).toBe('miss');
  });
});
