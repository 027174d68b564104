import nock from 'nock';
import { describe, expect, test } from 'vitest';
import { UserError } from '../../../src/common/errors.ts';
import { RegistryClient } from '../../../src/registry/client.ts';
import { RegistryError } from '../../../src/registry/registry-error.ts';
import { isLoopbackHost, parseRetryAfter } from '../../../src/registry/transport.ts';
import { LOCAL_REGISTRY, LOCAL_URL, REGISTRY, REGISTRY_URL, rejection, testClient, useNock } from './helpers.ts';
import { closedPort } from '../../net.ts';

useNock();

const DIGEST = `sha256:${'2'.repeat(64)}`;
const found = { 'Docker-Content-Digest': DIGEST, 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' };
const openRegistry = (url = REGISTRY_URL) => nock(url).get('/v2/').reply(200, '{}');
const ref = `${REGISTRY}/org/app:1`;

/** An Error as a socket would raise it. nock 15 needs an Error instance here: a plain object hangs fetch. */
const socketError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('retries', () => {
  test('429 with Retry-After in seconds: waits that long, then succeeds', async () => {
    openRegistry();
    nock(REGISTRY_URL).head('/v2/org/app/manifests/1').reply(429, '', { 'Retry-After': '3' });
    nock(REGISTRY_URL).head('/v2/org/app/manifests/1').reply(200, undefined, found);
    const { client, waits, logs } = testClient();
    expect(await client.resolveDigest(ref)).toBe(DIGEST);
    expect(waits).toEqual([3000]);
    expect(logs[0]).toMatch(/HEAD manifest registry.test\/v2\/org\/app\/manifests\/1 answered 429; retrying in 3000 ms \(attempt 2 of 3\)/);
    expect(client.requestCounts()).toEqual({ 'GET ping': 1, 'HEAD manifest': 2 });
  });

  test('Retry-After as an HTTP date', async () => {
    openRegistry();
    const inFiveSeconds = new Date(Date.now() + 5000).toUTCString();
    nock(REGISTRY_URL).head('/v2/org/app/manifests/1').reply(503, '', { 'Retry-After': inFiveSeconds });
    nock(REGISTRY_URL).head('/v2/org/app/manifests/1').reply(200, undefined, found);
    const { client, waits } = testClient();
    await client.resolveDigest(ref);
    expect(waits).toHaveLength(1);
    // The date has whole seconds: between 4 and 5 seconds from now.
    expect(waits[0]).toBeGreaterThan(3000);
    expect(waits[0]).toBeLessThanOrEqual(5000);
  });

  test('Retry-After is capped', async () => {
    openRegistry();
    nock(REGISTRY_URL).head('/v2/org/app/manifests/1').reply(429, '', { 'Retry-After': '3600' });
    nock(REGISTRY_URL).head('/v2/org/app/manifests/1').reply(200, undefined, found);
    const { client, waits } = testClient({ maxRetryDelayMs: 2500 });
    await client.resolveDigest(ref);
    expect(waits).toEqual([2500]);
  });

  test('5xx are retried with doubling waits, then success', async () => {
    openRegistry();
    nock(REGISTRY_URL).head('/v2/org/app/manifests/1').reply(502);
    nock(REGISTRY_URL).head('/v2/org/app/manifests/1').reply(500);
    nock(REGISTRY_URL).head('/v2/org/app/manifests/1').reply(200, undefined, found);
    const { client, waits } = testClient({ retries: 3 });
    expect(await client.resolveDigest(ref)).toBe(DIGEST);
    expect(waits).toEqual([100, 200]);
  });

  test('the real timer is used unless replaced (tiny base delay)', async () => {
    openRegistry();
    nock(REGISTRY_URL).head('/v2/org/app/manifests/1').reply(503);
    nock(REGISTRY_URL).head('/v2/org/app/manifests/1').reply(200, undefined, found);
    const client = new RegistryClient({ retryBaseDelayMs: 20 });
    const started = Date.now();
    await client.resolveDigest(ref);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });

  test('5xx exhausted: a clear error with status, registry message and attempts', async () => {
    openRegistry();
    nock(REGISTRY_URL)
      .head('/v2/org/app/manifests/1')
      .times(3)
      .reply(503);
    nock(REGISTRY_URL)
      .get('/v2/org/app/manifests/2')
      .times(3)
      .reply(503, { errors: [{ code: 'UNAVAILABLE', message: 'service unavailable' }] });
    const { client, waits } = testClient({ retries: 2 });
    const headError = await rejection(client.headManifest(ref));
    expect(headError).toBeInstanceOf(RegistryError);
    expect(headError.message).toBe('HEAD registry.test/org/app:1: registry registry.test answered 503 (after 3 attempts)');
    const getError = await rejection(client.getManifest(`${REGISTRY}/org/app:2`));
    expect(getError.message).toBe(
      'GET registry.test/org/app:2: registry registry.test answered 503: UNAVAILABLE service unavailable (after 3 attempts)',
    );
    expect((getError as RegistryError).status).toBe(503);
    expect(waits).toEqual([100, 200, 100, 200]);
  });

  test('501 Not Implemented is not retried', async () => {
    openRegistry();
    nock(REGISTRY_URL).head('/v2/org/app/manifests/1').reply(501);
    const { client, waits } = testClient();
    await rejection(client.headManifest(ref));
    expect(waits).toEqual([]);
  });

  test('a reset connection is retried', async () => {
    openRegistry();
    nock(REGISTRY_URL).head('/v2/org/app/manifests/1').replyWithError(socketError('ECONNRESET', 'socket hang up'));
    nock(REGISTRY_URL).head('/v2/org/app/manifests/1').reply(200, undefined, found);
    const { client, waits, logs } = testClient();
    expect(await client.resolveDigest(ref)).toBe(DIGEST);
    expect(waits).toEqual([100]);
    expect(logs[0]).toMatch(/failed: .*socket hang up \(ECONNRESET\); retrying in 100 ms/);
  });

  test('429 on the token service is retried too', async () => {
    nock(REGISTRY_URL).get('/v2/').reply(401, '', { 'WWW-Authenticate': 'Bearer realm="https://auth.test/token"' });
    nock('https://auth.test').get('/token').query(true).reply(429, '', { 'Retry-After': '1' });
    nock('https://auth.test').get('/token').query(true).reply(200, { token: 't' });
    nock(REGISTRY_URL).head('/v2/org/app/manifests/1').reply(200, undefined, found);
    const { client, waits } = testClient();
    await client.resolveDigest(ref);
    expect(waits).toEqual([1000]);
  });
});

describe('timeouts and connection errors', () => {
  test('a response slower than the timeout: retried, then a clear error', async () => {
    openRegistry(LOCAL_URL);
    // An async reply, not nock's .delay(): aborting a .delay()ed body trips an assertion in undici.
    nock(LOCAL_URL)
      .head('/v2/org/app/manifests/1')
      .times(2)
      .reply(async () => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return [200, '', found];
      });
    const { client, waits } = testClient({ timeoutMs: 50, retries: 1 });
    const started = Date.now();
    const error = await rejection(client.headManifest(`${LOCAL_REGISTRY}/org/app:1`));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe('HEAD manifest on registry 127.0.0.1:5000 timed out after 50 ms (2 attempts)');
    expect((error as RegistryError).code).toBe('TIMEOUT');
    expect(waits).toEqual([100]);
    expect(Date.now() - started).toBeLessThan(280);
    // Let the abandoned replies finish before nock is reset.
    await new Promise((resolve) => setTimeout(resolve, 300));
  });

  test('connection refused names host and port, and is not retried', async () => {
    nock.enableNetConnect('127.0.0.1');
    const port = await closedPort();
    const { client, waits } = testClient();
    const error = await rejection(client.resolveDigest(`127.0.0.1:${port}/org/app:1`));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(
      `cannot connect to registry 127.0.0.1:${port}: connection refused (is it running, and is the port right?)`,
    );
    expect((error as RegistryError).code).toBe('ECONNREFUSED');
    expect(waits).toEqual([]);
  });

  test('an unknown host names the host', async () => {
    nock('https://nowhere.test:8443').get('/v2/').replyWithError(socketError('ENOTFOUND', 'getaddrinfo ENOTFOUND nowhere.test'));
    const { client } = testClient();
    const error = await rejection(client.resolveDigest('nowhere.test:8443/org/app:1'));
    expect(error.message).toBe('cannot resolve host nowhere.test of registry nowhere.test:8443: no such host');
  });

  test('a failed ping is tried again by the next call', async () => {
    nock(REGISTRY_URL).get('/v2/').replyWithError(socketError('ECONNREFUSED', 'connect ECONNREFUSED'));
    openRegistry();
    nock(REGISTRY_URL).head('/v2/org/app/manifests/1').reply(200, undefined, found);
    const { client } = testClient();
    await rejection(client.resolveDigest(ref));
    expect(await client.resolveDigest(ref)).toBe(DIGEST);
  });
});

describe('scheme', () => {
  test.each([
    ['127.0.0.1:15000', true],
    ['127.1.2.3', true],
    ['localhost:5000', true],
    ['LOCALHOST', true],
    ['[::1]:5000', true],
    ['128.0.0.1:5000', false],
    ['127.0.0.1.nip.io', false],
    ['localhost.example.com', false],
    ['ghcr.io', false],
    ['[::2]:5000', false],
  ])('%s loopback: %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  test('https for other hosts, http for loopback', async () => {
    nock('https://registry.test:5000').get('/v2/').reply(200, '{}');
    nock('https://registry.test:5000').head('/v2/a/manifests/1').reply(200, undefined, found);
    nock('http://localhost:5000').get('/v2/').reply(200, '{}');
    nock('http://localhost:5000').head('/v2/a/manifests/1').reply(200, undefined, found);
    const { client } = testClient();
    await client.resolveDigest('registry.test:5000/a:1');
    await client.resolveDigest('localhost:5000/a:1');
  });

  test('a host that is not a registry', async () => {
    nock(REGISTRY_URL).get('/v2/').reply(404, 'Not Found');
    const { client } = testClient();
    const error = await rejection(client.resolveDigest(ref));
    expect(error.message).toBe('registry registry.test answered 404 to GET /v2/ (is it a container registry? /v2/ was not found)');
  });
});

test('parseRetryAfter', () => {
  const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
  expect(parseRetryAfter('120', now)).toBe(120_000);
  expect(parseRetryAfter(' 0 ', now)).toBe(0);
  expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', now)).toBe(30_000);
  expect(parseRetryAfter('Wed, 21 Oct 2015 07:27:00 GMT', now)).toBe(0);
  expect(parseRetryAfter('soon', now)).toBeUndefined();
  expect(parseRetryAfter(null, now)).toBeUndefined();
});
