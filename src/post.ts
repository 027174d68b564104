/**
 * The action's post step: runs after the job even when it failed or was
 * cancelled, and removes the private Docker config if main could not.
 */
import * as core from '@actions/core';
import { removeDockerConfig, SECRETS_STATE } from './docker-config.ts';

const dir = core.getState(SECRETS_STATE);
if (dir) removeDockerConfig(dir);
