/**
 * A builder that cannot export a cache: the `docker` driver on an engine without the
 * containerd image store, which is what a stock GitHub-hosted runner has when no
 * docker/setup-buildx-action step runs. It can still write BuildKit's inline cache into
 * the image it pushes and read it back with `--cache-from type=registry`, so the cache
 * travels with the images: written into this push, read from the images of this
 * repository that the lookup names (this commit's `sha-` tag, the default branch's tag,
 * the tags of this run). Only the final image's layers are kept (inline is `mode=min`).
 *
 * Pure: the pipeline resolves which candidates exist and passes them in.
 */
import type { BuilderCapabilities } from '../buildx/builder-capabilities.ts';

export interface InlinePlan {
  from: string[];
  to: string[];
  /** Whether this build leaves a cache for the next one. */
  saves: boolean;
  /** The one warning that says which path was taken and why. */
  warning: string;
}

export interface InlineInput {
  builder: BuilderCapabilities;
  /** The images this build pushes to (tags). */
  push: boolean;
  /** `cache: true` (not read-only). */
  write: boolean;
  /** Candidate images (by reference) that exist in the registry now. */
  existing: string[];
  /** `cache-backend: registry`: its cache image cannot be written here either. */
  registryBackend: boolean;
  /** Why image-build's own builder could not stand in (no BuildKit image), when it was tried. */
  ownBuilderWhy?: string;
}

export const SETUP_BUILDX_HINT =
  'For the whole cache (every stage, saved to the Actions cache), add "- uses: docker/setup-buildx-action@v3" before this step, ' +
  'or turn on the containerd image store of that engine ("features": {"containerd-snapshotter": true} in daemon.json).';

export function inlineCachePlan(input: InlineInput): InlinePlan {
  const saves = input.push && input.write;
  const from = input.existing.map((ref) => `type=registry,ref=${ref}`);
  const backend = input.registryBackend ? ' (the cache image of cache-backend: registry cannot be written by it either)' : '';
  const own = input.ownBuilderWhy ? `, and image-build could not make a builder of its own: ${input.ownBuilderWhy}` : '';
  const why = `${input.builder.reason}${backend}${own}`;
  const read = from.length ? `, and reads it from ${input.existing.join(', ')}` : '';
  const warning = saves
    ? `${why}: the cache goes inline in the pushed image (final stage only)${read}. ${SETUP_BUILDX_HINT}`
    : `${why}, and an inline cache needs a pushed image, so this build saves no cache${read ? ` (it reads one from ${input.existing.join(', ')})` : ''}. ${SETUP_BUILDX_HINT}`;
  return { from, to: saves ? ['type=inline'] : [], saves, warning };
}

/**
 * The user's `--cache-to` flags that the builder can export: on one that cannot export a
 * cache, only `type=inline` is kept; the others are dropped with one warning, not a failed
 * build (the engine would refuse them: "Cache export is not supported for the docker driver").
 */
export function exportableCacheFlags(flags: string[], builder: BuilderCapabilities): { flags: string[]; dropped: string[] } {
  if (builder.cacheExport) return { flags, dropped: [] };
  const kept: string[] = [];
  const dropped: string[] = [];
  for (let i = 0; i < flags.length; i++) {
    const flag = flags[i]!;
    if (flag === '--cache-to' && i + 1 < flags.length) {
      const spec = flags[++i]!;
      if (/(?:^|,)\s*type=inline\s*(?:,|$)/.test(spec)) kept.push(flag, spec);
      else dropped.push(spec);
      continue;
    }
    kept.push(flag);
  }
  return { flags: kept, dropped };
}
