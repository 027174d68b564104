/**
 * The first phase: the Dockerfile read and checked, the files Docker sends as the
 * context hashed, the cache keys made from both, and the base images each platform's
 * build pulls. Nothing here touches the network or the engine.
 */
import path from 'node:path';
import { checkTarget } from '../buildx/build-errors.ts';
import { baseImagesFor, readDockerfile, type BaseImageUse, type DockerfileModel } from '../buildx/dockerfile.ts';
import { buildPlatform, targetPlatforms } from '../buildx/platforms.ts';
import { cacheKeys, type CacheKeys } from '../cache/index.ts';
import { readContextManifest, type ContextManifest } from '../context/manifest.ts';
import type { BuildOptions } from '../inputs/build-inputs.ts';
import type { CacheSettings, SourceSettings } from './types.ts';

export interface Prepared {
  dockerfile: DockerfileModel;
  manifest: ContextManifest;
  keys: CacheKeys;
  /** The base images each requested platform's build pulls (the builder's own platform when none is requested). */
  baseImages: BaseImageUse[];
}

export async function prepare(source: SourceSettings, build: BuildOptions, cache: CacheSettings, env: NodeJS.ProcessEnv): Promise<Prepared> {
  const displayFile = path.relative(source.workspace, source.file) || source.file;
  const dockerfile = readDockerfile(source.file, build['build-args'], displayFile);
  checkTarget(build.target, dockerfile);
  const manifest = await readContextManifest(source.context, source.file);
  const keys = cacheKeys({
    prefix: cache.keyPrefix,
    os: (env.RUNNER_OS ?? process.platform).toLowerCase(),
    arch: (env.RUNNER_ARCH ?? process.arch).toLowerCase(),
    scope: cache.scope,
    dockerfileHash: dockerfile.hash,
    contextHash: manifest.hash,
    platforms: build.platforms,
  });
  const platform = buildPlatform(env);
  return { dockerfile, manifest, keys, baseImages: baseImagesFor(dockerfile, targetPlatforms(build.platforms, platform), platform) };
}
