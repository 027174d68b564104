/**
 * What a failed or doubtful build tells the user: the failing instruction at
 * its Dockerfile line, a target that names no stage, the tags that landed
 * before a push failed, and the one engine error that only asks for a retry.
 */
import { BuildFailure, runBuild, type BuildHooks, type BuildRequest, type BuildResult } from './build-command.ts';
import type { DockerfileModel } from './dockerfile.ts';
import { UserError } from '../common/errors.ts';
import { parseReference } from '../registry/reference.ts';
import { instructionForStep, platformOfStep } from './steps.ts';

/** Runs the build; a failing step becomes an error at its Dockerfile line, with its last output. */
export async function buildOrExplain(dockerfile: DockerfileModel, request: BuildRequest, hooks: BuildHooks): Promise<BuildResult> {
  try {
    return await runBuild(request, hooks);
  } catch (error) {
    if (!(error instanceof BuildFailure)) throw error;
    if (/unknown flag: --call/.test(error.message)) throw new UserError('call: this Buildx has no --call (it came with Buildx 0.15); update Buildx or remove "call"', { input: 'call' });
    // The step that failed, not those BuildKit cancelled because of it (another platform's, a parallel stage's).
    const failed = error.steps.find((step) => step.error && !/context canceled/.test(step.error)) ?? error.steps.find((step) => step.error);
    const instruction = failed && instructionForStep(failed.name, dockerfile);
    const output = failed?.output.slice(-5).join('\n');
    const platform = failed && platformOfStep(failed.name);
    const message = [failed ? `${failed.name} failed${platform ? ` on ${platform}` : ''}: ${failed.error}` : error.message, output].filter(Boolean).join('\n');
    // Only a failing instruction is annotated on the Dockerfile; a failed push or export is not the Dockerfile's fault.
    throw new UserError(message, instruction ? { file: dockerfile.path, line: instruction.line } : {});
  }
}

/** `target` must name a stage: BuildKit would say so only once the build runs. */
export function checkTarget(target: string | undefined, dockerfile: DockerfileModel): void {
  if (!target || dockerfile.stages.some((stage) => stage.name === target.toLowerCase())) return;
  const names = dockerfile.stages.flatMap((stage) => (stage.name ? [stage.name] : []));
  const known = names.length ? `its stages are ${names.join(', ')}` : 'it names no stage (FROM <image> AS <name>)';
  throw new UserError(`target "${target}" is not a stage of ${dockerfile.path}; ${known}`, { input: 'target' });
}

/**
 * BuildKit pushes one name after another: when a push fails, some tags may have
 * landed already. Says which: those `holdsThisBuild` finds holding this build (its fingerprint).
 */
export async function explainPartialPush(error: unknown, pushed: string[], holdsThisBuild: ((tag: string) => Promise<boolean>) | undefined): Promise<never> {
  if (pushed.length < 2 || !holdsThisBuild || !(error instanceof UserError)) throw error;
  const landed: string[] = [];
  for (const tag of pushed) if (await holdsThisBuild(tag).catch(() => false)) landed.push(tag);
  if (landed.length === 0) throw error;
  const missing = pushed.filter((tag) => !landed.includes(tag));
  // With several registries, the one that took none of its tags is the one that refused.
  const registryOf = (ref: string) => parseReference(ref).registry;
  const refusing = [...new Set(missing.map(registryOf))].filter((registry) => !landed.some((tag) => registryOf(tag) === registry));
  const which = missing.length
    ? `${refusing.length ? `Registry ${refusing.join(', ')} took none of its tags. ` : ''}Pushed before the failure: ${landed.join(', ')}. Not pushed: ${missing.join(', ')}.`
    : `Every tag holds an image built from these inputs: ${landed.join(', ')}.`;
  throw new UserError(`${error.message}\n${which}`, {
    input: error.input,
    file: error.file,
    line: error.line,
  });
}

export function isNamingRace(error: unknown): boolean {
  return error instanceof UserError && /^exporting to image failed: image "[^"]+": already exists/.test(error.message);
}
