// dry-run: tags, labels, hashes, cache keys and the plan, on a machine with no
// Docker at all; outputs set, summary written, nothing built or pushed.
import { describe, expect, it } from 'vitest';
import { exampleWorkspace, runAction } from './helpers.ts';

describe('dry-run', () => {
  it('computes everything without Docker or a registry', async () => {
    const workspace = exampleWorkspace();
    const run = await runAction({
      workspace,
      ref: 'refs/tags/v2.3.4',
      sha: 'f'.repeat(40),
      inputs: { images: 'ghcr.io/acme/hello\nname=docker.io/acme/hello,enable=false', 'dry-run': 'true', flavor: 'latest=auto' },
      // No docker on PATH, no daemon, no cache service: dry-run must not need them.
      env: { PATH: '/nonexistent', DOCKER_HOST: 'unix:///nonexistent.sock', ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.tags!.split('\n')).toEqual(['ghcr.io/acme/hello:2.3.4', 'ghcr.io/acme/hello:2.3', 'ghcr.io/acme/hello:2', 'ghcr.io/acme/hello:sha-fffffff', 'ghcr.io/acme/hello:latest']);
    expect(run.outputs.version).toBe('2.3.4');
    expect(run.outputs.labels).toContain('org.opencontainers.image.version=2.3.4');
    expect(run.outputs['context-hash']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(run.outputs['dockerfile-hash']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(run.outputs['cache-key']).toMatch(/^image-build-linux-x64-acme_hello-[0-9a-f]{16}-[0-9a-f]{16}$/);
    expect(run.outputs.built).toBe('false');
    expect(run.outputs.digest).toBe('');
    expect(JSON.parse(run.outputs['outputs-json']!).tags).toHaveLength(5);
    expect(run.summary).toContain('dry run, nothing built or pushed');
    expect(run.summary).toContain('restore keys');
  });
});
