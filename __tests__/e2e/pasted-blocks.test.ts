// A build-push-action step pasted as it is: `tags` as full references across two
// registries, metadata-action's labels and annotations handed on, and what a step that
// was to push says when there is nothing to push.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classicImageStore, exampleWorkspace, runAction, stack, uniqueName } from './helpers.ts';
import { startTokenRegistry, type TokenRegistry } from './token-registry.ts';

const open = stack.IMAGE_BUILD_REGISTRY!;
const baseArg = `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`;

function workspace(): string {
  const dir = exampleWorkspace();
  fs.writeFileSync(path.join(dir, 'Dockerfile'), `ARG BASE\nFROM \${BASE}\nRUN echo ${uniqueName('pasted')} > /id\nCOPY src/ /app/src/\n`);
  return dir;
}

async function manifestOf(ref: string): Promise<{ annotations?: Record<string, string>; config: { digest: string } }> {
  const slash = ref.indexOf('/');
  const colon = ref.lastIndexOf(':');
  const response = await fetch(`http://${ref.slice(0, slash)}/v2/${ref.slice(slash + 1, colon)}/manifests/${ref.slice(colon + 1)}`, {
    headers: { accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json' },
  });
  expect(response.status, ref).toBe(200);
  return (await response.json()) as { annotations?: Record<string, string>; config: { digest: string } };
}

describe('a build-push-action step pasted as it is', () => {
  let tokens: TokenRegistry;
  beforeAll(async () => {
    tokens = await startTokenRegistry();
  });
  afterAll(async () => {
    await tokens?.close();
  });

  it("pushes the references as written to both registries, with metadata-action's labels and annotations and Buildx's metadata", async () => {
    const first = `${open}/${uniqueName('e2e/pasted-a')}`;
    const second = `${tokens.host}/${uniqueName('e2e/pasted-b')}`;
    const run = await runAction({
      workspace: workspace(),
      eventName: 'push',
      ref: 'refs/tags/v1.0.0',
      inputs: {
        // metadata-action's outputs.tags, outputs.labels and outputs.annotations, as a job hands them on
        tags: `${first}:1.0.0\n${first}:latest\n${second}:1.0.0`,
        labels: 'org.opencontainers.image.version=1.0.0\norg.opencontainers.image.title=pasted',
        annotations: 'manifest:org.opencontainers.image.version=1.0.0',
        logins: `registry=${tokens.host},username=${tokens.user},password=${tokens.password}`,
        push: 'true',
        'build-args': baseArg,
        cache: 'false',
      },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/^::(error|warning)/m);
    expect(run.outputs.tags!.split('\n')).toEqual([`${first}:1.0.0`, `${first}:latest`, `${second}:1.0.0`]);
    const digest = run.outputs.digest!;
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    // The classic image store's push writes no manifest annotations (for build-push-action too).
    const annotated = classicImageStore() ? undefined : '1.0.0';
    for (const tag of [`${first}:1.0.0`, `${first}:latest`]) expect((await manifestOf(tag)).annotations?.['org.opencontainers.image.version'], tag).toBe(annotated);
    expect(await tokens.digest(`${second}:1.0.0`)).toBe(digest);

    const metadata = JSON.parse(run.outputs.metadata!) as Record<string, unknown>;
    expect(metadata['containerimage.digest']).toBe(digest);
    expect(String(metadata['image.name']).split(',').sort()).toEqual([`${first}:1.0.0`, `${first}:latest`, `${second}:1.0.0`].sort());
    expect(JSON.parse(run.outputs['outputs-json']!).digest).toBe(digest);
  });
});

describe('nothing to push', () => {
  it('push: true with no image and no reference is one error naming push, before any build', async () => {
    const run = await runAction({ workspace: workspace(), inputs: { push: 'true', 'build-args': baseArg, cache: 'false' } });
    expect(run.code).not.toBe(0);
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error'));
    expect(errors, run.stdout).toHaveLength(1);
    expect(errors[0]).toMatch(/title=input push::push is true, but there is no image to push to: "images" is empty/);
    expect(run.stdout).not.toContain('::group::Build');
  });

  it('push: auto when the rules give no tag on this event: built, a notice and the summary say why nothing was pushed', async () => {
    const image = `${open}/${uniqueName('e2e/pasted-none')}`;
    const run = await runAction({
      workspace: workspace(),
      eventName: 'push',
      ref: 'refs/heads/feature',
      inputs: { images: image, tags: 'type=semver,pattern={{version}}', 'build-args': baseArg, cache: 'false' },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/^::notice::Nothing pushed: the tag rules gave no tag on this push event \(refs\/heads\/feature\); rules: type=semver,pattern=\{\{version\}\}/m);
    expect(run.summary).toContain('built, nothing pushed');
    expect(run.summary).toContain('Nothing pushed: the tag rules gave no tag');
  });
});
