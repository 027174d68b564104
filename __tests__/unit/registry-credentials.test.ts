// The action's credentials per registry: the step's inputs over the job's Docker config,
// the job's token for ghcr.io last.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { registryCredentials } from '../../src/action/main.ts';
import type { Inputs } from '../../src/inputs/action-inputs.ts';
import type { Metadata } from '../../src/tags/index.ts';

const b64 = (text: string) => Buffer.from(text).toString('base64');

function setup(given: Partial<Inputs>, config: unknown, images = ['acme/app', 'ghcr.io/acme/app', 'quay.io/acme/app']) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-main-creds-'));
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
  const inputs = { logins: [], githubToken: 'job-token', ...given } as Inputs;
  return registryCredentials(inputs, { images, repositories: images } as Metadata, { DOCKER_CONFIG: dir, GITHUB_ACTOR: 'octocat', PATH: '/nonexistent' });
}

describe('credentials of the action', () => {
  test('login-action’s logins in the job config, for every registry of the images; the job token is not used for ghcr.io then', async () => {
    const creds = setup({}, { auths: { 'https://index.docker.io/v1/': { auth: b64('hub:pat') }, 'ghcr.io': { auth: b64('octocat:ghp') } } });
    expect(await creds.lookup('docker.io')).toMatchObject({ username: 'hub', password: 'pat' });
    expect(await creds.lookup('ghcr.io')).toMatchObject({ username: 'octocat', password: 'ghp' });
    expect(await creds.lookup('quay.io')).toBeUndefined();
  });

  test('the job token for ghcr.io when nothing else is there', async () => {
    expect(await setup({}, {}).lookup('ghcr.io')).toEqual({ registry: 'ghcr.io', username: 'octocat', password: 'job-token' });
  });

  test.each(['docker.io', 'index.docker.io', 'https://index.docker.io/v1/'])('username/password for registry %s are Docker Hub’s, over the config', async (registry) => {
    const creds = setup({ registry, username: 'step', password: 'steppw' }, { auths: { 'https://index.docker.io/v1/': { auth: b64('hub:pat') } } });
    expect(await creds.lookup('docker.io')).toMatchObject({ username: 'step', password: 'steppw' });
    expect((await creds.lookup('ghcr.io'))?.password).toBe('job-token');
  });

  test('username/password without registry are for every registry of the images; `logins` adds others', async () => {
    const creds = setup({ username: 'u', password: 'p', logins: [{ registry: 'other.example', username: 'o', password: 'op' }] }, {});
    for (const registry of ['docker.io', 'ghcr.io', 'quay.io']) expect((await creds.lookup(registry))?.username).toBe('u');
    expect((await creds.lookup('other.example'))?.username).toBe('o');
  });

  test('`logins` for a registry beats the job config', async () => {
    const creds = setup({ logins: [{ registry: 'quay.io', username: 'bot', password: 'botpw' }] }, { auths: { 'quay.io': { auth: b64('cfg:cfgpw') } } });
    expect(await creds.lookup('quay.io')).toMatchObject({ username: 'bot', password: 'botpw' });
  });
});
