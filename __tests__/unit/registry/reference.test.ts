import { describe, expect, test } from 'vitest';
import { formatReference, isDigest, manifestReference, parseReference, parseRepository } from '../../../src/registry/reference.ts';
import { UserError } from '../../../src/common/errors.ts';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('parseReference', () => {
  test.each([
    ['127.0.0.1:15000/org/app:1.2', { registry: '127.0.0.1:15000', repository: 'org/app', tag: '1.2' }],
    ['127.0.0.1:15000/base/busybox', { registry: '127.0.0.1:15000', repository: 'base/busybox' }],
    ['busybox', { registry: 'docker.io', repository: 'library/busybox' }],
    ['busybox:1.36', { registry: 'docker.io', repository: 'library/busybox', tag: '1.36' }],
    ['docker.io/busybox', { registry: 'docker.io', repository: 'library/busybox' }],
    ['index.docker.io/library/busybox:1', { registry: 'docker.io', repository: 'library/busybox', tag: '1' }],
    ['org/app', { registry: 'docker.io', repository: 'org/app' }],
    ['ghcr.io/org/team/app:sha-1234567', { registry: 'ghcr.io', repository: 'org/team/app', tag: 'sha-1234567' }],
    ['localhost/app', { registry: 'localhost', repository: 'app' }],
    ['localhost:5000/app:v1', { registry: 'localhost:5000', repository: 'app', tag: 'v1' }],
    ['[::1]:5000/app', { registry: '[::1]:5000', repository: 'app' }],
    [`ghcr.io/org/app@${DIGEST}`, { registry: 'ghcr.io', repository: 'org/app', digest: DIGEST }],
    [`ghcr.io/org/app:1@${DIGEST}`, { registry: 'ghcr.io', repository: 'org/app', tag: '1', digest: DIGEST }],
    ['ghcr.io/my_org/my-app.x__y:Tag_1.0-rc', { registry: 'ghcr.io', repository: 'my_org/my-app.x__y', tag: 'Tag_1.0-rc' }],
    ['  ghcr.io/org/app:1  ', { registry: 'ghcr.io', repository: 'org/app', tag: '1' }],
  ])('%s', (text, expected) => {
    expect(parseReference(text)).toEqual(expected);
  });

  test.each([
    ['', /empty/],
    ['ghcr.io/Org/app', /must be lowercase/],
    ['ghcr.io/org/app:', /tag ""/],
    ['ghcr.io/org/app:-bad', /tag "-bad"/],
    [`ghcr.io/org/app:${'x'.repeat(129)}`, /1 to 128/],
    ['ghcr.io/org/app@sha256:abc', /digest "sha256:abc"/],
    [`ghcr.io/org/app@sha256:${'a'.repeat(63)}`, /digest/],
    [`ghcr.io/org/app@sha256:${'a'.repeat(65)}`, /64 hex digits/],
    ['ghcr.io/org//app', /bad path component ""/],
    ['ghcr.io/org/-app', /bad path component "-app"/],
    ['ghcr.io/', /repository name is empty/],
    ['bad_host.io:x/app', /registry "bad_host.io:x"/],
    ['ghcr.io/org app', /white space/],
    [`ghcr.io/${'a'.repeat(300)}`, /longer than 255/],
  ])('rejects %j', (text, reason) => {
    let error: unknown;
    try {
      parseReference(text, { input: 'images' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(reason);
    expect((error as UserError).message).toContain('is not a valid image reference');
    expect((error as UserError).input).toBe('images');
  });
});

test('formatReference round-trips the canonical form', () => {
  for (const text of ['127.0.0.1:15000/org/app:1.2', `ghcr.io/org/app:1@${DIGEST}`, 'docker.io/library/busybox']) {
    expect(formatReference(parseReference(text))).toBe(text);
  }
  expect(formatReference(parseReference('busybox:1'))).toBe('docker.io/library/busybox:1');
});

test('manifestReference prefers the digest, then the tag, then latest', () => {
  expect(manifestReference(parseReference(`a.io/x:1@${DIGEST}`))).toBe(DIGEST);
  expect(manifestReference(parseReference('a.io/x:1'))).toBe('1');
  expect(manifestReference(parseReference('a.io/x'))).toBe('latest');
});

test('parseRepository refuses tags and digests', () => {
  expect(parseRepository('127.0.0.1:15000/org/app')).toEqual({ registry: '127.0.0.1:15000', repository: 'org/app' });
  expect(() => parseRepository('127.0.0.1:15000/org/app:1')).toThrow(/without a tag/);
});

test('isDigest', () => {
  expect(isDigest(DIGEST)).toBe(true);
  expect(isDigest('sha256:abc')).toBe(false);
  expect(isDigest('latest')).toBe(false);
});
