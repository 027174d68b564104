// build-push-action's build inputs on the real stack: a build secret readable in
// `RUN --mount=type=secret` and found nowhere else; `load` leaving the image in the
// engine, also when the build was skipped; a named build context in the fingerprint;
// `no-cache`; `cache-from: type=gha` served by the managed cache; annotations on the
// pushed manifest.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { docker, exampleWorkspace, registryDigest, runAction, runnerTempDir, stack, summarySteps, uniqueName, type ActionRun } from './helpers.ts';

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

/** Every blob of the image at `ref` (manifest, config, layers), layers decompressed. */
async function imageBytes(ref: string): Promise<Buffer[]> {
  const match = /^([^/]+)\/(.+):([^:/]+)$/.exec(ref)!;
  const base = `http://${match[1]}/v2/${match[2]}`;
  const accept = 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json';
  const manifest = await (await fetch(`${base}/manifests/${match[3]}`, { headers: { accept } })).text();
  const json = JSON.parse(manifest) as { config: { digest: string }; layers: { digest: string }[] };
  const blobs = await Promise.all([json.config, ...json.layers].map(async (d) => Buffer.from(await (await fetch(`${base}/blobs/${d.digest}`)).arrayBuffer())));
  return [Buffer.from(manifest), ...blobs.map((blob) => (blob[0] === 0x1f && blob[1] === 0x8b ? zlib.gunzipSync(blob) : blob))];
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** A file's bytes, gunzipped when it is gzip (cache blobs are compressed layers). */
function plainBytes(file: string): Buffer {
  const bytes = fs.readFileSync(file);
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return zlib.gunzipSync(bytes);
  } catch {
    return bytes;
  }
}

describe('secrets: readable in RUN --mount=type=secret, nowhere else', () => {
  const values = { token: `file-${uniqueName('tok')}`, envtok: `env-${uniqueName('tok')}`, inline: `inline-${uniqueName('tok')}` };
  const image = `${stack.IMAGE_BUILD_REGISTRY}/${uniqueName('e2e/build-secret')}`;
  const workspace = exampleWorkspace();
  const cacheDir = path.join(runnerTempDir(), 'cache');
  let run: ActionRun;

  beforeAll(async () => {
    fs.writeFileSync(path.join(workspace, 'token.txt'), values.token);
    fs.writeFileSync(
      path.join(workspace, 'Dockerfile'),
      'ARG BASE\nFROM ${BASE}\n' +
        `RUN --mount=type=secret,id=token --mount=type=secret,id=envtok --mount=type=secret,id=inline --mount=type=secret,id=sfile echo ${uniqueName('n')} > /n && ` +
        "sha256sum /run/secrets/token /run/secrets/envtok /run/secrets/inline /run/secrets/sfile | cut -d' ' -f1 > /secret-hashes\n" +
        'CMD ["cat", "/secret-hashes"]\n',
    );
    run = await runAction({
      workspace,
      runnerTemp: runnerTempDir(),
      inputs: {
        images: image,
        'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`,
        secrets: `id=token,src=token.txt\ninline=${values.inline}`,
        'secret-envs': 'envtok=MY_BUILD_TOKEN',
        'secret-files': 'sfile=token.txt',
        load: 'true',
        'cache-backend': 'local',
        'cache-dir': cacheDir,
        'cache-key-prefix': uniqueName('secret'),
      },
      env: { MY_BUILD_TOKEN: values.envtok },
    });
  });

  it('the RUN step read each secret (src=, secret-envs, inline KEY=value, secret-files)', () => {
    expect(run.code, run.stdout).toBe(0);
    const printed = docker('run', '--rm', `${image}:main`).trim().split('\n');
    expect(printed).toEqual([sha256(values.token), sha256(values.envtok), sha256(values.inline), sha256(values.token)]);
  });

  it('no secret in the pushed layers, config or manifest', async () => {
    const blobs = await imageBytes(`${image}:main`);
    expect(blobs.length).toBeGreaterThan(2);
    for (const value of Object.values(values)) for (const blob of blobs) expect(blob.includes(value)).toBe(false);
  });

  it('no secret in docker history, the cache entries, the log or the summary', () => {
    const history = docker('history', '--no-trunc', `${image}:main`);
    expect(history).toContain('secret-hashes');
    const cacheFiles = filesUnder(cacheDir);
    expect(cacheFiles.length).toBeGreaterThan(0);
    for (const value of Object.values(values)) {
      expect(history).not.toContain(value);
      for (const file of cacheFiles) expect(plainBytes(file).includes(value), file).toBe(false);
      expect(run.summary).not.toContain(value);
    }
    // The inline value is masked before anything else is printed; the others never reach the log.
    const lines = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    for (const value of Object.values(values)) expect(lines.join('\n')).not.toContain(value);
    expect(run.stdout).toContain(`::add-mask::${values.inline}`);
  });

  it('the secret files written for the build are gone with the step', () => {
    for (const file of filesUnder(run.runnerTemp)) expect(fs.readFileSync(file, 'latin1').includes(values.inline), file).toBe(false);
  });
});

describe('load: the image is in the engine, also after a skipped build', () => {
  const image = `${stack.IMAGE_BUILD_REGISTRY}/${uniqueName('e2e/load')}`;
  const workspace = exampleWorkspace();
  const runnerTemp = runnerTempDir();
  const inputs = { images: image, 'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`, load: 'true', 'cache-key-prefix': uniqueName('load') };
  const sha = crypto.randomBytes(20).toString('hex');

  it('docker run prints the app output after a build', async () => {
    const run = await runAction({ workspace, runnerTemp, inputs, sha });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.built).toBe('true');
    expect(docker('run', '--rm', `${image}:main`)).toContain('Hello from image-build.');
  });

  it('and after a skipped build: the reused image is pulled', async () => {
    docker('rmi', `${image}:main`, `${image}:sha-${sha.slice(0, 7)}`);
    const run = await runAction({ workspace, runnerTemp, inputs, sha });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.built).toBe('false');
    expect(docker('run', '--rm', `${image}:main`)).toContain('Hello from image-build.');
    expect(docker('image', 'inspect', '--format', '{{.Id}}', `${image}:main`).trim()).toContain(run.outputs.digest!.slice(7, 19));
  });
});

describe('build-contexts, no-cache, cache-from type=gha, annotations', () => {
  const image = `${stack.IMAGE_BUILD_REGISTRY}/${uniqueName('e2e/contexts')}`;
  const root = fs.mkdtempSync(path.join(runnerTempDir(), 'repo-'));
  const workspace = path.join(root, 'app');
  const runnerTemp = runnerTempDir();
  const inputs = {
    images: image,
    context: '.',
    'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`,
    'build-contexts': 'lib=../lib',
    'cache-key-prefix': uniqueName('contexts'),
  };
  const run = (extra: Record<string, string> = {}, sha = 'c'.repeat(40)) => runAction({ workspace, runnerTemp, inputs: { ...inputs, ...extra }, sha });

  beforeAll(() => {
    fs.mkdirSync(path.join(root, 'lib'), { recursive: true });
    fs.mkdirSync(workspace);
    fs.writeFileSync(path.join(root, 'lib', 'lib.txt'), 'lib one\n');
    fs.writeFileSync(path.join(workspace, 'app.txt'), 'app\n');
    fs.writeFileSync(path.join(workspace, 'Dockerfile'), 'ARG BASE\nFROM ${BASE}\nCOPY app.txt /app.txt\nCOPY --from=lib lib.txt /lib.txt\nRUN cat /app.txt /lib.txt > /all.txt\n');
  });

  it('a change in the named local context rebuilds; no change skips', async () => {
    const first = await run();
    expect(first.code, first.stdout).toBe(0);
    expect(first.outputs.built).toBe('true');
    const same = await run();
    expect(same.outputs.built).toBe('false');
    expect(same.outputs.fingerprint).toBe(first.outputs.fingerprint);
    fs.writeFileSync(path.join(root, 'lib', 'lib.txt'), 'lib two\n');
    const changed = await run();
    expect(changed.code, changed.stdout).toBe(0);
    expect(changed.outputs.built).toBe('true');
    expect(changed.outputs.fingerprint).not.toBe(first.outputs.fingerprint);
    expect(changed.outputs['context-hash']).toBe(first.outputs['context-hash']);
  });

  it('no-cache: every step runs, and an unchanged build is not skipped', async () => {
    const again = await run({ 'no-cache': 'true' });
    expect(again.code, again.stdout).toBe(0);
    expect(again.outputs.built).toBe('true');
    const steps = summarySteps(again.summary).filter((step) => !step.name.startsWith('FROM'));
    expect(steps.length).toBe(3);
    expect(steps.map((step) => step.status)).toEqual(['run', 'run', 'run']);
  });

  it('cache-from/cache-to type=gha: accepted, served by the managed cache, said in a notice', async () => {
    const gha = await run({ 'cache-from': 'type=gha', 'cache-to': 'type=gha,mode=max' });
    expect(gha.code, gha.stdout).toBe(0);
    expect(gha.stdout).toMatch(/::notice::cache-from\/cache-to "type=gha": the managed cache serves it/);
  });

  it('annotations are on the pushed manifest', async () => {
    const annotated = await run({ annotations: 'org.example.team=builds', 'skip-unchanged': 'false' }, 'd'.repeat(40));
    expect(annotated.code, annotated.stdout).toBe(0);
    const manifest = JSON.parse(docker('buildx', 'imagetools', 'inspect', '--raw', `${image}:main`)) as { annotations?: Record<string, string> };
    expect(manifest.annotations?.['org.example.team']).toBe('builds');
  });
});

describe('outputs that write files or load, and caches passed through', () => {
  const workspace = exampleWorkspace();
  const out = runnerTempDir();
  const image = `${stack.IMAGE_BUILD_REGISTRY}/${uniqueName('e2e/outputs')}`;
  const run = (inputs: Record<string, string>) =>
    runAction({ workspace, runnerTemp: runnerTempDir(), inputs: { images: image, 'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`, cache: 'false', ...inputs } });

  it.each([
    ['type=oci,dest=<file>', () => `type=oci,dest=${out}/image-oci.tar`, () => fs.statSync(`${out}/image-oci.tar`).size > 1000],
    ['type=tar,dest=<file>', () => `type=tar,dest=${out}/rootfs.tar`, () => fs.statSync(`${out}/rootfs.tar`).size > 1000],
    ['type=local,dest=<folder>', () => `type=local,dest=${out}/rootfs`, () => fs.readFileSync(`${out}/rootfs/app/greeting.txt`, 'utf8').includes('Hello from image-build.')],
    ['type=docker', () => 'type=docker', () => docker('run', '--rm', `${image}:main`).includes('Hello from image-build.')],
  ])('%s', async (_name, spec, check) => {
    const result = await run({ outputs: spec() });
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs.built).toBe('true');
    expect(check()).toBe(true);
    // Files and the engine only: nothing went to the registry.
    expect(await fetch(`http://${stack.IMAGE_BUILD_REGISTRY}/v2/${image.slice(stack.IMAGE_BUILD_REGISTRY!.length + 1)}/manifests/main`, { method: 'HEAD' }).then((r) => r.status)).toBe(404);
  });

  it('cache-to type=local and cache-from type=local pass through to BuildKit', async () => {
    const cacheDir = path.join(out, 'user-cache');
    const first = await run({ 'cache-to': `type=local,dest=${cacheDir},mode=max`, push: 'false' });
    expect(first.code, first.stdout).toBe(0);
    expect(fs.existsSync(path.join(cacheDir, 'index.json'))).toBe(true);
    docker('buildx', 'prune', '-af');
    const second = await run({ 'cache-from': `type=local,src=${cacheDir}`, push: 'false' });
    expect(second.code, second.stdout).toBe(0);
    expect(summarySteps(second.summary).filter((step) => step.name.startsWith('RUN')).map((step) => step.status)).toEqual(['cached', 'cached']);
  });

  it('cache-to type=registry is used as given (BuildKit writes the cache image)', async () => {
    const ref = `${image}-cache:buildcache`;
    const result = await run({ 'cache-to': `type=registry,ref=${ref},mode=max`, push: 'false' });
    expect(result.code, result.stdout).toBe(0);
    expect(await registryDigest(ref)).toMatch(/^sha256:/);
  });
});

describe('RUN step settings reach BuildKit', () => {
  it('add-hosts, ulimit, shm-size and network are what RUN sees', async () => {
    const workspace = exampleWorkspace();
    const image = `${stack.IMAGE_BUILD_REGISTRY}/${uniqueName('e2e/run-settings')}`;
    fs.writeFileSync(
      path.join(workspace, 'Dockerfile'),
      'ARG BASE\nFROM ${BASE}\n' +
        `RUN echo ${uniqueName('n')} > /n && grep buildhost /etc/hosts > /hosts && ulimit -n > /nofile && df -k /dev/shm | tail -1 > /shm && (ip -o link 2>/dev/null || cat /proc/net/dev) > /links\n` +
        'CMD ["sh", "-c", "cat /hosts /nofile /shm /links"]\n',
    );
    const run = await runAction({
      workspace,
      runnerTemp: runnerTempDir(),
      inputs: {
        images: image,
        'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`,
        'add-hosts': 'buildhost:10.9.8.7',
        ulimit: 'nofile=1234:1234',
        'shm-size': '96m',
        network: 'none',
        load: 'true',
        cache: 'false',
      },
    });
    expect(run.code, run.stdout).toBe(0);
    const printed = docker('run', '--rm', `${image}:main`);
    expect(printed).toMatch(/10\.9\.8\.7\s+buildhost/);
    expect(printed).toMatch(/^1234$/m);
    expect(printed).toMatch(/\s98304\s/); // 96 MiB in KiB
    expect(printed).not.toMatch(/eth0/); // network none: loopback only
  });
});

describe('ssh: the agent socket reaches RUN --mount=type=ssh, not the image', () => {
  it('ssh: default forwards SSH_AUTH_SOCK', async () => {
    const agentDir = fs.mkdtempSync(path.join(runnerTempDir(), 'agent-'));
    const socket = path.join(agentDir, 'agent.sock');
    const agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
    try {
      for (let i = 0; i < 100 && !fs.existsSync(socket); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      const workspace = exampleWorkspace();
      const image = `${stack.IMAGE_BUILD_REGISTRY}/${uniqueName('e2e/ssh')}`;
      fs.writeFileSync(
        path.join(workspace, 'Dockerfile'),
        `ARG BASE\nFROM \${BASE}\nRUN --mount=type=ssh echo ${uniqueName('n')} > /n && test -S "$SSH_AUTH_SOCK" && echo agent-forwarded > /ssh\nCMD ["cat", "/ssh"]\n`,
      );
      const run = await runAction({
        workspace,
        runnerTemp: runnerTempDir(),
        inputs: { images: image, 'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`, ssh: 'default', load: 'true', cache: 'false' },
        env: { SSH_AUTH_SOCK: socket },
      });
      expect(run.code, run.stdout).toBe(0);
      expect(docker('run', '--rm', `${image}:main`).trim()).toBe('agent-forwarded');
      expect(docker('history', '--no-trunc', `${image}:main`)).not.toContain(socket);
    } finally {
      agent.kill();
    }
  });
});
