import nock from 'nock';
import { describe, expect, test } from 'vitest';
import { UserError } from '../../../src/common/errors.ts';
import { RegistryError } from '../../../src/registry/registry-error.ts';
import {
  AUTH_URL,
  BASIC,
  BEARER_CHALLENGE,
  LOCAL_REGISTRY,
  LOCAL_URL,
  PASSWORD,
  REGISTRY,
  REGISTRY_URL,
  USER,
  rejection,
  testClient,
  useNock,
  withCredentials,
} from './helpers.ts';

useNock();

const DIGEST = `sha256:${'1'.repeat(64)}`;
const manifestHeaders = {
  'Docker-Content-Digest': DIGEST,
  'Content-Type': 'application/vnd.oci.image.manifest.v1+json',
  'Content-Length': '321',
};

describe('Basic', () => {
  test('answers a Basic challenge with the credentials of that registry', async () => {
    nock(LOCAL_URL).get('/v2/').reply(401, '', { 'WWW-Authenticate': 'Basic realm="Registry Realm"' });
    nock(LOCAL_URL)
      .head('/v2/org/app/manifests/1')
      .matchHeader('authorization', `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`)
      .reply(200, undefined, manifestHeaders);
    const { client } = testClient({ credentials: withCredentials(LOCAL_REGISTRY) });
    expect(await client.headManifest(`${LOCAL_REGISTRY}/org/app:1`)).toEqual({
      digest: DIGEST,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      size: 321,
    });
  });

  test('a rejected password is a UserError naming registry and user, never the password', async () => {
    nock(LOCAL_URL).get('/v2/').reply(401, '', { 'WWW-Authenticate': 'Basic realm="Registry Realm"' });
    nock(LOCAL_URL)
      .head('/v2/org/app/manifests/1')
      .reply(401, '', { 'WWW-Authenticate': 'Basic realm="Registry Realm"' });
    const { client, logs } = testClient({ credentials: withCredentials(LOCAL_REGISTRY) });
    const error = await rejection(client.headManifest(`${LOCAL_REGISTRY}/org/app:1`));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain(`registry ${LOCAL_REGISTRY} rejected user "${USER}"`);
    expect(error.message).toContain('pull from org/app');
    expect(error.message).not.toContain(PASSWORD);
    expect(error.message).not.toContain(BASIC.slice(6));
    expect(logs.join('\n')).not.toContain(PASSWORD);
  });

  test('no credentials for a registry that wants them: says so', async () => {
    nock(LOCAL_URL).get('/v2/').reply(401, '', { 'WWW-Authenticate': 'Basic realm="Registry Realm"' });
    nock(LOCAL_URL).put('/v2/org/app/manifests/1').reply(401, '', { 'WWW-Authenticate': 'Basic realm="Registry Realm"' });
    const { client } = testClient();
    const error = await rejection(client.putManifest(`${LOCAL_REGISTRY}/org/app`, '1', new Uint8Array([123, 125]), 'x/y'));
    expect(error.message).toMatch(/registry 127.0.0.1:5000 requires a login \(push to org\/app\) and no credentials were given/);
  });
});

describe('Bearer', () => {
  test('anonymous token: no Authorization on the token request, scope and service passed', async () => {
    nock(REGISTRY_URL).get('/v2/').reply(401, '', { 'WWW-Authenticate': BEARER_CHALLENGE });
    nock(AUTH_URL, { badheaders: ['authorization'] })
      .get('/token')
      .query({ service: 'registry.test', scope: 'repository:library/busybox:pull' })
      .reply(200, { token: 'anon-token', expires_in: 300 });
    nock(REGISTRY_URL)
      .head('/v2/library/busybox/manifests/1')
      .matchHeader('authorization', 'Bearer anon-token')
      .reply(200, undefined, manifestHeaders);
    const { client } = testClient();
    expect(await client.resolveDigest(`${REGISTRY}/library/busybox:1`)).toBe(DIGEST);
    expect(client.requestCounts()).toEqual({ 'GET ping': 1, 'GET token': 1, 'HEAD manifest': 1 });
  });

  test('with credentials: Basic on the token request; access_token accepted', async () => {
    nock(REGISTRY_URL).get('/v2/').reply(401, '', { 'WWW-Authenticate': BEARER_CHALLENGE });
    nock(AUTH_URL)
      .get('/token')
      .query({ service: 'registry.test', scope: 'repository:org/app:pull,push' })
      .matchHeader('authorization', BASIC)
      .reply(200, { access_token: 'user-token' });
    nock(REGISTRY_URL)
      .put('/v2/org/app/manifests/v1', '{}')
      .matchHeader('authorization', 'Bearer user-token')
      .matchHeader('content-type', 'application/vnd.oci.image.manifest.v1+json')
      .reply(201, '', { 'Docker-Content-Digest': 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a' });
    const { client } = testClient({ credentials: withCredentials() });
    const digest = await client.putManifest(`${REGISTRY}/org/app`, 'v1', new TextEncoder().encode('{}'), 'application/vnd.oci.image.manifest.v1+json');
    expect(digest).toBe('sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
  });

  test('credentials may come from a lookup function', async () => {
    const asked: string[] = [];
    nock(REGISTRY_URL).get('/v2/').reply(401, '', { 'WWW-Authenticate': BEARER_CHALLENGE });
    nock(AUTH_URL).get('/token').query(true).matchHeader('authorization', BASIC).reply(200, { token: 't' });
    nock(REGISTRY_URL).head('/v2/org/app/manifests/1').reply(200, undefined, manifestHeaders);
    const { client } = testClient({
      credentials: (registry) => {
        asked.push(registry);
        return { username: USER, password: PASSWORD };
      },
    });
    await client.headManifest(`${REGISTRY}/org/app:1`);
    expect(asked).toContain(REGISTRY);
  });

  test('one token per scope: reused across calls, a new scope gets its own', async () => {
    let tokenRequests = 0;
    nock(REGISTRY_URL).get('/v2/').once().reply(401, '', { 'WWW-Authenticate': BEARER_CHALLENGE });
    nock(AUTH_URL)
      .get('/token')
      .query(true)
      .times(2)
      // nock 15 hands reply functions the fetch Request, not a path.
      .reply(200, (request: Request) => {
        tokenRequests++;
        const scope = new URL(request.url).searchParams.get('scope');
        return { token: `token-for-${scope}`, expires_in: 300 };
      });
    nock(REGISTRY_URL)
      .head(/\/v2\/org\/app\/manifests\/.*/)
      .times(3)
      .matchHeader('authorization', 'Bearer token-for-repository:org/app:pull')
      .reply(200, undefined, manifestHeaders);
    nock(REGISTRY_URL)
      .head('/v2/org/other/manifests/1')
      .matchHeader('authorization', 'Bearer token-for-repository:org/other:pull')
      .reply(200, undefined, manifestHeaders);
    const { client } = testClient();
    // Concurrent first calls share one ping and one token request.
    await Promise.all([client.headManifest(`${REGISTRY}/org/app:1`), client.headManifest(`${REGISTRY}/org/app:2`)]);
    await client.headManifest(`${REGISTRY}/org/app:3`);
    await client.headManifest(`${REGISTRY}/org/other:1`);
    expect(tokenRequests).toBe(2);
    expect(client.requestCounts()).toEqual({ 'GET ping': 1, 'GET token': 2, 'HEAD manifest': 4 });
  });

  test('an expired token is renewed', async () => {
    nock(REGISTRY_URL).get('/v2/').reply(401, '', { 'WWW-Authenticate': BEARER_CHALLENGE });
    nock(AUTH_URL).get('/token').query(true).reply(200, { token: 'short', expires_in: 1 });
    nock(AUTH_URL).get('/token').query(true).reply(200, { token: 'next', expires_in: 300 });
    nock(REGISTRY_URL).head('/v2/org/app/manifests/1').matchHeader('authorization', 'Bearer short').reply(200, undefined, manifestHeaders);
    nock(REGISTRY_URL).head('/v2/org/app/manifests/1').matchHeader('authorization', 'Bearer next').reply(200, undefined, manifestHeaders);
    const { client } = testClient();
    await client.headManifest(`${REGISTRY}/org/app:1`);
    // expires_in: 1 is inside the renewal margin, so the next call asks again.
    await client.headManifest(`${REGISTRY}/org/app:1`);
  });

  test('a 401 with a token: one retry with a fresh token, which then is reused', async () => {
    nock(REGISTRY_URL).get('/v2/').reply(401, '', { 'WWW-Authenticate': BEARER_CHALLENGE });
    nock(AUTH_URL).get('/token').query(true).reply(200, { token: 'revoked', expires_in: 300 });
    nock(AUTH_URL).get('/token').query(true).reply(200, { token: 'fresh', expires_in: 300 });
    nock(REGISTRY_URL)
      .head('/v2/org/app/manifests/1')
      .matchHeader('authorization', 'Bearer revoked')
      .reply(401, '', { 'WWW-Authenticate': `${BEARER_CHALLENGE},scope="repository:org/app:pull",error="invalid_token"` });
    nock(REGISTRY_URL)
      .head('/v2/org/app/manifests/1')
      .times(2)
      .matchHeader('authorization', 'Bearer fresh')
      .reply(200, undefined, manifestHeaders);
    const { client } = testClient();
    expect((await client.headManifest(`${REGISTRY}/org/app:1`))?.digest).toBe(DIGEST);
    expect((await client.headManifest(`${REGISTRY}/org/app:1`))?.digest).toBe(DIGEST);
    expect(client.requestCounts()['GET token']).toBe(2);
  });

  test('a 401 after the retry is an access error; only one retry', async () => {
    nock(REGISTRY_URL).get('/v2/').reply(401, '', { 'WWW-Authenticate': BEARER_CHALLENGE });
    nock(AUTH_URL).get('/token').query(true).times(2).reply(200, () => ({ token: `t${Math.random()}` }));
    nock(REGISTRY_URL)
      .put('/v2/org/app/manifests/1')
      .times(2)
      .reply(401, { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }, {
        'WWW-Authenticate': `${BEARER_CHALLENGE},scope="repository:org/app:pull,push",error="insufficient_scope"`,
      });
    const { client } = testClient({ credentials: withCredentials() });
    const error = await rejection(client.putManifest(`${REGISTRY}/org/app`, '1', new Uint8Array([1]), 'x/y'));
    expect(error).toBeInstanceOf(RegistryError);
    expect(error.message).toBe(
      `registry ${REGISTRY} rejected user "${USER}" (push to org/app): check the username and password: UNAUTHORIZED authentication required`,
    );
    expect(client.requestCounts()).toEqual({ 'GET ping': 1, 'GET token': 2, 'PUT manifest': 2 });
  });

  test('the token service rejecting the credentials names registry and user, not the password', async () => {
    nock(REGISTRY_URL).get('/v2/').reply(401, '', { 'WWW-Authenticate': BEARER_CHALLENGE });
    nock(AUTH_URL).get('/token').query(true).reply(401, { errors: [{ code: 'UNAUTHORIZED', message: 'bad credentials' }] });
    const { client } = testClient({ credentials: withCredentials() });
    const error = await rejection(client.headManifest(`${REGISTRY}/org/app:1`));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(/^registry registry.test rejected user "ci-user" \(repository:org\/app:pull\)/);
    expect(error.message).not.toContain(PASSWORD);
    expect((error as RegistryError).status).toBe(401);
  });

  test('403 names the registry, the user and what was denied', async () => {
    nock(REGISTRY_URL).get('/v2/').reply(401, '', { 'WWW-Authenticate': BEARER_CHALLENGE });
    nock(AUTH_URL).get('/token').query(true).reply(200, { token: 't' });
    nock(REGISTRY_URL)
      .put('/v2/org/app/manifests/1')
      .reply(403, { errors: [{ code: 'DENIED', message: 'requested access to the resource is denied' }] });
    const { client } = testClient({ credentials: withCredentials() });
    const error = await rejection(client.putManifest(`${REGISTRY}/org/app`, '1', new Uint8Array([1]), 'x/y'));
    expect(error.message).toBe(
      `registry ${REGISTRY} denied user "${USER}" (push to org/app): DENIED requested access to the resource is denied`,
    );
  });

  test('refuses a plain-http token service on a non-loopback host', async () => {
    nock(REGISTRY_URL).get('/v2/').reply(401, '', { 'WWW-Authenticate': 'Bearer realm="http://auth.test/token"' });
    const { client } = testClient({ credentials: withCredentials() });
    const error = await rejection(client.headManifest(`${REGISTRY}/org/app:1`));
    expect(error.message).toMatch(/refusing anything but https/);
  });

  test('an open registry gets no Authorization, even with credentials configured', async () => {
    nock(LOCAL_URL).get('/v2/').reply(200, '{}');
    nock(LOCAL_URL, { badheaders: ['authorization'] })
      .head('/v2/org/app/manifests/1')
      .reply(200, undefined, manifestHeaders);
    const { client } = testClient({ credentials: withCredentials(LOCAL_REGISTRY) });
    await client.headManifest(`${LOCAL_REGISTRY}/org/app:1`);
  });
});
