import { describe, expect, test } from 'vitest';
import { labelLines } from '../../../src/tags/index.ts';
import { ctxFor, meta } from './helpers.ts';

describe('labels', () => {
  test('OCI labels from the payload, created = commit time, sorted', () => {
    const m = meta('push_tag', { tags: 'type=semver,pattern={{version}}' });
    expect(labelLines(m.labels)).toEqual([
      'org.opencontainers.image.created=2024-02-01T23:30:00.000Z',
      'org.opencontainers.image.description=',
      'org.opencontainers.image.licenses=',
      'org.opencontainers.image.revision=9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a291807',
      'org.opencontainers.image.source=https://github.com/acme/widget',
      'org.opencontainers.image.title=widget',
      'org.opencontainers.image.url=https://github.com/acme/widget',
      'org.opencontainers.image.version=3.4.5',
    ]);
  });

  test('description and license from the payload', () => {
    const m = meta('push_main', { tags: 'type=ref,event=branch' });
    expect(m.labels['org.opencontainers.image.description']).toBe('A small widget service');
    expect(m.labels['org.opencontainers.image.licenses']).toBe('Apache-2.0');
    expect(m.labels['org.opencontainers.image.created']).toBe('2024-03-05T13:15:16.000Z');
  });

  test('repository info from the API wins over the payload', () => {
    const m = meta('push_main', { tags: 'type=raw,x', repo: { name: 'Widget', description: 'From API', htmlUrl: 'https://example.com/w', license: 'MIT' } });
    expect(m.labels['org.opencontainers.image.title']).toBe('Widget');
    expect(m.labels['org.opencontainers.image.source']).toBe('https://example.com/w');
    expect(m.labels['org.opencontainers.image.licenses']).toBe('MIT');
  });

  test('without payload repository, name and URL come from the context', () => {
    const m = meta(ctxFor('push_main', { payload: {} }), { tags: 'type=raw,x' });
    expect(m.labels['org.opencontainers.image.title']).toBe('widget');
    expect(m.labels['org.opencontainers.image.url']).toBe('https://github.com/acme/widget');
  });

  test('created falls back to the build time', () => {
    const m = meta(ctxFor('push_main', { commitDate: undefined }), { tags: 'type=raw,x' });
    expect(m.labels['org.opencontainers.image.created']).toBe('2024-03-06T01:02:03.456Z');
  });

  test('user labels override, expressions, = in values, lines without = dropped', () => {
    const m = meta('push_main', {
      tags: 'type=raw,x',
      labels: [
        'org.opencontainers.image.title=Custom',
        'maintainer=team@acme.example',
        'build.branch={{branch}}',
        "build.day={{commit_date 'YYYY-MM-DD'}}",
        'equation=a=b',
        'empty=',
        'garbage',
        '# comment',
      ].join('\n'),
    });
    expect(m.labels['org.opencontainers.image.title']).toBe('Custom');
    expect(m.labels['build.branch']).toBe('main');
    expect(m.labels['build.day']).toBe('2024-03-05');
    expect(m.labels.equation).toBe('a=b');
    expect(m.labels.empty).toBe('');
    expect(m.labels).not.toHaveProperty('garbage');
    expect(Object.keys(m.labels)).toEqual([...Object.keys(m.labels)].sort((a, b) => a.localeCompare(b, 'en')));
  });

  test('annotations per level and json output', () => {
    const m = meta('push_main', { tags: 'type=raw,x', annotations: 'org.opencontainers.image.title=Ann' }, { annotationLevels: ['index', 'manifest'] });
    expect(m.annotations).toContain('index:org.opencontainers.image.title=Ann');
    expect(m.annotations).toContain('manifest:org.opencontainers.image.title=Ann');
    expect(m.annotations).toHaveLength(16);
    expect(m.json).toEqual({ tags: ['x'], labels: m.labels, annotations: m.annotations });
  });
});
