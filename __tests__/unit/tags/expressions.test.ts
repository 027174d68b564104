import { describe, expect, test } from 'vitest';
import { formatDate } from '../../../src/tags/datefmt.ts';
import { baseRefOf, isDefaultBranch } from '../../../src/tags/expressions.ts';
import { isRawStatement, render } from '../../../src/tags/template.ts';
import { ctxFor, meta } from './helpers.ts';

describe('template', () => {
  const scope = { a: 'x', n: 3, list: ['p', 'q'], f: (p: unknown[], h: Record<string, unknown>) => `${p.join('+')}|${JSON.stringify(h)}` };
  test.each([
    ['plain', 'plain'],
    ['{{a}}-{{ a }}', 'x-x'],
    ['{{n}}', '3'],
    ['{{list}}', 'p,q'],
    ['{{missing}}', ''],
    ["{{f 'one' 2 true k='v'}}", 'one+2+true|{&quot;k&quot;:&quot;v&quot;}'],
    ["{{{f 'one' k='v'}}}", 'one|{"k":"v"}'],
    ["{{& f 'a=b'}}", 'a=b|{}'],
    ["{{f 'a=b'}}", 'a&#x3D;b|{}'],
    ['\\{{a}}', '{{a}}'],
    ['{{! a comment }}x', 'x'],
    ['{{!-- long }} comment --}}y', 'y'],
    ['a {{~a~}} b', 'axb'],
    // Blocks and subexpressions, as metadata-action's Handlebars renders them.
    ['{{#if a}}yes{{else}}no{{/if}}', 'yes'],
    ['{{#if missing}}yes{{else}}no{{/if}}', 'no'],
    ['{{#unless missing}}-{{a}}{{/unless}}', '-x'],
    ["{{f (f 'in') k=(f 'h')}}", 'in|{}|{&quot;k&quot;:&quot;h|{}&quot;}'],
    ['{{#each list}}[{{this}}]{{/each}}', '[p][q]'],
  ])('%s', (source, expected) => {
    expect(render(source, scope)).toBe(expected);
  });

  test.each([['{{a'], ['{{#if a}}x'], ["{{a 'x'}}"], ["{{nohelper 'x'}}"], ["{{f 'unterminated}}"], ['{{}}']])('error: %s', (source) => {
    expect(() => render(source, scope)).toThrow(/^[^\n]+$/);
  });

  test.each([
    ['{{raw}}', true],
    ['{{ raw }}', true],
    ['{{raw}}.x', false],
    ['{{version}}', false],
    ['{{ raw }', false],
  ])('isRawStatement(%s)', (pattern, expected) => {
    expect(isRawStatement(pattern)).toBe(expected);
  });
});

describe('moment-style dates', () => {
  const d = new Date('2020-01-10T00:30:05.123Z');
  test.each([
    ['YYYYMMDD', 'UTC', '20200110'],
    ['YYYYMMDD-HHmmss', 'Asia/Tokyo', '20200110-093005'],
    ['dddd, MMMM Do YYYY, h:mm:ss a', 'UTC', 'Friday, January 10th 2020, 12:30:05 am'],
    ['ddd MMM D YY, hh A', 'America/Los_Angeles', 'Thu Jan 9 20, 04 PM'],
    ['YYYY-MM-DDTHH:mm:ss.SSS[Z]', 'UTC', '2020-01-10T00:30:05.123Z'],
    ['[week] W, GGGG-[W]WW-E, w, Q, DDDD, X, x', 'UTC', 'week 2, 2020-W02-5, 2, 1, 010, 1578616205, 1578616205123'],
    ['Z ZZ', 'Asia/Kolkata', '+05:30 +0530'],
    ['k:mm S SS', 'UTC', '24:30 1 12'],
    ['LL LT', 'UTC', 'January 10, 2020 12:30 AM'],
  ])('%s in %s', (format, tz, expected) => {
    expect(formatDate(d, format, tz)).toBe(expected);
  });

  test('default format', () => {
    expect(formatDate(d, undefined, 'UTC')).toBe('2020-01-10T00:30:05Z');
    expect(formatDate(d, undefined, 'Europe/Paris')).toBe('2020-01-10T01:30:05+01:00');
  });

  test('ISO week at a year boundary', () => {
    expect(formatDate(new Date('2021-01-01T12:00:00Z'), 'GGGG-WW', 'UTC')).toBe('2020-53');
  });

  test('unknown zone', () => {
    expect(() => formatDate(d, 'YYYY', 'Mars/Olympus')).toThrow(/unknown time zone/);
  });
});

describe('global expressions', () => {
  test.each([
    ['push_feature', 'x.{{branch}}.{{tag}}.{{base_ref}}.{{is_default_branch}}', 'x.feature-Login_Page...false'],
    ['push_main', 'x.{{branch}}.{{tag}}.{{is_default_branch}}.{{is_not_default_branch}}', 'x.main..true.false'],
    ['push_tag', 'x.{{branch}}.{{tag}}.{{base_ref}}.{{is_default_branch}}', 'x..v3.4.5.main.false'],
    ['pull_request', 'x.{{branch}}.{{base_ref}}.{{is_default_branch}}', 'x..main.false'],
    ['schedule', '{{is_default_branch}}', 'true'],
    ['issues', '{{is_default_branch}}', 'true'],
  ])('%s: %s', (event, value, expected) => {
    expect(meta(event, { tags: `type=raw,value=${value}` }).tagNames).toEqual([expected]);
  });

  test('base_ref and default branch helpers', () => {
    expect(baseRefOf(ctxFor('push_tag'))).toBe('main');
    expect(baseRefOf(ctxFor('pull_request'))).toBe('main');
    expect(baseRefOf(ctxFor('push_main'))).toBe('');
    expect(isDefaultBranch(ctxFor('push_main'))).toBe(true);
    expect(isDefaultBranch(ctxFor('push_tag'))).toBe(false);
  });

  test('date is the build time, commit_date the commit time', () => {
    const m = meta('push_main', {
      tags: "type=raw,value={{date 'YYYYMMDD-HHmm'}}\ntype=raw,value={{commit_date 'YYYYMMDD-HHmm' tz='Europe/Berlin'}}",
    });
    expect(m.tagNames).toEqual(['20240306-0102', '20240305-1415']);
  });

  test('commit_date falls back to the build time', () => {
    const m = meta(ctxFor('push_main', { commitDate: undefined }), { tags: "type=raw,value={{commit_date 'YYYYMMDD'}}" });
    expect(m.tagNames).toEqual(['20240306']);
  });

  test('unknown date attribute is an error naming the input', () => {
    expect(() => meta('push_main', { tags: "type=raw,value={{date 'YYYY' zone='UTC'}}" })).toThrow(/tags: .*unknown attribute "zone"/);
  });
});

describe('a name no expression has', () => {
  // [rule, event, the tags, the unknown name warned of]
  const cases: [string, string, string[], string][] = [
    ['type=raw,value={{unknownexpr}}', 'push_main', [], 'unknownexpr'],
    ['type=raw,value=v-{{branhc}}', 'push_main', ['v-'], 'branhc'],
    ['type=raw,value=x,prefix={{pr}}-', 'push_main', ['x'], 'pr'],
    ['type=semver,pattern={{major}}.{{nope}}', 'push_tag', ['3.'], 'nope'],
    ['type=pep440,pattern={{major}}{{extra}}', 'push_tag', ['3'], 'extra'],
  ];
  test.each(cases)('%s (%s): renders as nothing, with a warning', (rule, event, tags, name) => {
    const result = meta(event, { images: 'ghcr.io/acme/app', tags: rule, flavor: 'latest=false' });
    expect(result.tags.map((ref) => ref.slice(ref.indexOf(':') + 1))).toEqual(tags);
    expect(result.warnings.filter((warning) => warning.includes(`{{${name}}} in `) && warning.includes("not an expression known here"))).toHaveLength(1);
  });

  test('known names and helpers draw no warning', () => {
    const result = meta('push_tag', { images: 'ghcr.io/acme/app', tags: "type=semver,pattern={{major}}.{{minor}}\ntype=raw,value={{branch}}{{tag}}-{{date 'YYYY'}}-{{sha}}", flavor: 'latest=false' });
    expect(result.warnings).toEqual([]);
  });
});

describe('Handlebars blocks over the global expressions', () => {
  test.each([
    ['push_tag', 'v3.4.5'],
    ['push_main', 'main'],
  ])('{{#if tag}}{{tag}}{{else}}{{branch}}{{/if}} on %s', (event, expected) => {
    const result = meta(event, { images: 'ghcr.io/acme/app', tags: 'type=raw,value={{#if tag}}{{tag}}{{else}}{{branch}}{{/if}}', flavor: 'latest=false' });
    expect(result.tags).toEqual([`ghcr.io/acme/app:${expected}`]);
    expect(result.warnings).toEqual([]);
  });
});

describe('a bad expression, in one line', () => {
  test.each([
    ["{{date 'YYYY'", 'missing "}}"'],
    ['{{#if tag}}x', 'a block is not closed: missing "{{/…}}"'],
    ['{{a b=}}', 'unexpected "}}" at column 7'],
    ["{{f 'x}}", 'unexpected text (an unclosed string?) at column 5'],
  ])('%s: %s', (source, message) => {
    expect(() => render(source, {})).toThrow(new Error(message));
  });
});
