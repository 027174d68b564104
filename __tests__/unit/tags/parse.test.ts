import { describe, expect, test } from 'vitest';
import { UserError } from '../../../src/common/errors.ts';
import { splitFields } from '../../../src/tags/list.ts';
import { parseFlavor, parseImages, parseTagSpec } from '../../../src/tags/index.ts';
import { isOciTag, normalizeImageName, toOciTag } from '../../../src/tags/sanitize.ts';
import { meta } from './helpers.ts';

function errorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('attribute lists', () => {
  test.each([
    ['a,b , c', ['a', 'b', 'c']],
    ['"x,y",z', ['x,y', 'z']],
    ['"say ""hi""",q', ['say "hi"', 'q']],
    [',,a,,', ['a']],
  ])('%s', (line, fields) => {
    expect(splitFields(line)).toEqual(fields);
  });

  // As in metadata-action (csv-parse without relaxed quotes): a quote opens or closes a whole field only.
  test.each([['k="a,b",c'], ['v=a"b,c']])('%s: a quote inside a field is refused', (line) => {
    expect(() => splitFields(line)).toThrow(/a `"` may only open or close a whole field/);
  });
});

describe('clear errors naming the input', () => {
  test.each([
    ['type=bogus', /unknown type "bogus"/],
    ['type=semver', /type=semver needs a pattern/],
    ['type=pep440,value=1.0', /type=pep440 needs a pattern/],
    ['type=match', /type=match needs a pattern/],
    ['type=match,pattern=(', /invalid pattern/],
    ['type=match,pattern=x,group=one', /group must be a number/],
    ['type=ref', /type=ref needs event=/],
    ['type=ref,event=commit', /event must be branch, tag or pr/],
    ['type=raw', /type=raw needs a value/],
    ['type=sha,format=medium', /format must be short or long/],
    ['type=raw,x,priority=high', /priority must be a whole number/],
    ['type=match,"pattern=unterminated', /a quoted field is not closed/],
    ['type=match,pattern="^v\\d{2,3}",group=0', /a `"` may only open or close a whole field/],
  ])('tags: %s', (line, message) => {
    const error = errorOf(() => parseTagSpec(line));
    expect(error.input).toBe('tags');
    expect(error.message).toMatch(message);
  });

  test('enable must be true or false', () => {
    const error = errorOf(() => meta('push_main', { tags: 'type=raw,x,enable={{branch}}' }));
    expect(error.input).toBe('tags');
    expect(error.message).toMatch(/enable must be true or false, not "main"/);
  });

  test('bad expression', () => {
    const error = errorOf(() => meta('push_main', { tags: 'type=raw,value={{branch' }));
    expect(error.input).toBe('tags');
  });

  test.each([
    ['latest=maybe', /latest must be auto, true or false/],
    ['latest', /is not key=value/],
    ['colour=blue', /unknown setting "colour"/],
    ['prefix=a,onlatest=yes', /onlatest must be true or false/],
    ['onlatest=true', /onlatest must follow prefix= or suffix=/],
  ])('flavor: %s', (input, message) => {
    const error = errorOf(() => parseFlavor(input));
    expect(error.input).toBe('flavor');
    expect(error.message).toMatch(message);
  });

  test.each([
    ['ghcr.io/org/app:1.0', /must not include a tag/],
    ['org/app@sha256:abc', /must not include a digest/],
    ['org/-app', /invalid path component "-app"/],
    ['org//app', /invalid path component ""/],
    ['bad_host.io/app', /invalid registry host/],
    ['my app', /must not contain spaces/],
    ['name=,enable=true', /no image name/],
    ['org/app,enable=maybe', /enable must be true or false/],
    ['org/app,tag=x', /unknown attribute "tag"/],
    ['org/app,name=org/other', /names more than one image/],
  ])('images: %s', (input, message) => {
    const error = errorOf(() => parseImages(input));
    expect(error.input).toBe('images');
    expect(error.message).toMatch(message);
  });

  test('labels: bad expression', () => {
    const error = errorOf(() => meta('push_main', { labels: 'a={{date 1 2 x=}}' }));
    expect(error.input).toBe('labels');
  });
});

describe('flavor', () => {
  test('settings and onlatest', () => {
    expect(parseFlavor('latest=false\nprefix=a-,onlatest=true\nsuffix=-z')).toEqual({
      latest: 'false',
      prefix: 'a-',
      prefixLatest: true,
      suffix: '-z',
      suffixLatest: false,
    });
  });
});

describe('images', () => {
  test('forms', () => {
    expect(parseImages('')).toEqual([]);
    expect(parseImages('# only a comment\n')).toEqual([]);
    expect(parseImages('Org/App\nname=ghcr.io/org/app,enable=false\n[::1]:5000/x')).toEqual([
      { name: 'org/app', enable: true },
      { name: 'ghcr.io/org/app', enable: false },
      { name: '[::1]:5000/x', enable: true },
    ]);
  });

  test('names with separators', () => {
    expect(normalizeImageName('registry.example.com:8443/team/my_app__x/a.b-c')).toBe('registry.example.com:8443/team/my_app__x/a.b-c');
  });
});

describe('OCI tags', () => {
  test.each([
    ['feature/x#1', 'feature-x-1'],
    ['-lead', 'lead'],
    ['..dots', 'dots'],
    ['_ok', '_ok'],
    ['ünïcode', 'n-code'],
    ['a'.repeat(200), 'a'.repeat(128)],
  ])('%s', (input, expected) => {
    expect(toOciTag(input)).toBe(expected);
    expect(isOciTag(expected)).toBe(true);
  });
});
