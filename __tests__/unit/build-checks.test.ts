// BuildKit build-check findings as Dockerfile-line warnings: from `--call=check,format=json`
// and from the metadata file's `buildx.build.warnings`. (The stack's Buildx 0.13 has no
// build checks; these shapes are BuildKit's lint result and vertex warning.)
import { describe, expect, it } from 'vitest';
import { callFlagValue, evaluatesOnly, parseCheckOutput, parseMetadataWarnings } from '../../src/buildx/build-checks.ts';

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('build checks', () => {
  it('a check result: one finding per warning, at its source line', () => {
    const stdout = JSON.stringify({
      warnings: [
        { ruleName: 'FromAsCasing', description: "The 'as' keyword should match the case of the 'from' keyword", detail: "'as' and 'FROM' keywords' casing do not match", url: 'https://docs.docker.com/go/dockerfile/rule/from-as-casing/', location: { sourceIndex: 0, ranges: [{ start: { line: 3 }, end: { line: 3 } }] } },
      ],
      sources: [{ fileName: 'Dockerfile', language: 'Dockerfile' }],
    });
    expect(parseCheckOutput(stdout)).toEqual([
      { rule: 'FromAsCasing', message: "The 'as' keyword should match the case of the 'from' keyword: 'as' and 'FROM' keywords' casing do not match", file: 'Dockerfile', line: 3, url: 'https://docs.docker.com/go/dockerfile/rule/from-as-casing/' },
    ]);
  });

  it('no JSON, no findings', () => {
    expect(parseCheckOutput('Check complete, no warnings found.')).toEqual([]);
  });

  it('metadata warnings: base64 text, rule name split off', () => {
    const warnings = [{ short: b64('JSONArgsRecommended: JSON arguments recommended for CMD (line 7)'), detail: [b64('Use JSON for CMD')], url: 'https://docs.docker.com/go/dockerfile/rule/json-args-recommended/', sourceInfo: { filename: 'Dockerfile' }, range: [{ start: { line: 7 } }] }];
    expect(parseMetadataWarnings(warnings)).toEqual([
      { rule: 'JSONArgsRecommended', message: 'JSON arguments recommended for CMD (line 7) Use JSON for CMD', file: 'Dockerfile', line: 7, url: 'https://docs.docker.com/go/dockerfile/rule/json-args-recommended/' },
    ]);
    expect(parseMetadataWarnings(undefined)).toEqual([]);
  });

  it.each([
    ['check', 'check,format=json', true],
    ['check,format=text', 'check,format=text', true],
    ['outline', 'outline', true],
    ['build', 'build', false],
  ])('call: %s', (call, flag, evaluates) => {
    expect(callFlagValue(call)).toBe(flag);
    expect(evaluatesOnly(call)).toBe(evaluates);
  });
});
