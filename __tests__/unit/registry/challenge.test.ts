import { expect, test } from 'vitest';
import { parseWwwAuthenticate, pickChallenge } from '../../../src/registry/challenge.ts';

test('Basic with a realm', () => {
  expect(parseWwwAuthenticate('Basic realm="Registry Realm"')).toEqual([
    { scheme: 'basic', params: { realm: 'Registry Realm' } },
  ]);
});

test('Bearer with realm, service and a scope whose quoted value holds commas and colons', () => {
  const header =
    'Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:org/app:pull,push"';
  expect(parseWwwAuthenticate(header)).toEqual([
    {
      scheme: 'bearer',
      params: { realm: 'https://auth.example.com/token', service: 'registry.example.com', scope: 'repository:org/app:pull,push' },
    },
  ]);
});

test('spaces around separators, unquoted values, mixed-case names, escapes', () => {
  const header = 'BEARER Realm = "https://a.test/t" , Service=reg.test, error="insufficient_scope", x="a \\"quoted\\" word"';
  expect(parseWwwAuthenticate(header)).toEqual([
    {
      scheme: 'bearer',
      params: { realm: 'https://a.test/t', service: 'reg.test', error: 'insufficient_scope', x: 'a "quoted" word' },
    },
  ]);
});

test('several challenges in one header', () => {
  const challenges = parseWwwAuthenticate('Basic realm="r1", Bearer realm="https://a.test/token",service="s", Negotiate');
  expect(challenges.map((c) => c.scheme)).toEqual(['basic', 'bearer', 'negotiate']);
  expect(challenges[1]!.params).toEqual({ realm: 'https://a.test/token', service: 's' });
  expect(pickChallenge(challenges)?.scheme).toBe('bearer');
});

test('pickChallenge falls back to Basic and ignores unknown schemes', () => {
  expect(pickChallenge(parseWwwAuthenticate('Negotiate, Basic realm="x"'))?.scheme).toBe('basic');
  expect(pickChallenge(parseWwwAuthenticate('Negotiate abc=='))).toBeUndefined();
  expect(parseWwwAuthenticate('')).toEqual([]);
});
