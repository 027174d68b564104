/**
 * The action's post step: runs after the job even when it failed or was
 * cancelled, and removes the private Docker config if main could not. It reads
 * its state straight from the environment: no library to load, so it is quick.
 */
import { removeDockerConfig, SECRETS_STATE } from './docker-config.ts';

const dir = process.env[`STATE_${SECRETS_STATE}`];
if (dir) removeDockerConfig(dir);
