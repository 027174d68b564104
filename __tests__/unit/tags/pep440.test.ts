import { describe, expect, test } from 'vitest';
import { isValidPep440, normalizePep440, parsePep440, isUnstablePep440 } from '../../../src/tags/pep440.ts';
import { meta } from './helpers.ts';

describe('PEP 440', () => {
  test.each([
    ['1.2.3', '1.2.3'],
    ['v1.2.3', '1.2.3'],
    ['V1.2', '1.2'],
    [' 1.0 ', '1.0'],
    ['1.0a1', '1.0a1'],
    ['1.0-alpha.1', '1.0a1'],
    ['1.0beta', '1.0b0'],
    ['1.0.B2', '1.0b2'],
    ['1.0c3', '1.0rc3'],
    ['1.0pre4', '1.0rc4'],
    ['1.0preview_5', '1.0rc5'],
    ['1.0RC1', '1.0rc1'],
    ['1.0-1', '1.0.post1'],
    ['1.0post', '1.0.post0'],
    ['1.0.rev2', '1.0.post2'],
    ['1.0r3', '1.0.post3'],
    ['1.0dev', '1.0.dev0'],
    ['1.0-dev_7', '1.0.dev7'],
    ['1.0a2.post3.dev4', '1.0a2.post3.dev4'],
    ['0!1.0', '1.0'],
    ['2!1.0', '2!1.0'],
    ['01.002.0003', '1.2.3'],
    ['1.0+Ubuntu-1_x.007', '1.0+ubuntu.1.x.7'],
  ])('%s → %s', (input, normalized) => {
    expect(isValidPep440(input)).toBe(true);
    expect(normalizePep440(input)).toBe(normalized);
  });

  test.each(['', 'banana', '1.0-', '1..0', '1.0+', '1.0+a..b', 'v', '1.0 a1 x'])('invalid: %j', (input) => {
    expect(isValidPep440(input)).toBe(false);
  });

  test('stability', () => {
    expect(isUnstablePep440(parsePep440('1.0')!)).toBe(false);
    expect(isUnstablePep440(parsePep440('1.0+local')!)).toBe(false);
    for (const v of ['1.0a1', '1.0.post1', '1.0.dev1']) expect(isUnstablePep440(parsePep440(v)!)).toBe(true);
  });
});

describe('a local version in a tag, as metadata-action names it', () => {
  // metadata-action's PEP 440 library writes `1.0+ubuntu,1`; tag sanitising makes it `1.0-ubuntu-1`.
  test.each([
    ['type=pep440,pattern={{version}},value=1.0+ubuntu-1', 'ghcr.io/acme/app:1.0-ubuntu-1'],
    ['type=pep440,pattern={{version}},value=2.0.0+Local.7', 'ghcr.io/acme/app:2.0.0-local-7'],
    ['type=pep440,pattern={{raw}},value=2.0.0+local.7', 'ghcr.io/acme/app:2.0.0-local.7'],
  ])('%s', (rule, expected) => {
    expect(meta('push_main', { images: 'ghcr.io/acme/app', tags: rule, flavor: 'latest=false' }).tags).toEqual([expected]);
  });
});
