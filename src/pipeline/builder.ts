/**
 * The builder that builds: the current or named one, checked while the lookup runs (a
 * reused image, which needs no Docker, never waits for it), or image-build's own where
 * the current one cannot export a cache (own-builder.ts). The cache session hears which
 * it is, so that it can serve the restored cache where that builder reaches.
 */
import { builderCapabilities, describeBuilder, envForContext, type BuilderCapabilities } from '../buildx/builder-capabilities.ts';
import { checkDocker } from '../buildx/docker.ts';
import { builderForCache, type BuilderChoice } from '../buildx/own-builder.ts';
import type { CacheSession } from '../cache/index.ts';
import type { PipelineLog } from '../common/log.ts';
import type { HostSettings } from './types.ts';

/** Starts checking Docker and the builder; awaited when a build is sure. */
export function checkBuilder(host: HostSettings): Promise<BuilderCapabilities> {
  const capabilities = checkDocker(host.env, host.builder)
    .then((inspect) => describeBuilder(inspect, host.builder))
    .then((info) => builderCapabilities(host.env, info));
  capabilities.catch(() => {}); // awaited later; a rejection before then is not unhandled
  return capabilities;
}

/** The builder for this build, made ready for the cache: started now, awaited by the build (the cache restores meanwhile). */
export function chooseBuilder(
  capabilities: Promise<BuilderCapabilities>,
  options: { host: HostSettings; env: NodeJS.ProcessEnv; mayMakeOwn: boolean; session?: CacheSession; log: PipelineLog },
): Promise<BuilderChoice> {
  const { host, env, mayMakeOwn, session, log } = options;
  const chosen = capabilities
    .then((caps) => builderForCache(caps, { mayMakeOwn, env, log, onOwnBuilder: host.onOwnBuilder }))
    .then(async (choice) => {
      await session?.prepareEngine?.(envForContext(env, choice.builder.context), choice.builder);
      return { builder: choice.builder, ownWhy: choice.ownWhy };
    });
  chosen.catch(() => {}); // awaited by the build; a reused image never awaits it
  return chosen;
}
