/**
 * The build pipeline shared by the action and the CLI, phase by phase:
 *   prepare  read the Dockerfile and the context, make the cache keys (prepare.ts)
 *   look up  the fingerprint; an image that has it already gets the tags instead (reuse.ts)
 *   restore  the layer cache, while the builder is chosen (restore.ts, builder.ts); an image
 *            the cache's record names may still stand in for the build
 *   build    Buildx, with the cache in and out (build.ts)
 *   save     the cache for the next run (restore.ts)
 * Each phase returns its result, and the pipeline's result is assembled from them once
 * (result.ts). The edges (src/action, src/cli) turn it into outputs and a summary.
 */
import { evaluatesOnly } from '../buildx/build-checks.ts';
import { engineInsecureRegistries } from '../buildx/engine-registries.ts';
import type { PipelineLog } from '../common/log.ts';
import { buildImage } from './build.ts';
import { checkBuilder, chooseBuilder } from './builder.ts';
import { newRecord } from './cache-outcome.ts';
import { prepare } from './prepare.ts';
import { Promoter } from './promoter.ts';
import { openCache, restoreCache, saveCache, type Restore } from './restore.ts';
import { assembleResult, PhaseClock } from './result.ts';
import { loadReused, lookUp, noticeManagedCache, type Reused } from './reuse.ts';
import { withRunFolder } from './run-folder.ts';
import type { PipelineResult, PipelineSettings } from './types.ts';

export type { PipelineLog } from '../common/log.ts';

export async function runPipeline(settings: PipelineSettings, log: PipelineLog): Promise<PipelineResult> {
  const { build, image, cache, host } = settings;
  const clock = new PhaseClock();
  const prepared = await clock.timed('hash', () => prepare(settings.source, build, cache, host.env));
  if (settings.dryRun) return assembleResult({ settings, prepared, clock });
  noticeManagedCache(build, cache, log);

  const loginRefs = [...image.tags, ...prepared.baseImages.map((use) => use.ref), ...(cache.kind === 'registry' ? [cache.ref] : [])];
  return withRunFolder(host, loginRefs, async (folder) => {
    const promoter = new Promoter(host.logins, log, engineInsecureRegistries(host.env));
    const capabilities = checkBuilder(host);
    const lookup = await clock.timed('lookup', () => lookUp(image, build, prepared, promoter));
    const { fingerprint } = lookup;
    const reusedImage = async (reused: Reused, restore?: Restore) => {
      await loadReused(reused, build.load, image.tags, folder.env, log);
      return assembleResult({ settings, prepared, clock, promoter, fingerprint, restore, reused });
    };
    if (lookup.reused) return reusedImage(lookup.reused);

    const session = openCache(cache, host.tempDir, promoter, log);
    try {
      const mayMakeOwn = host.ownBuilder && !!session && !evaluatesOnly(build.call);
      const chosen = chooseBuilder(capabilities, { host, env: folder.env, mayMakeOwn, session, log });
      const restore = session ? await clock.timed('restore', () => restoreCache(session, prepared.keys, prepared, build.platforms, log)) : undefined;
      const record = restore?.record;
      if (record && record.fingerprint === fingerprint) {
        const reused = await lookup.reuseFrom(record.images.map((recorded) => `${recorded.ref}@${recorded.digest}`));
        if (reused) return reusedImage(reused, restore);
      }

      const { builder, ownWhy } = await chosen;
      const built = await buildImage({ ...settings, prepared, fingerprint, builder, ownWhy, session, hit: restore?.hit ?? 'miss', promoter, folder, log });
      clock.add('restore', built.restoreWait);
      clock.add('build', built.seconds);
      if (built.evaluates) return assembleResult({ settings, prepared, clock, promoter, fingerprint, restore, builder, built });
      const refs = [...(image.push ? image.tags : []), ...build.outputs.byDigest];
      const save = await clock.timed('save', () =>
        saveCache(session, {
          cache,
          push: image.push,
          hit: built.hit,
          plan: built.plan,
          inline: built.inline,
          record: newRecord({ manifest: prepared.manifest, dockerfileHash: prepared.dockerfile.hash, contextHash: prepared.manifest.hash, key: prepared.keys.key, fingerprint, digest: built.digest, platforms: build.platforms, refs }),
          steps: built.steps,
        }),
      );
      const layers = await built.layers;
      return assembleResult({ settings, prepared, clock, promoter, fingerprint, restore, builder, built, layers, save });
    } finally {
      await session?.close?.();
    }
  });
}
