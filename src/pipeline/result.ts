/**
 * The pipeline's result, assembled once from what its phases returned, and the clock
 * that times the phases.
 */
import type { BuilderCapabilities } from '../buildx/builder-capabilities.ts';
import type { Built } from './build.ts';
import { builderText } from './cache-outcome.ts';
import type { Prepared } from './prepare.ts';
import type { ImageLayer, Promoter } from './promoter.ts';
import type { Restore, Save } from './restore.ts';
import type { Reused } from './reuse.ts';
import type { PipelineResult, PipelineSettings, Timings } from './types.ts';

type Phase = Exclude<keyof Timings, 'total'>;

/** Seconds per phase, and in all since the clock started. */
export class PhaseClock {
  private readonly started = Date.now();
  readonly timings: Timings = { hash: 0, lookup: 0, restore: 0, build: 0, save: 0, total: 0 };

  async timed<T>(phase: Phase, work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    try {
      return await work();
    } finally {
      this.add(phase, (Date.now() - started) / 1000);
    }
  }

  add(phase: Phase, seconds: number): void {
    this.timings[phase] += seconds;
  }

  stop(): Timings {
    return { ...this.timings, total: (Date.now() - this.started) / 1000 };
  }
}

/** What the phases of one run returned; a phase that did not run left its part out. */
export interface RunParts {
  settings: Pick<PipelineSettings, 'build' | 'cache'>;
  prepared: Prepared;
  clock: PhaseClock;
  promoter?: Promoter;
  fingerprint?: string;
  restore?: Restore;
  reused?: Reused;
  builder?: BuilderCapabilities;
  built?: Built;
  layers?: ImageLayer[];
  save?: Save;
}

export function assembleResult(parts: RunParts): PipelineResult {
  const { settings, prepared, promoter, restore, reused, built, save } = parts;
  const image = reused ?? (built && !built.evaluates ? built : undefined);
  return {
    dockerfile: prepared.dockerfile,
    manifest: prepared.manifest,
    contextHash: prepared.manifest.hash,
    dockerfileHash: prepared.dockerfile.hash,
    fingerprint: parts.fingerprint,
    cacheKey: prepared.keys.key,
    restoreKeys: prepared.keys.restoreKeys,
    cacheHit: built?.hit ?? restore?.hit ?? (settings.cache.kind === 'off' ? 'disabled' : 'miss'),
    restoredKey: restore?.restoredKey,
    cacheBytes: save?.bytes,
    cacheTraffic: save?.traffic ?? built?.traffic ?? restore?.traffic,
    cacheSaved: save?.saved ?? false,
    cacheTravel: built?.cacheTravel,
    cacheNotSaved: save?.notSaved,
    builder: parts.builder ? builderText(parts.builder) : undefined,
    built: !!built && !built.evaluates,
    reusedFrom: reused?.reusedFrom,
    alreadyTagged: reused?.alreadyTagged,
    platforms: settings.build.platforms,
    digest: image?.digest,
    imageId: image?.imageId,
    buildxMetadata: built?.buildxMetadata,
    steps: built?.steps ?? [],
    layers: parts.layers,
    changes: restore?.changes,
    checks: built?.checks ?? [],
    registryRequests: promoter?.client.requestCount() ?? 0,
    copiedBlobs: promoter?.copied.blobs ? { ...promoter.copied } : undefined,
    timings: parts.clock.stop(),
  };
}
