// The registry client against the real local registries of the stack (distribution
// 2.8: one open, one with htpasswd Basic auth). `bash scripts/stack.sh up` starts them
// and writes .stack/env, which this reads.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { UserError } from '../../src/common/errors.ts';
import { RegistryClient } from '../../src/registry/client.ts';
import { copyImage } from '../../src/registry/copy.ts';
import { DOCKER_MANIFEST, OCI_MANIFEST, isIndexMediaType, sha256Digest } from '../../src/registry/manifest.ts';
import { parseReference } from '../../src/registry/reference.ts';
import type { RegistryError } from '../../src/registry/registry-error.ts';
import { closedPort } from '../net.ts';

const ENV_FILE = path.resolve(import.meta.dirname, '../../.stack/env');

/** `export KEY='value'` lines of .stack/env; lines that need a shell (`"$PATH"`) are skipped. */
function readStackEnv(file: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(?:'([^']*)'|"([^"$`\\]*)"|([^\s'"$`\\]*))\s*$/.exec(line);
    if (match) env[match[1]!] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return env;
}

let stack: Record<string, string>;
let open: string; // registry host:port
let auth: string;
let user: string;
let password: string;
/** This run's user agent: picks our requests out of the registries' access logs. */
const RUN = randomBytes(4).toString('hex');
const USER_AGENT = `image-build-e2e-registry-client/${RUN}`;

beforeAll(() => {
  if (!fs.existsSync(ENV_FILE)) {
    throw new Error(`${ENV_FILE} is missing: start the local stack first (bash scripts/stack.sh up)`);
  }
  stack = readStackEnv(ENV_FILE);
  open = stack.IMAGE_BUILD_REGISTRY!;
  auth = stack.IMAGE_BUILD_AUTH_REGISTRY!;
  user = stack.IMAGE_BUILD_AUTH_USER!;
  password = stack.IMAGE_BUILD_AUTH_PASSWORD!;
  for (const [name, value] of Object.entries({ open, auth, user, password })) {
    if (!value) throw new Error(`.stack/env has no value for the ${name} registry setting`);
  }
});

function client(credentials?: { username: string; password: string }, registry = auth): RegistryClient {
  return new RegistryClient({
    userAgent: USER_AGENT,
    timeoutMs: 10_000,
    credentials: credentials ? new Map([[registry, credentials]]) : undefined,
  });
}

/** The base image's repository and tag on a given registry. */
const base = (registry: string) => `${registry}/${parseReference(stack.IMAGE_BUILD_BASE_IMAGE!).repository}:${parseReference(stack.IMAGE_BUILD_BASE_IMAGE!).tag ?? 'latest'}`;

/** Access-log lines of this run's requests (the stack names the log files in .stack/env). */
function ourLogLines(logVariable: string): string[] {
  const file = stack[logVariable];
  if (!file) throw new Error(`.stack/env has no ${logVariable}`);
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.includes(USER_AGENT));
  expect(lines.length).toBeGreaterThan(0);
  return lines;
}

describe('resolving the base image', () => {
  test('on the open registry, anonymously', async () => {
    const registry = client();
    const digest = await registry.resolveDigest(stack.IMAGE_BUILD_BASE_IMAGE!);
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    // What we compute from the bytes is what the registry says.
    const manifest = await registry.getManifest(stack.IMAGE_BUILD_BASE_IMAGE!);
    expect(manifest.digest).toBe(digest);
    expect(sha256Digest(manifest.body)).toBe(digest);
    const platformDigest = await registry.resolvePlatformDigest(stack.IMAGE_BUILD_BASE_IMAGE!, 'linux/amd64');
    if (isIndexMediaType(manifest.mediaType)) expect(platformDigest).not.toBe(digest);
    else expect(platformDigest).toBe(digest);
    const config = await registry.getConfig(stack.IMAGE_BUILD_BASE_IMAGE!);
    expect(config.os).toBe('linux');
  });

  test('on the htpasswd registry, with Basic credentials: same image, same digest', async () => {
    const registry = client({ username: user, password });
    const onAuth = await registry.resolveDigest(base(auth));
    const onOpen = await client().resolveDigest(stack.IMAGE_BUILD_BASE_IMAGE!);
    expect(onAuth).toBe(onOpen);
    expect(registry.requestCounts()).toEqual({ 'GET ping': 1, 'HEAD manifest': 1 });
  });

  test('a wrong password is a UserError naming registry and user, never the password', async () => {
    const wrong = `wrong-${password}-x`;
    const error = await client({ username: user, password: wrong })
      .resolveDigest(base(auth))
      .then(
        () => undefined,
        (caught: unknown) => caught as RegistryError,
      );
    expect(error).toBeInstanceOf(UserError);
    expect(error!.message).toContain(`registry ${auth} rejected user "${user}"`);
    expect(error!.status).toBe(401);
    expect(error!.message).not.toContain(wrong);
    expect(error!.message).not.toContain(password);
  });

  test('no credentials for the htpasswd registry: says a login is needed', async () => {
    await expect(client().resolveDigest(base(auth))).rejects.toThrow(
      `registry ${auth} requires a login (pull from base/busybox) and no credentials were given for it`,
    );
  });

  test('a closed port: names host and port', async () => {
    const port = await closedPort();
    await expect(client().resolveDigest(`127.0.0.1:${port}/base/busybox:1`)).rejects.toThrow(
      `cannot connect to registry 127.0.0.1:${port}: connection refused`,
    );
  });

  test('a tag that does not exist', async () => {
    const registry = client();
    expect(await registry.headManifest(`${open}/base/busybox:no-such-tag-${RUN}`)).toBeUndefined();
    await expect(registry.resolveDigest(`${open}/base/busybox:no-such-tag-${RUN}`)).rejects.toThrow(/not found on registry/);
  });
});

describe.each([
  ['open', () => open, () => undefined, 'IMAGE_BUILD_REGISTRY_LOG'],
  ['htpasswd', () => auth, () => ({ username: user, password }), 'IMAGE_BUILD_AUTH_REGISTRY_LOG'],
])('retag on the %s registry', (_name, registryOf, credentialsOf, logVariable) => {
  test('a new tag in the same repository: one PUT of the same bytes, same digest', async () => {
    const registry = client(credentialsOf(), registryOf());
    const source = base(registryOf());
    const before = await registry.getManifest(source);
    const tag = `e2e-retag-${RUN}`;
    const repository = parseReference(source);
    const digest = await registry.putManifest(repository, tag, before.body, before.mediaType);
    expect(digest).toBe(before.digest);
    expect(await registry.resolveDigest({ ...repository, tag })).toBe(before.digest);
    expect(await registry.listTags(repository)).toContain(tag);
  });

  test('into another repository via blob mounts and a manifest PUT: same digest, no blob upload', async () => {
    const registry = client(credentialsOf(), registryOf());
    const source = base(registryOf());
    const sourceDigest = await registry.resolveDigest(source);
    const target = `${registryOf()}/e2e/registry-client-${RUN}:promoted`;

    const first = await copyImage(registry, source, target);
    expect(first.digest).toBe(sourceDigest);
    expect(first.mountedBlobs).toBeGreaterThan(0);
    expect(first.presentBlobs).toBe(0);
    expect(await registry.resolveDigest(target)).toBe(sourceDigest);

    // Again: every blob is there now, so nothing is mounted.
    const second = await copyImage(registry, source, `${registryOf()}/e2e/registry-client-${RUN}:again`);
    expect(second).toMatchObject({ digest: sourceDigest, mountedBlobs: 0, presentBlobs: first.mountedBlobs });

    // In the registry's own log: mount POSTs answered 201, and no PATCH (chunk) or PUT
    // (commit) of a blob upload.
    const lines = ourLogLines(logVariable);
    expect(lines.filter((line) => /"(PATCH|PUT) \/v2\/[^ ]+\/blobs\/uploads\//.test(line))).toEqual([]);
    const mounts = lines.filter((line) => line.includes(`"POST /v2/e2e/registry-client-${RUN}/blobs/uploads/?mount=`));
    expect(mounts).toHaveLength(first.mountedBlobs);
    expect(mounts.every((line) => line.includes('HTTP/1.1" 201 '))).toBe(true);
  });

  test('mounting a blob the source does not have: 202, and the upload is cancelled', async () => {
    const registry = client(credentialsOf(), registryOf());
    const missing = sha256Digest(new TextEncoder().encode(`not a blob ${RUN}`));
    const mounted = await registry.mountBlob(`${registryOf()}/base/busybox`, `${registryOf()}/e2e/registry-client-${RUN}`, missing);
    expect(mounted).toBe(false);
    expect(registry.requestCounts()).toMatchObject({ 'POST upload': 1, 'DELETE upload': 1 });
    const cancelled = ourLogLines(logVariable).filter((line) =>
      line.includes(`"DELETE /v2/e2e/registry-client-${RUN}/blobs/uploads/`),
    );
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]).toContain('HTTP/1.1" 204 ');
  });
});

test('a retag must keep the media type: distribution refuses OCI bytes PUT as a Docker v2 manifest', async () => {
  // Why putManifest takes the source's media type: the registry checks the Content-Type
  // against the manifest's own mediaType field.
  const registry = client();
  const source = await registry.getManifest(stack.IMAGE_BUILD_BASE_IMAGE!);
  expect(source.mediaType).toBe(OCI_MANIFEST);
  const repository = parseReference(stack.IMAGE_BUILD_BASE_IMAGE!);
  const tag = `e2e-mediatype-${RUN}`;
  const error = await registry.putManifest(repository, tag, source.body, DOCKER_MANIFEST).then(
    () => undefined,
    (caught: unknown) => caught as RegistryError,
  );
  expect(error?.code).toBe('MANIFEST_INVALID');
  expect(error?.message).toBe(
    `PUT ${repository.registry}/${repository.repository}:${tag}: registry ${repository.registry} answered 400: MANIFEST_INVALID manifest invalid`,
  );
  expect(await registry.headManifest({ ...repository, tag })).toBeUndefined();
});
