// The levels of metadata-action's and Buildx's annotation lines: which entries reach an
// image manifest, an index, and one platform's manifest.
import { describe, expect, it } from 'vitest';
import { annotationsAt, isLeveledAnnotation } from '../../../src/tags/annotation-levels.ts';

const lines = [
  'manifest:a=1',
  'index:b=2',
  'manifest,index:c=3',
  'd=4',
  'manifest-descriptor:e=5',
  'manifest[linux/arm64]:f=6',
  'index[linux/amd64],manifest[linux/arm64/v8]:g=7',
  'org.opencontainers.image.url=https://example.com:8443/a=b',
];

describe('annotationsAt', () => {
  it.each([
    ['manifest', undefined, { a: '1', c: '3', d: '4', 'org.opencontainers.image.url': 'https://example.com:8443/a=b' }],
    ['manifest', 'linux/arm64', { a: '1', c: '3', d: '4', f: '6', 'org.opencontainers.image.url': 'https://example.com:8443/a=b' }],
    ['manifest', 'linux/arm64/v8', { a: '1', c: '3', d: '4', g: '7', 'org.opencontainers.image.url': 'https://example.com:8443/a=b' }],
    ['index', undefined, { b: '2', c: '3' }],
    ['index', 'linux/amd64', { b: '2', c: '3', g: '7' }],
    ['manifest-descriptor', undefined, { e: '5' }],
  ] as const)('%s level, platform %s', (level, platform, expected) => {
    expect(annotationsAt(lines, level, { platform })).toEqual(expected);
  });

  it('a later line wins, and a line without a value is left out', () => {
    expect(annotationsAt(['manifest:a=1', 'a=2', 'manifest:b'], 'manifest')).toEqual({ a: '2' });
  });

  it('tells leveled lines from bare ones whose value holds a colon', () => {
    expect(lines.filter(isLeveledAnnotation)).toHaveLength(6);
    expect(isLeveledAnnotation('org.opencontainers.image.url=https://example.com')).toBe(false);
    expect(isLeveledAnnotation('manifests:a=1')).toBe(false);
  });
});
