import { describe, expect, test } from 'vitest';
import { checkAnnotationLevels, metadataActionOutputs, outputEnvName } from '../../src/github/metadata-outputs.ts';
import { computeMetadata } from '../../src/tags/index.ts';
import type { GitContext } from '../../src/github/git-context.ts';

const ctx: GitContext = {
  eventName: 'push',
  ref: 'refs/tags/v2.1.0',
  sha: 'f'.repeat(40),
  repository: 'acme/app',
  payload: {},
  runId: 1,
  runNumber: 1,
  commitDate: new Date('2024-02-03T04:05:06Z'),
  serverUrl: 'https://github.com',
};

function meta(levels: string[]) {
  return computeMetadata(ctx, { images: 'acme/app', tags: 'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}', flavor: 'latest=false', labels: 'x=1', annotations: 'y=2' }, { annotationLevels: levels });
}

describe("metadata-action's outputs", () => {
  test('names, order, separators; annotations at every level, manifest level first', () => {
    const outputs = Object.fromEntries(metadataActionOutputs(meta(['manifest', 'index']), { tags: ',', labels: ' ', annotations: ';' }));
    expect(Object.keys(outputs)).toEqual(['version', 'tags', 'tag-names', 'labels', 'annotations', 'json']);
    expect(outputs.version).toBe('2.1.0');
    expect(outputs.tags).toBe('acme/app:2.1.0,acme/app:2');
    expect(outputs['tag-names']).toBe('2.1.0,2');
    expect(outputs.labels!.split(' ')).toContain('x=1');
    const annotations = outputs.annotations!.split(';');
    expect(annotations.filter((line) => line.startsWith('manifest:'))).toHaveLength(annotations.length / 2);
    expect(annotations.slice(0, annotations.length / 2).every((line) => line.startsWith('manifest:'))).toBe(true);
    expect(annotations).toContain('index:y=2');
    expect(annotations).not.toContain('manifest:x=1');
    const json = JSON.parse(outputs.json!);
    expect(json).toEqual({ tags: ['acme/app:2.1.0', 'acme/app:2'], labels: expect.objectContaining({ x: '1', 'org.opencontainers.image.created': '2024-02-03T04:05:06.000Z' }), annotations });
  });

  test.each([
    ['version', 'DOCKER_METADATA_OUTPUT_VERSION'],
    ['tag-names', 'DOCKER_METADATA_OUTPUT_TAG_NAMES'],
    ['json', 'DOCKER_METADATA_OUTPUT_JSON'],
    ['bake-file-tags', 'DOCKER_METADATA_OUTPUT_BAKE_FILE_TAGS'],
  ])('%s is exported as %s', (output, variable) => expect(outputEnvName(output)).toBe(variable));
});

describe('annotation levels BuildKit can apply', () => {
  test.each([
    [['manifest:a=1'], [], true],
    [['index:a=1'], ['linux/amd64', 'linux/arm64'], true],
    [['index:a=1'], [], false],
    [['index-descriptor:a=1'], ['linux/amd64'], false],
    [['manifest-descriptor:a=1'], [], true],
  ])('%j on platforms %j: %s', (annotations, platforms, ok) => {
    const check = () => checkAnnotationLevels(annotations, platforms);
    if (ok) expect(check).not.toThrow();
    else expect(check).toThrow(/DOCKER_METADATA_ANNOTATIONS_LEVELS=manifest/);
  });
});
