/**
 * A builder of image-build's own, for a runner whose current builder cannot export a
 * cache (a stock GitHub-hosted runner: the docker driver on the classic image store),
 * made as docker/setup-buildx-action makes one: a `docker-container` builder, here on
 * the host network so that it reads the restored cache over HTTP from 127.0.0.1 while it
 * downloads. Later steps of the job use the same one; the post step of the step that
 * made it removes it. Where no BuildKit image can be had (no network, a pull refused),
 * there is none, and the build carries its cache inline instead (builder-fallback.ts).
 */
import crypto from 'node:crypto';
import type { BuilderCapabilities } from './builder-capabilities.ts';
import { docker, lastLine } from './docker.ts';
import type { PipelineLog } from '../common/log.ts';

/** The BuildKit image, pinned; IMAGE_BUILD_BUILDKIT_IMAGE names another. */
export const BUILDKIT_IMAGE = 'moby/buildkit:v0.29.0';
export { OWN_BUILDER_STATE } from './own-builder-state.ts';
export const OWN_BUILDER_HINT = 'Add docker/setup-buildx-action before this step to choose the builder yourself, or set "builder: current" to keep the current one.';
const PULL_TIMEOUT_MS = 120_000;

export type OwnBuilder = { name: string; created: boolean } | { why: string };

/** One name per job (a rerun of the job is another), so later steps find the builder made before. */
export function ownBuilderName(env: NodeJS.ProcessEnv): string {
  const job = [env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT, env.GITHUB_JOB].filter(Boolean).join('-');
  const suffix = job ? crypto.createHash('sha256').update(job).digest('hex').slice(0, 12) : crypto.randomBytes(6).toString('hex');
  return `image-build-${suffix}`;
}

export interface BuilderChoice {
  builder: BuilderCapabilities;
  /** Why no builder of image-build's own could stand in, when one was tried. */
  ownWhy?: string;
}

/** `current`, or image-build's own builder where `current` cannot export a cache and one may be made. */
export async function builderForCache(
  current: BuilderCapabilities,
  options: { mayMakeOwn: boolean; env: NodeJS.ProcessEnv; log: PipelineLog; onOwnBuilder?: (name: string) => void },
): Promise<BuilderChoice> {
  if (current.cacheExport || !options.mayMakeOwn) return { builder: current };
  const own = await ensureOwnBuilder(options.env);
  if (!('created' in own)) return { builder: current, ownWhy: own.why };
  if (own.created) options.onOwnBuilder?.(own.name);
  (options.log.notice ?? options.log.info)(
    `${current.reason}: building on image-build's own docker-container builder "${own.name}" (host network), as docker/setup-buildx-action would make one. ${OWN_BUILDER_HINT}`,
  );
  return { builder: { name: own.name, driver: 'docker-container', node: `${own.name}0`, network: 'host', cacheExport: true, own: true } };
}

export async function ensureOwnBuilder(env: NodeJS.ProcessEnv): Promise<OwnBuilder> {
  const name = ownBuilderName(env);
  const image = env.IMAGE_BUILD_BUILDKIT_IMAGE || BUILDKIT_IMAGE;
  // Side by side: the first step of a job makes the builder, and then it needs to know both.
  const [existing, local] = await Promise.all([docker(['buildx', 'inspect', name], { env }), docker(['image', 'inspect', '--format', '{{.Id}}', image], { env })]);
  if (existing.code === 0) return { name, created: false };
  if (local.code !== 0) {
    const pulled = await docker(['pull', '--quiet', image], { env, timeoutMs: PULL_TIMEOUT_MS });
    if (pulled.code !== 0) return { why: `the BuildKit image ${image} could not be pulled (${lastLine(pulled.stderr) || `exit ${pulled.code}`})` };
  }
  const created = await docker(['buildx', 'create', '--name', name, '--driver', 'docker-container', '--driver-opt', `image=${image},network=host`, '--bootstrap'], { env, timeoutMs: PULL_TIMEOUT_MS });
  if (created.code !== 0) {
    await docker(['buildx', 'rm', '--force', name], { env });
    return { why: `a docker-container builder with ${image} did not start (${lastLine(created.stderr) || `exit ${created.code}`})` };
  }
  return { name, created: true };
}
