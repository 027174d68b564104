// metadata-action's outputs and environment from a real build and push, and what reaches
// the image: the `json`, `annotations` and `sep-*` outputs and every DOCKER_METADATA_OUTPUT_*
// variable; annotations on the pushed manifest; `context: {{defaultContext}}:…`; a bare
// build-arg NAME read from the environment; SOURCE_DATE_EPOCH as the image's time.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleWorkspace, runAction, runnerTempDir, stack, uniqueName, type ActionRun } from './helpers.ts';

const MANIFEST_TYPES = 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.index.v1+json';

async function registryJson(url: string): Promise<Record<string, any>> {
  const response = await fetch(url, { headers: { accept: MANIFEST_TYPES } });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return (await response.json()) as Record<string, any>;
}

describe('metadata-action outputs, environment and annotations', () => {
  const repository = uniqueName('e2e/meta-out');
  const image = `${stack.IMAGE_BUILD_REGISTRY}/${repository}`;
  const sha = '3'.repeat(40);
  let run: ActionRun;

  beforeAll(async () => {
    // The app lives in a subfolder of the checkout: `{{defaultContext}}:app`.
    const workspace = exampleWorkspace();
    const app = path.join(workspace, 'app');
    fs.mkdirSync(app);
    fs.cpSync(path.join(workspace, 'src'), path.join(app, 'src'), { recursive: true });
    fs.writeFileSync(path.join(app, 'Dockerfile'), `ARG BASE\nFROM \${BASE}\nARG GREETING\nRUN echo "$GREETING" > /greeting && echo ${uniqueName('meta')}\nCOPY src/ /app/src/\n`);
    run = await runAction({
      workspace,
      ref: 'refs/tags/v1.4.2',
      sha,
      inputs: {
        images: image,
        context: '{{defaultContext}}:app',
        tags: 'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}.{{minor}}',
        annotations: 'org.opencontainers.image.vendor=Acme\ncom.example.build={{sha}}',
        'sep-tags': ',',
        'sep-labels': '\n',
        'sep-annotations': ';',
        'bake-target': 'meta',
        'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}\nGREETING\n\n`,
        cache: 'false',
      },
      runnerTemp: runnerTempDir(),
      env: { GREETING: 'hello-from-env', SOURCE_DATE_EPOCH: '1700000000' },
    });
  });

  it('builds and pushes', () => {
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.built).toBe('true');
  });

  it('json has tags, labels and annotations, in the same shape and values as the other outputs', () => {
    const json = JSON.parse(run.outputs.json!) as { tags: string[]; labels: Record<string, string>; annotations: string[] };
    expect(Object.keys(json)).toEqual(['tags', 'labels', 'annotations']);
    expect(json.tags).toEqual([`${image}:1.4.2`, `${image}:1.4`, `${image}:latest`]);
    expect(run.outputs.tags).toBe(json.tags.join(','));
    expect(run.outputs['tag-names']).toBe('1.4.2,1.4,latest');
    expect(run.outputs.labels).toBe(Object.entries(json.labels).map(([k, v]) => `${k}=${v}`).join('\n'));
    expect(run.outputs.annotations).toBe(json.annotations.join(';'));
    expect(json.annotations).toContain('manifest:org.opencontainers.image.vendor=Acme');
    expect(json.annotations).toContain(`manifest:com.example.build=${sha.slice(0, 7)}`);
    expect(json.annotations).toContain('manifest:org.opencontainers.image.version=1.4.2');
    expect(json.annotations.every((line) => line.startsWith('manifest:'))).toBe(true);
    // The custom annotations are not labels, as in metadata-action.
    expect(json.labels['com.example.build']).toBeUndefined();
  });

  it('exports exactly metadata-action’s DOCKER_METADATA_OUTPUT_* variables, equal to the outputs', () => {
    const names = Object.keys(run.exported).filter((name) => name.startsWith('DOCKER_METADATA_OUTPUT_')).sort();
    expect(names).toEqual([
      'DOCKER_METADATA_OUTPUT_ANNOTATIONS',
      'DOCKER_METADATA_OUTPUT_BAKE_FILE',
      'DOCKER_METADATA_OUTPUT_BAKE_FILE_ANNOTATIONS',
      'DOCKER_METADATA_OUTPUT_BAKE_FILE_LABELS',
      'DOCKER_METADATA_OUTPUT_BAKE_FILE_TAGS',
      'DOCKER_METADATA_OUTPUT_JSON',
      'DOCKER_METADATA_OUTPUT_LABELS',
      'DOCKER_METADATA_OUTPUT_TAGS',
      'DOCKER_METADATA_OUTPUT_TAG_NAMES',
      'DOCKER_METADATA_OUTPUT_VERSION',
    ]);
    for (const output of ['version', 'tags', 'tag-names', 'labels', 'annotations', 'json', 'bake-file-tags', 'bake-file-labels', 'bake-file-annotations', 'bake-file']) {
      expect(run.exported[`DOCKER_METADATA_OUTPUT_${output.replace(/\W/g, '_').toUpperCase()}`], output).toBe(run.outputs[output]);
    }
    expect(run.exported.DOCKER_METADATA_OUTPUT_VERSION).toBe('1.4.2');
  });

  it('the bake files are kept for later steps, with metadata-action’s definitions', () => {
    const json = JSON.parse(run.outputs.json!);
    const read = (output: string) => JSON.parse(fs.readFileSync(run.outputs[output]!, 'utf8'));
    const args = { DOCKER_META_IMAGES: image, DOCKER_META_VERSION: '1.4.2' };
    expect(read('bake-file-tags')).toEqual({ target: { meta: { tags: json.tags, args } } });
    expect(read('bake-file-labels')).toEqual({ target: { meta: { labels: json.labels } } });
    expect(read('bake-file-annotations')).toEqual({ target: { meta: { annotations: json.annotations } } });
    expect(read('bake-file')).toEqual({ target: { meta: { tags: json.tags, labels: json.labels, args } } });
  });

  it('the pushed manifest carries the annotations', async () => {
    const manifest = await registryJson(`http://${stack.IMAGE_BUILD_REGISTRY}/v2/${repository}/manifests/1.4.2`);
    const single = manifest.manifests ? await registryJson(`http://${stack.IMAGE_BUILD_REGISTRY}/v2/${repository}/manifests/${manifest.manifests[0].digest}`) : manifest;
    expect(single.annotations).toMatchObject({
      'org.opencontainers.image.vendor': 'Acme',
      'com.example.build': sha.slice(0, 7),
      'org.opencontainers.image.version': '1.4.2',
      'org.opencontainers.image.revision': sha,
    });
  });

  it('SOURCE_DATE_EPOCH is the image time, and the bare GREETING build arg came from the environment', async () => {
    const manifest = await registryJson(`http://${stack.IMAGE_BUILD_REGISTRY}/v2/${repository}/manifests/1.4.2`);
    const single = manifest.manifests ? await registryJson(`http://${stack.IMAGE_BUILD_REGISTRY}/v2/${repository}/manifests/${manifest.manifests[0].digest}`) : manifest;
    const config = await registryJson(`http://${stack.IMAGE_BUILD_REGISTRY}/v2/${repository}/blobs/${single.config.digest}`);
    expect(config.created).toBe('2023-11-14T22:13:20Z');
    const run = (config.history as Array<{ created_by?: string }>).find((entry) => entry.created_by?.includes('/greeting'));
    expect(run?.created_by).toContain('GREETING=hello-from-env');
  });
});
