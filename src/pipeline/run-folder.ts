/**
 * What a run keeps on the host while it lasts: a private Docker config holding the
 * step's logins (when the step has a secrets folder), and a work folder under the
 * step's temp folder. Both are gone when the run ends, whatever way it ends.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { registriesOf } from '../buildx/credentials.ts';
import { createDockerConfig } from '../buildx/docker-config.ts';
import type { HostSettings } from './types.ts';

export interface RunFolder {
  /** The environment of every Docker command: the private config's, when there is one. */
  env: NodeJS.ProcessEnv;
  workDir: string;
}

/** Runs `work` with the run's folder, then removes it. `refs` are the references whose registries need logins. */
export async function withRunFolder<T>(host: HostSettings, refs: string[], work: (folder: RunFolder) => Promise<T>): Promise<T> {
  const dockerConfig = host.secretsDir ? createDockerConfig(host.secretsDir, await host.logins.loginsFor(registriesOf(refs))) : undefined;
  let workDir: string | undefined;
  try {
    workDir = await fs.mkdtemp(path.join(host.tempDir, 'image-build-run-'));
    return await work({ env: dockerConfig ? { ...host.env, DOCKER_CONFIG: dockerConfig.dir } : host.env, workDir });
  } finally {
    dockerConfig?.remove();
    if (workDir) await fs.rm(workDir, { recursive: true, force: true });
  }
}
