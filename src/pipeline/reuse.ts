/**
 * The look-up phase, and every later chance to skip the build: the fingerprint of
 * this build, and an image that already has it (found by its tags, or named by the
 * restored cache's record) given this run's tags instead of a build; with `load`,
 * pulled into the engine as if it had been built here.
 */
import { docker } from '../buildx/docker.ts';
import { fingerprintOptions, type BuildOptions } from '../inputs/build-inputs.ts';
import { readContextManifest } from '../context/manifest.ts';
import { messageOf, UserError } from '../common/errors.ts';
import type { PipelineLog } from '../common/log.ts';
import { computeFingerprint, FINGERPRINT_LABEL } from './fingerprint.ts';
import type { Prepared } from './prepare.ts';
import type { CandidateReads, Promoter } from './promoter.ts';
import type { WantedMetadata } from './relabel.ts';
import type { CacheSettings, ImageSettings } from './types.ts';

/** An image that stood in for the build. */
export interface Reused {
  reusedFrom: string;
  digest: string;
  imageId?: string;
  /** Of the tags it was given, those that pointed at it already. */
  alreadyTagged: string[];
}

export interface Lookup {
  fingerprint?: string;
  /** The image found by its tags, which stands in for the build. */
  reused?: Reused;
  /** Another chance, with other candidates (those the cache record names): the image found, if any. */
  reuseFrom(candidates: string[]): Promise<Reused | undefined>;
}

/**
 * Whether an existing image may stand in for this build is known before its fingerprint is: when it may,
 * the candidates are read while the base images resolve, and their labels compared once the fingerprint is in.
 */
export async function lookUp(image: ImageSettings, build: BuildOptions, prepared: Prepared, promoter: Promoter): Promise<Lookup> {
  const registryRefs = image.push ? image.tags : [];
  const byDigest = build.outputs.byDigest;
  // `no-cache` asks for every step to run; `call` evaluates the build instead of producing an image.
  const mayReuse = image.skipUnchanged && (image.push || byDigest.length > 0) && !build['no-cache'] && !build.call;
  const platform = build.platforms.length === 1 ? build.platforms[0] : undefined;
  const firstCandidates = [...registryRefs, ...image.lookupRefs];
  const readAhead = mayReuse ? promoter.readCandidates(firstCandidates, platform) : undefined;
  const [, bases, options] = await Promise.all([
    registryRefs.length || byDigest.length ? promoter.checkAccess([...registryRefs, ...byDigest]) : undefined,
    promoter.resolveBaseImages(prepared.baseImages),
    fingerprintOptions(build, {
      contextHash: async (dir) => (await readContextManifest(dir)).hash,
      imageDigest: (ref) => promoter.client.resolveDigest(ref),
    }),
  ]);
  const fingerprint = bases
    ? computeFingerprint({
        contextHash: prepared.manifest.hash,
        dockerfileHash: prepared.dockerfile.hash,
        buildArgs: build['build-args'],
        target: build.target,
        platforms: build.platforms,
        baseImages: bases,
        options,
      })
    : undefined;
  if (!mayReuse || !fingerprint) return { fingerprint, reuseFrom: async () => undefined };
  const wanted = image.reuseMode === 'same-digest' ? undefined : { labels: { ...image.labels, [FINGERPRINT_LABEL]: fingerprint }, annotations: image.annotations };
  const reuseFrom = (candidates: string[], reads?: CandidateReads) => reuseExisting(promoter, fingerprint, candidates, registryRefs, { platform, reads, wanted });
  return { fingerprint, reused: await reuseFrom(firstCandidates, readAhead), reuseFrom };
}

interface ReuseOptions {
  /** A one-platform build: a merged index among the candidates is looked into. */
  platform?: string;
  /** Candidate reads made ahead. */
  reads?: CandidateReads;
  /** This run's labels and annotations for the reused image (relabel.ts); undefined keeps it as built. */
  wanted?: WantedMetadata;
}

/** Looks for an image with this fingerprint among `candidates` (or in `reads` made ahead); when found, gives it the new tags. */
async function reuseExisting(promoter: Promoter, fingerprint: string, candidates: string[], targets: string[], options: ReuseOptions): Promise<Reused | undefined> {
  const { platform, reads, wanted } = options;
  try {
    const existing = await promoter.findByFingerprint(candidates, fingerprint, platform, reads);
    if (!existing) return undefined;
    const found = wanted ? await promoter.withMetadata(existing, wanted) : existing;
    await promoter.retag(found, targets, candidates, fingerprint, reads);
    return { reusedFrom: found.ref, digest: found.digest, imageId: found.configDigest, alreadyTagged: [...promoter.alreadyTagged] };
  } catch (error) {
    promoter.log.warning(`Could not reuse the existing image, building instead: ${messageOf(error)}`);
    return undefined;
  }
}

/**
 * `load` on a skipped build: the reused image is pulled into the engine by digest
 * and given the tags, so that a following `docker run` finds it as if built.
 */
export async function loadReused(reused: Reused, load: boolean, tags: string[], env: NodeJS.ProcessEnv, log: PipelineLog): Promise<void> {
  if (!load) return;
  const from = reused.reusedFrom.replace(/@sha256:[0-9a-f]{64}$/, '');
  const repository = from.slice(0, from.lastIndexOf(':') > from.lastIndexOf('/') ? from.lastIndexOf(':') : from.length);
  const pinned = `${repository}@${reused.digest}`;
  const pulled = await docker(['pull', '--quiet', pinned], { env });
  if (pulled.code !== 0) throw new UserError(`load: could not pull the reused image ${pinned}: ${pulled.stderr.trim().split('\n').pop()}`, { input: 'load' });
  for (const tag of tags) await docker(['tag', pinned, tag], { env });
  log.info(`Loaded ${pinned} into the engine${tags.length ? ` as ${tags.join(', ')}` : ''}`);
}

/** `type=gha` caches the user names are the managed cache's to serve: said once, not uploaded twice. */
export function noticeManagedCache(build: BuildOptions, cache: CacheSettings, log: PipelineLog): void {
  const gha = [...build['cache-from'], ...build['cache-to']].filter((entry) => entry.type === 'gha');
  if (gha.length === 0) return;
  const state = cache.mode === 'false' ? ' (it is off here: cache: false)' : '';
  (log.notice ?? log.info)(`cache-from/cache-to "type=gha": the managed cache${state} serves it, keyed by the context and Dockerfile hashes; no separate gha cache is uploaded.`);
}
