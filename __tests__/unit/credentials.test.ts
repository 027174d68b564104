import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { Credentials, parseLoginsInput, registryOfAuthKey, type HelperRunner } from '../../src/buildx/credentials.ts';
import { privateConfig } from '../../src/buildx/docker-config.ts';

const b64 = (text: string) => Buffer.from(text).toString('base64');

function configDir(config: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-cred-unit-'));
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
  return dir;
}

/** What a helper answers, given at once. */
type HelperAnswer = (helper: string, server: string) => Awaited<ReturnType<HelperRunner>>;

function credentials(config: unknown, options: { helper?: HelperAnswer; explicit?: Array<[string, string, string]> } = {}) {
  const secrets: string[] = [];
  const warnings: string[] = [];
  const calls: string[] = [];
  const creds = new Credentials({
    configDir: configDir(config),
    explicit: makeExplicit(options.explicit ?? []),
    fallback: [{ registry: 'ghcr.io', username: 'actor', password: 'job-token' }],
    runHelper: async (helper, server) => {
      calls.push(`${helper} ${server}`);
      return options.helper?.(helper, server);
    },
    onSecret: (secret) => secrets.push(secret),
    warn: (message) => warnings.push(message),
  });
  return { creds, secrets, warnings, calls };
}

function makeExplicit(logins: Array<[string, string, string]>) {
  return logins.map(([registry, username, password]) => ({ registry, username, password }));
}

describe('registry names of config keys', () => {
  test.each([
    ['https://index.docker.io/v1/', 'docker.io'],
    ['index.docker.io', 'docker.io'],
    ['registry-1.docker.io', 'docker.io'],
    ['ghcr.io', 'ghcr.io'],
    ['https://ghcr.io', 'ghcr.io'],
    ['http://127.0.0.1:5000/v2/', '127.0.0.1:5000'],
  ])('%s is %s', (key, registry) => expect(registryOfAuthKey(key)).toBe(registry));
});

describe('where a registry’s login comes from', () => {
  test('auths: `auth`, then username/password fields, then an identity token; docker.io under the index URL', async () => {
    const { creds, secrets } = credentials({
      auths: {
        'https://index.docker.io/v1/': { auth: b64('hubuser:hubpass') },
        'quay.io': { username: 'q', password: 'qpass' },
        '127.0.0.1:5000': { auth: b64('tok:'), identitytoken: 'refresh-1' },
      },
    });
    expect(await creds.lookup('docker.io')).toEqual({ registry: 'docker.io', username: 'hubuser', password: 'hubpass' });
    expect(await creds.lookup('quay.io')).toEqual({ registry: 'quay.io', username: 'q', password: 'qpass' });
    expect(await creds.lookup('127.0.0.1:5000')).toEqual({ registry: '127.0.0.1:5000', username: 'tok', password: '', identityToken: 'refresh-1' });
    expect(await creds.lookup('example.com')).toBeUndefined();
    expect(secrets).toEqual(expect.arrayContaining(['job-token', 'hubpass', 'qpass', 'refresh-1']));
  });

  test('credHelpers wins over credsStore, which wins over auths; `<token>` means an identity token', async () => {
    const { creds, calls, secrets } = credentials(
      { credsStore: 'store', credHelpers: { 'ecr.example': 'ecr' }, auths: { 'ghcr.io': { auth: b64('plain:pw') } } },
      { helper: (helper, server) => (helper === 'ecr' ? { username: 'AWS', secret: `ecr-${server}` } : server === 'ghcr.io' ? { username: '<token>', secret: 'gh-refresh' } : undefined) },
    );
    expect(await creds.lookup('ecr.example')).toEqual({ registry: 'ecr.example', username: 'AWS', password: 'ecr-ecr.example' });
    expect(await creds.lookup('ghcr.io')).toEqual({ registry: 'ghcr.io', username: '', password: '', identityToken: 'gh-refresh' });
    expect(await creds.lookup('docker.io')).toBeUndefined();
    expect(calls).toEqual(['ecr ecr.example', 'store ghcr.io', 'store https://index.docker.io/v1/']);
    expect(secrets).toEqual(expect.arrayContaining(['ecr-ecr.example', 'gh-refresh']));
    await creds.lookup('ecr.example');
    expect(calls).toHaveLength(3); // each helper runs once per registry
  });

  test('a failing helper is a warning naming it, and the plain login is used', async () => {
    const { creds, warnings } = credentials(
      { credsStore: 'broken', auths: { 'quay.io': { auth: b64('q:pw') } } },
      {
        helper: () => {
          throw new Error('docker-credential-broken get failed for quay.io');
        },
      },
    );
    expect((await creds.lookup('quay.io'))?.password).toBe('pw');
    expect(warnings).toEqual([expect.stringContaining('docker-credential-broken get failed for quay.io')]);
  });

  test("the step's own logins win over the config; the job token only where nothing else is", async () => {
    const { creds } = credentials({ auths: { 'ghcr.io': { auth: b64('login-action:pat') }, 'quay.io': { auth: b64('cfg:pw') } } }, { explicit: [['quay.io', 'step', 'steppw']] });
    expect((await creds.lookup('quay.io'))?.username).toBe('step');
    expect((await creds.lookup('ghcr.io'))?.username).toBe('login-action');
    const bare = credentials({});
    expect(await bare.creds.lookup('ghcr.io')).toEqual({ registry: 'ghcr.io', username: 'actor', password: 'job-token' });
  });
});

describe('the private config.json', () => {
  test('keeps the user settings and other logins, writes ours, drops credsStore and the helpers it replaced', () => {
    const original = {
      auths: { 'other.example': { auth: b64('o:p') } },
      credsStore: 'desktop',
      credHelpers: { 'ecr.example': 'ecr', 'gcr.example': 'gcloud' },
      proxies: { default: { httpProxy: 'http://proxy:3128' } },
      currentContext: 'remote',
    };
    const config = privateConfig(original, [
      { registry: 'ecr.example', username: 'AWS', password: 'x' },
      { registry: 'docker.io', username: 'hub', password: 'y' },
      { registry: 'tok.example', username: '', password: '', identityToken: 'refresh' },
    ]);
    expect(config).toEqual({
      auths: {
        'other.example': { auth: b64('o:p') },
        'ecr.example': { auth: b64('AWS:x') },
        'https://index.docker.io/v1/': { auth: b64('hub:y') },
        // No `auth` without a user name: the Docker CLI rejects the whole file over one.
        'tok.example': { identitytoken: 'refresh' },
      },
      credHelpers: { 'gcr.example': 'gcloud' },
      proxies: { default: { httpProxy: 'http://proxy:3128' } },
      currentContext: 'remote',
    });
  });
});

describe('the logins input', () => {
  test('one registry=…,username=…,password=… a line; quoted values keep commas', () => {
    expect(parseLoginsInput('registry=quay.io,username=bot,password=a=b\n\n# comment\nregistry=docker.io,username=me,"password=x,y"')).toEqual([
      { registry: 'quay.io', username: 'bot', password: 'a=b' },
      { registry: 'docker.io', username: 'me', password: 'x,y' },
    ]);
  });

  test('a quote inside an unquoted password is part of it', () => {
    expect(parseLoginsInput('registry=quay.io,username=bot,password=ab"cd')).toEqual([{ registry: 'quay.io', username: 'bot', password: 'ab"cd' }]);
  });

  test.each([
    ['registry=quay.io,username=bot', 'line 1 needs registry=, username= and password='],
    ['registry=quay.io,user=bot,password=secret-value', 'line 1 has a field other than'],
  ])('%s is an error that does not echo the line', (text, message) => {
    let error: Error | undefined;
    try {
      parseLoginsInput(text);
    } catch (caught) {
      error = caught as Error;
    }
    expect(error?.message).toContain(message);
    expect(error?.message).not.toContain('secret-value');
  });
});
