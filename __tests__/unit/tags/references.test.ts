// `tags` as build-push-action reads it (full references, pushed as written) beside
// metadata-action's rules, over the shapes real publish workflows hand over.
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../../src/common/errors.ts';
import { splitTagsInput } from '../../../src/tags/references.ts';
import { meta } from './helpers.ts';

const SHA7 = '4f2d7c0';

describe('tags: references and rules', () => {
  // [shape, images, tags, event, the references pushed, the repositories logged in to and looked up]
  const cases: [string, string, string, string, string[], string[]][] = [
    [
      "metadata-action's outputs.tags passed through (one a line)",
      '',
      'ghcr.io/acme/app:3.4.5\nghcr.io/acme/app:3.4\nghcr.io/acme/app:latest\n',
      'push_tag',
      ['ghcr.io/acme/app:3.4.5', 'ghcr.io/acme/app:3.4', 'ghcr.io/acme/app:latest'],
      ['ghcr.io/acme/app'],
    ],
    [
      'a comma list across registries',
      '',
      'ghcr.io/acme/app:latest,docker.io/acme/app:latest,quay.io/acme/app:latest',
      'push_main',
      ['ghcr.io/acme/app:latest', 'docker.io/acme/app:latest', 'quay.io/acme/app:latest'],
      ['ghcr.io/acme/app', 'docker.io/acme/app', 'quay.io/acme/app'],
    ],
    ['Docker Hub short names', '', 'acme/app:1.0.0\nacme/app:latest', 'push_main', ['acme/app:1.0.0', 'acme/app:latest'], ['acme/app']],
    ['an official-image-style name:tag', '', 'app:edge', 'push_main', ['app:edge'], ['app']],
    ['a registry with a port', '', 'localhost:5000/acme/app:dev\n127.0.0.1:15000/app', 'push_main', ['localhost:5000/acme/app:dev', '127.0.0.1:15000/app:latest'], ['localhost:5000/acme/app', '127.0.0.1:15000/app']],
    ['a comma list with blanks after the commas', '', 'ghcr.io/acme/app:1, ghcr.io/acme/app:2', 'push_main', ['ghcr.io/acme/app:1', 'ghcr.io/acme/app:2'], ['ghcr.io/acme/app']],
    ['quoted CSV fields', '', '"ghcr.io/acme/app:1","ghcr.io/acme/app:2"', 'push_main', ['ghcr.io/acme/app:1', 'ghcr.io/acme/app:2'], ['ghcr.io/acme/app']],
    ['a reference given twice', '', 'ghcr.io/acme/app:1\nghcr.io/acme/app:1', 'push_main', ['ghcr.io/acme/app:1'], ['ghcr.io/acme/app']],
    [
      'references mixed with rules on images',
      'ghcr.io/acme/widget',
      'type=sha\nghcr.io/acme/widget:edge',
      'push_main',
      ['ghcr.io/acme/widget:edge', `ghcr.io/acme/widget:sha-${SHA7}`],
      ['ghcr.io/acme/widget'],
    ],
    ['a bare tag is a rule (type=raw)', 'ghcr.io/acme/widget', 'latest\nstable', 'push_main', ['ghcr.io/acme/widget:latest', 'ghcr.io/acme/widget:stable'], ['ghcr.io/acme/widget']],
    ['a rule whose template holds a colon stays a rule', 'ghcr.io/acme/widget', "type=raw,value={{date 'YYYYMMDD'}}-x:y", 'push_main', [], ['ghcr.io/acme/widget']],
    ['no tags: the default rules', 'ghcr.io/acme/widget', '', 'push_main', ['ghcr.io/acme/widget:main', `ghcr.io/acme/widget:sha-${SHA7}`], ['ghcr.io/acme/widget']],
  ];

  it.each(cases)('%s', (_, images, tags, event, pushed, repositories) => {
    const result = meta(event, { images, tags });
    if (pushed.length) expect(result.pushRefs).toEqual(pushed);
    expect(result.repositories).toEqual(repositories);
  });

  it('references only: the `tags` output is what is pushed, tag-names their tags, and no default rule joins in', () => {
    const result = meta('push_tag', { tags: 'ghcr.io/acme/app:1.0.0\nacme/app:1.0.0' });
    expect(result.tags).toEqual(['ghcr.io/acme/app:1.0.0', 'acme/app:1.0.0']);
    expect(result.tagNames).toEqual(['1.0.0']);
    expect(result.warnings).toEqual([]);
  });

  it('rule tags with no image beside references: a warning, since they cannot be pushed', () => {
    const result = meta('push_main', { tags: 'ghcr.io/acme/app:1\ntype=sha' });
    expect(result.pushRefs).toEqual(['ghcr.io/acme/app:1']);
    expect(result.warnings.join('\n')).toMatch(/rules give "sha-4f2d7c0", but there is no image in "images"/);
  });

  it.each([
    ['a digest', 'ghcr.io/acme/app@sha256:' + 'a'.repeat(64), /names a digest, and a digest cannot be pushed to/],
    ['a bare tag beside a reference on one line', 'ghcr.io/acme/app:1,latest', /"latest" in "ghcr.io\/acme\/app:1,latest" is neither a full image reference nor a tag rule/],
    ['capitals in the repository', 'ghcr.io/Acme/app:1', /"ghcr.io\/Acme\/app:1" is not a valid image reference/],
    ['a tag too odd for Docker', 'ghcr.io/acme/app:-x', /tag "-x" must be/],
  ])('refuses %s, naming the input', (_, tags, message) => {
    let error: unknown;
    try {
      splitTagsInput(tags);
    } catch (caught) {
      error = caught;
    }
    expect(isUserError(error) && error.input).toBe('tags');
    expect((error as Error).message).toMatch(message);
  });
});

describe('annotations handed on from metadata-action', () => {
  it('a line that names its level is used as written, and replaces the computed entry of that level and key', () => {
    const result = meta('push_tag', {
      images: 'ghcr.io/acme/widget',
      annotations: 'manifest:org.opencontainers.image.version=9.9.9\nindex:org.opencontainers.image.description=from the index\nmanifest-descriptor[linux/amd64]:x=y\norg.example.plain=1',
    });
    expect(result.annotations).toContain('manifest:org.opencontainers.image.version=9.9.9');
    expect(result.annotations).not.toContain('manifest:org.opencontainers.image.version=3.4.5');
    expect(result.annotations).toContain('index:org.opencontainers.image.description=from the index');
    expect(result.annotations).toContain('manifest-descriptor[linux/amd64]:x=y');
    expect(result.annotations).toContain('manifest:org.example.plain=1');
    expect(result.annotations.filter((a) => a.startsWith('manifest:manifest') || a.startsWith('manifest:index'))).toEqual([]);
  });
});
