// However a request fails, the password, the Basic header and the tokens stay out of
// error messages, error properties and log lines.
import nock from 'nock';
import { expect, test } from 'vitest';
import { inspect } from 'node:util';
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

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.secret-token-payload.signature';
const bearerSetup = () => {
  nock(REGISTRY_URL).get('/v2/').reply(401, '', { 'WWW-Authenticate': BEARER_CHALLENGE });
};

const scenarios: [string, () => void, string][] = [
  [
    'Basic password rejected',
    () => {
      nock(LOCAL_URL).get('/v2/').reply(401, '', { 'WWW-Authenticate': 'Basic realm="r"' });
      nock(LOCAL_URL).head('/v2/org/app/manifests/1').reply(401, '', { 'WWW-Authenticate': 'Basic realm="r"' });
    },
    LOCAL_REGISTRY,
  ],
  [
    'token service rejects',
    () => {
      bearerSetup();
      nock(AUTH_URL).get('/token').query(true).reply(401, { errors: [{ code: 'UNAUTHORIZED', message: 'bad' }] });
    },
    REGISTRY,
  ],
  [
    'token accepted, then registry denies',
    () => {
      bearerSetup();
      nock(AUTH_URL).get('/token').query(true).reply(200, { token: TOKEN });
      nock(REGISTRY_URL).head('/v2/org/app/manifests/1').reply(403, { errors: [{ code: 'DENIED', message: 'denied' }] });
    },
    REGISTRY,
  ],
  [
    'token rejected twice',
    () => {
      bearerSetup();
      nock(AUTH_URL).get('/token').query(true).times(2).reply(200, { token: TOKEN });
      // The fresh token is the same string, so the client does not send the request again.
      nock(REGISTRY_URL).head('/v2/org/app/manifests/1').reply(401, '', { 'WWW-Authenticate': BEARER_CHALLENGE });
    },
    REGISTRY,
  ],
  [
    'token service keeps failing',
    () => {
      bearerSetup();
      nock(AUTH_URL).get('/token').query(true).times(3).reply(503);
    },
    REGISTRY,
  ],
  [
    'registry connection drops with a token',
    () => {
      bearerSetup();
      nock(AUTH_URL).get('/token').query(true).reply(200, { token: TOKEN });
      nock(REGISTRY_URL)
        .head('/v2/org/app/manifests/1')
        .times(3)
        .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    },
    REGISTRY,
  ],
];

test.each(scenarios)('%s', async (_name, setUp, registry) => {
  setUp();
  const { client, logs } = testClient({ credentials: withCredentials(registry) });
  const error = await rejection(client.headManifest(`${registry}/org/app:1`));
  const everything = [error.message, String(error), error.stack ?? '', inspect(error), JSON.stringify(error), ...logs].join('\n');
  expect(everything).toContain(registry);
  for (const secret of [PASSWORD, BASIC.slice('Basic '.length), TOKEN, 'secret-token-payload']) {
    expect(everything).not.toContain(secret);
  }
  if (error.message.includes('rejected') || error.message.includes('denied')) expect(error.message).toContain(`"${USER}"`);
});
