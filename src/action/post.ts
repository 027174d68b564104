/**
 * The action's post step: runs after the job even when it failed or was
 * cancelled, and removes the private Docker config if main could not, and the
 * builder of image-build's own that main made (own-builder.ts). It reads its
 * state straight from the environment: no library to load, so it is quick.
 */
import { spawnSync } from 'node:child_process';
import { removeDockerConfig, SECRETS_STATE } from '../buildx/docker-config.ts';
import { OWN_BUILDER_STATE } from '../buildx/own-builder-state.ts';

const dir = process.env[`STATE_${SECRETS_STATE}`];
if (dir) removeDockerConfig(dir);

const builder = process.env[`STATE_${OWN_BUILDER_STATE}`];
if (builder) spawnSync('docker', ['buildx', 'rm', '--force', builder], { stdio: 'ignore', timeout: 60_000 });
