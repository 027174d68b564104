/**
 * The action's post step: runs after the job even when it failed or was
 * cancelled, and removes the private Docker config if main could not, and the
 * builder of image-build's own that main made (own-builder.ts). It reads its
 * state straight from the environment: no library to load, so it is quick.
 */
import { removeDockerConfig, SECRETS_STATE } from '../buildx/docker-config.ts';
import { OWN_BUILDER_STATE } from '../buildx/own-builder-state.ts';
import { runProcess } from '../common/process.ts';

const dir = process.env[`STATE_${SECRETS_STATE}`];
if (dir) removeDockerConfig(dir);

const builder = process.env[`STATE_${OWN_BUILDER_STATE}`];
// Best effort, as the rest of the post step: a builder that cannot be removed (no Docker
// any more, gone already) goes with the runner, and the step does not fail for it.
if (builder) runProcess('docker', ['buildx', 'rm', '--force', builder], { env: process.env, timeoutMs: 60_000 }).catch(() => {});
