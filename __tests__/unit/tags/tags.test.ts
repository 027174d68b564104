/** Table-driven: every tag type and attribute over the fixture events. */
import { describe, expect, test } from 'vitest';
import { ctxFor, meta } from './helpers.ts';

interface Row {
  name: string;
  event: string;
  tag?: string;
  tags: string;
  flavor?: string;
  images?: string;
  shortShaLength?: number;
  names: string[];
  main?: string;
  latest?: boolean;
}

const rows: Row[] = [
  // schedule
  { name: 'schedule default pattern', event: 'schedule', tags: 'type=schedule', names: ['nightly'] },
  { name: 'schedule date pattern', event: 'schedule', tags: "type=schedule,pattern={{date 'YYYYMMDD-HHmm'}}", names: ['20240306-0102'] },
  { name: 'schedule date in a zone', event: 'schedule', tags: "type=schedule,pattern={{date 'YYYY-MM-DD HH:mm' tz='America/New_York'}}", names: ['2024-03-05-20-02'] },
  { name: 'schedule ignores other events', event: 'push_main', tags: 'type=schedule\ntype=raw,x', names: ['x'] },
  { name: 'schedule pattern has no {{branch}}', event: 'schedule', tags: 'type=schedule,pattern=n-{{branch}}', names: ['n-'] },
  // semver
  { name: 'semver patterns', event: 'push_tag', tags: 'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}.{{minor}}\ntype=semver,pattern={{major}}', names: ['3.4.5', '3.4', '3', 'latest'], latest: true },
  { name: 'semver raw and v prefix', event: 'push_tag', tags: 'type=semver,pattern={{raw}}\ntype=semver,pattern=v{{major}}', names: ['v3.4.5', 'v3', 'latest'] },
  { name: 'semver patch only', event: 'push_tag', tags: 'type=semver,pattern={{patch}}', names: ['5', 'latest'] },
  { name: 'semver pre-release collapses to version', event: 'push_tag', tag: 'v1.0.0-rc.2', tags: 'type=semver,pattern={{major}}.{{minor}}\ntype=semver,pattern={{major}}', names: ['1.0.0-rc.2'], latest: false },
  { name: 'semver pre-release keeps raw', event: 'push_tag', tag: 'v1.0.0-rc.2', tags: 'type=semver,pattern={{raw}}', names: ['v1.0.0-rc.2'] },
  { name: 'semver 0.x gives 0 like metadata-action', event: 'push_tag', tag: 'v0.3.1', tags: 'type=semver,pattern={{major}}.{{minor}}\ntype=semver,pattern={{major}}', names: ['0.3', '0', 'latest'] },
  { name: 'semver 0.x major disabled by expression', event: 'push_tag', tag: 'v0.3.1', tags: 'type=semver,pattern={{major}}.{{minor}}\ntype=semver,pattern={{major}},enable=false', names: ['0.3', 'latest'] },
  { name: 'semver build metadata is dropped from version', event: 'push_tag', tag: 'v1.2.3+build.7', tags: 'type=semver,pattern={{version}}', names: ['1.2.3', 'latest'] },
  { name: 'semver not valid is skipped', event: 'push_tag', tag: 'release-7', tags: 'type=semver,pattern={{version}}\ntype=sha', names: ['sha-9e8d7c6'] },
  { name: 'semver skipped on branches', event: 'push_main', tags: 'type=semver,pattern={{version}}', names: [] },
  { name: 'semver value', event: 'push_main', tags: 'type=semver,pattern={{major}}.{{minor}},value=v7.8.9', names: ['7.8', 'latest'] },
  { name: 'semver value with expression', event: 'push_tag', tags: 'type=semver,pattern={{version}},value={{tag}}', names: ['3.4.5', 'latest'] },
  { name: 'semver match', event: 'push_tag', tag: 'api/v2.1.0', tags: 'type=semver,pattern={{version}},match=v(\\d+\\.\\d+\\.\\d+)$', names: ['2.1.0', 'latest'] },
  // pep440
  { name: 'pep440 release', event: 'push_tag', tag: '1.2.3', tags: 'type=pep440,pattern={{version}}\ntype=pep440,pattern={{major}}.{{minor}}', names: ['1.2.3', '1.2', 'latest'] },
  { name: 'pep440 normalises rc', event: 'release_rc', tags: 'type=pep440,pattern={{major}}.{{minor}}', names: ['2.0.0rc1'], latest: false },
  { name: 'pep440 post release', event: 'push_tag', tag: '1.4-2', tags: 'type=pep440,pattern={{major}}', names: ['1.4.post2'] },
  { name: 'pep440 minor and patch default to 0', event: 'push_tag', tag: '5', tags: 'type=pep440,pattern={{major}}.{{minor}}.{{patch}}', names: ['5.0.0', 'latest'] },
  { name: 'pep440 invalid is skipped', event: 'push_tag', tag: 'banana', tags: 'type=pep440,pattern={{version}}', names: [] },
  // match
  { name: 'match group', event: 'push_tag', tags: 'type=match,pattern=v(\\d+)\\.(\\d+),group=2', names: ['4', 'latest'] },
  { name: 'match whole', event: 'push_tag', tags: 'type=match,pattern=\\d+\\.\\d+', names: ['3.4', 'latest'] },
  { name: 'match regex literal with flags', event: 'push_tag', tag: 'V9.1', tags: 'type=match,pattern=/^v(\\d)/i,group=1', names: ['9', 'latest'] },
  { name: 'match quoted comma (deviation)', event: 'push_tag', tag: 'v10.20', tags: 'type=match,"pattern=^v(\\d{1,3})\\.",group=1', names: ['10', 'latest'] },
  { name: 'match missing group is skipped', event: 'push_tag', tags: 'type=match,pattern=v(\\d),group=4', names: [] },
  { name: 'match value', event: 'push_main', tags: 'type=match,pattern=\\d+,value=build-778', names: ['778', 'latest'] },
  // edge
  { name: 'edge on default branch', event: 'push_main', tags: 'type=edge', names: ['edge'] },
  { name: 'edge elsewhere', event: 'push_feature', tags: 'type=edge', names: [] },
  { name: 'edge with branch', event: 'push_feature', tags: 'type=edge,branch=feature/Login_Page', names: ['edge'] },
  // ref
  { name: 'ref branch sanitised', event: 'push_feature', tags: 'type=ref,event=branch', names: ['feature-Login_Page'] },
  { name: 'ref tag', event: 'push_tag', tags: 'type=ref,event=tag', names: ['v3.4.5', 'latest'], latest: true },
  { name: 'ref pr', event: 'pull_request', tags: 'type=ref,event=pr', names: ['pr-42'] },
  { name: 'ref pr on pull_request_target', event: 'pull_request_target', tags: 'type=ref,event=pr\ntype=ref,event=branch', names: ['pr-42'] },
  { name: 'ref pr own prefix', event: 'pull_request', tags: 'type=ref,event=pr,prefix=review-', names: ['review-42'] },
  { name: 'ref branch on workflow_dispatch', event: 'workflow_dispatch', tags: 'type=ref,event=branch', names: ['develop'] },
  // raw
  { name: 'raw forms', event: 'push_main', tags: 'type=raw,value=a\ntype=raw,b\nc', names: ['a', 'b', 'c'] },
  { name: 'raw with expressions', event: 'push_main', tags: 'type=raw,value={{branch}}-{{sha}}', names: ['main-4f2d7c0'] },
  { name: 'raw latest on default branch', event: 'push_main', tags: 'type=raw,value=latest,enable={{is_default_branch}}', names: ['latest'] },
  { name: 'raw not on other branch', event: 'push_feature', tags: 'type=raw,value=latest,enable={{is_default_branch}}\ntype=raw,dev,enable={{is_not_default_branch}}', names: ['dev'] },
  // sha
  { name: 'sha short', event: 'push_main', tags: 'type=sha', names: ['sha-4f2d7c0'] },
  { name: 'sha long without prefix', event: 'push_main', tags: 'type=sha,format=long,prefix=', names: ['4f2d7c0e9b8a6d5c4b3a29180f7e6d5c4b3a2918'] },
  { name: 'sha length switch', event: 'push_main', tags: 'type=sha\ntype=raw,{{sha}}', shortShaLength: 12, names: ['4f2d7c0e9b8a', 'sha-4f2d7c0e9b8a'] },
  { name: 'sha with suffix', event: 'push_main', tags: 'type=sha,suffix=-slim', names: ['sha-4f2d7c0-slim'] },
  { name: 'sha skipped without sha', event: 'no_event', tags: 'type=sha', names: [] },
  // enable / priority / prefix / suffix
  { name: 'priority reorders', event: 'push_tag', tags: 'type=sha,priority=2000\ntype=semver,pattern={{version}}', names: ['sha-9e8d7c6', '3.4.5'], main: 'sha-9e8d7c6', latest: false },
  { name: 'equal priority keeps order', event: 'push_main', tags: 'type=raw,b,priority=5\ntype=raw,a,priority=5', names: ['b', 'a'] },
  { name: 'flavor prefix and suffix', event: 'push_main', tags: 'type=ref,event=branch\ntype=sha', flavor: 'prefix=app-\nsuffix=-alpine', names: ['app-main-alpine', 'sha-4f2d7c0-alpine'] },
  { name: 'empty rule prefix replaces flavor prefix', event: 'push_main', tags: 'type=raw,x,prefix=', flavor: 'prefix=app-', names: ['x'] },
  { name: 'prefix with expression', event: 'push_main', tags: 'type=sha,prefix={{branch}}-', names: ['main-4f2d7c0'] },
  // latest flavor
  { name: 'latest=true on branch', event: 'push_main', tags: 'type=ref,event=branch', flavor: 'latest=true', names: ['main', 'latest'] },
  { name: 'latest=false on tag', event: 'push_tag', tags: 'type=semver,pattern={{version}}', flavor: 'latest=false', names: ['3.4.5'] },
  { name: 'latest decided by first rule', event: 'push_tag', tags: 'type=raw,foo,priority=1000\ntype=semver,pattern={{version}}', names: ['foo', '3.4.5'], latest: false },
  { name: 'latest with onlatest affixes', event: 'push_tag', tags: 'type=semver,pattern={{version}}', flavor: 'prefix=p-,onlatest=true\nsuffix=-s', names: ['p-3.4.5-s', 'p-latest'] },
  { name: 'no duplicate latest (deviation)', event: 'push_tag', tags: 'type=semver,pattern={{version}}\ntype=raw,latest', names: ['3.4.5', 'latest'] },
  { name: 'duplicates collapse', event: 'push_tag', tags: 'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}.{{minor}}.{{patch}}', names: ['3.4.5', 'latest'] },
  // OCI validity (deviation)
  { name: 'leading separator dropped', event: 'push_tag', tags: 'type=sha,prefix={{branch}}-', names: ['9e8d7c6'] },
  { name: 'tag cut to 128', event: 'push_main', tags: `type=raw,${'x'.repeat(140)}`, names: ['x'.repeat(128)] },
  { name: 'nothing valid is skipped', event: 'push_main', tags: 'type=raw,value=~~~\ntype=raw,ok', names: ['ok'] },
  // defaults
  { name: 'image-build defaults on a tag', event: 'push_tag', tags: '', names: ['3.4.5', '3.4', '3', 'sha-9e8d7c6', 'latest'] },
  { name: 'image-build defaults on a branch', event: 'push_main', tags: '', names: ['main', 'sha-4f2d7c0'] },
  { name: 'image-build defaults on a PR', event: 'pull_request', tags: '', names: ['pr-42', 'sha-3333333'] },
  { name: 'image-build defaults on a schedule', event: 'schedule', tags: '', names: ['main', 'sha-4f2d7c0'] },
  // comments and blank lines
  { name: 'comments and blanks', event: 'push_main', tags: '# a comment\n\n  type=raw,one  \n   # another\n', names: ['one'] },
];

describe('tags', () => {
  test.each(rows)('$name', (row) => {
    const ctx = ctxFor(row.event, row.tag !== undefined ? { tag: row.tag } : {});
    const m = meta(ctx, { tags: row.tags, flavor: row.flavor ?? '', images: row.images ?? '' }, { shortShaLength: row.shortShaLength });
    expect(m.tagNames).toEqual(row.names);
    if (row.main !== undefined) expect(m.version.main).toBe(row.main);
    if (row.latest !== undefined) expect(m.version.latest).toBe(row.latest);
  });

  test('full refs for each enabled image, lower-cased', () => {
    const m = meta('push_tag', {
      images: 'ghcr.io/Acme/Widget\nname=docker.io/acme/widget,enable=false\nlocalhost:5000/widget',
      tags: 'type=semver,pattern={{version}}',
    });
    expect(m.images).toEqual(['ghcr.io/acme/widget', 'localhost:5000/widget']);
    expect(m.tags).toEqual([
      'ghcr.io/acme/widget:3.4.5',
      'ghcr.io/acme/widget:latest',
      'localhost:5000/widget:3.4.5',
      'localhost:5000/widget:latest',
    ]);
    expect(m.json.tags).toEqual(m.tags);
  });

  test('images on one line separated by commas', () => {
    const m = meta('push_main', { images: 'acme/a,acme/b', tags: 'type=raw,x' });
    expect(m.tags).toEqual(['acme/a:x', 'acme/b:x']);
  });

  test('without images, tags are the bare names', () => {
    const m = meta('push_main', { tags: 'type=raw,x\ntype=raw,y' });
    expect(m.tags).toEqual(['x', 'y']);
    expect(m.images).toEqual([]);
  });

  test('nothing to tag gives empty outputs but labels', () => {
    const m = meta('push_feature', { images: 'acme/widget', tags: 'type=ref,event=tag' });
    expect(m.version).toEqual({ main: undefined, partial: [], latest: false });
    expect(m.tags).toEqual([]);
    expect(m.labels['org.opencontainers.image.version']).toBe('');
  });

  test('warnings for skipped rules and changed tags', () => {
    const m = meta('push_tag', { tags: 'type=match,pattern=zzz\ntype=sha,prefix=-,foo=bar' });
    expect(m.warnings.join('\n')).toMatch(/zzz does not match v3\.4\.5/);
    expect(m.warnings.join('\n')).toMatch(/attribute "foo" is not used by type=sha/);
    expect(m.warnings.join('\n')).toMatch(/became "9e8d7c6"/);
  });

  test('edge without a known default branch warns', () => {
    const ctx = ctxFor('push_main', { defaultBranch: undefined, payload: {} });
    const m = meta(ctx, { tags: 'type=edge' });
    expect(m.tagNames).toEqual([]);
    expect(m.warnings.join('\n')).toMatch(/default branch is unknown/);
  });

  test('edge uses the repository info default branch when the payload lacks it', () => {
    const ctx = ctxFor('push_main', { defaultBranch: undefined, payload: {} });
    const m = meta(ctx, { tags: 'type=edge', repo: { defaultBranch: 'main' } });
    expect(m.tagNames).toEqual(['edge']);
  });
});
