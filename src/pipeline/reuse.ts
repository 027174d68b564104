/**
 * Reusing an image the registry already has for this fingerprint, from the
 * pipeline's side: find it (in a merged index too), give it the tags, and with
 * `load` pull it into the engine as if it had been built here.
 */
import { docker } from '../buildx/docker.ts';
import { messageOf, UserError } from '../common/errors.ts';
import type { PipelineLog } from '../common/log.ts';
import type { PipelineResult, PipelineSettings } from './run.ts';
import type { CandidateReads, Promoter } from './promoter.ts';
import type { WantedMetadata } from './relabel.ts';

export interface ReuseOptions {
  /** A one-platform build: a merged index among the candidates is looked into. */
  platform?: string;
  /** Candidate reads made ahead. */
  reads?: CandidateReads;
  /** This run's labels and annotations for the reused image (relabel.ts); undefined keeps it as built. */
  wanted?: WantedMetadata;
}

/** Looks for an image with this fingerprint among `candidates` (or in `reads` made ahead); when found, gives it the new tags. */
export async function reuseExisting(result: PipelineResult, promoter: Promoter, candidates: string[], targets: string[], options: ReuseOptions = {}): Promise<boolean> {
  const { platform, reads, wanted } = options;
  try {
    const existing = await promoter.findByFingerprint(candidates, result.fingerprint!, platform, reads);
    if (!existing) return false;
    const found = wanted ? await promoter.withMetadata(existing, wanted) : existing;
    await promoter.retag(found, targets, candidates, result.fingerprint, reads);
    Object.assign(result, { built: false, reusedFrom: found.ref, digest: found.digest, imageId: found.configDigest, alreadyTagged: [...promoter.alreadyTagged] });
    return true;
  } catch (error) {
    promoter.log.warning(`Could not reuse the existing image, building instead: ${messageOf(error)}`);
    return false;
  }
}

/**
 * `load` on a skipped build: the reused image is pulled into the engine by digest
 * and given the tags, so that a following `docker run` finds it as if built.
 */
export async function loadReused(result: PipelineResult, settings: Pick<PipelineSettings, 'build' | 'tags' | 'cache'>, env: NodeJS.ProcessEnv, log: PipelineLog): Promise<void> {
  if (!settings.build.load || !result.digest || !result.reusedFrom) return;
  const from = result.reusedFrom.replace(/@sha256:[0-9a-f]{64}$/, '');
  const repository = from.slice(0, from.lastIndexOf(':') > from.lastIndexOf('/') ? from.lastIndexOf(':') : from.length);
  const pinned = `${repository}@${result.digest}`;
  const pulled = await docker(['pull', '--quiet', pinned], { env });
  if (pulled.code !== 0) throw new UserError(`load: could not pull the reused image ${pinned}: ${pulled.stderr.trim().split('\n').pop()}`, { input: 'load' });
  for (const tag of settings.tags) await docker(['tag', pinned, tag], { env });
  log.info(`Loaded ${pinned} into the engine${settings.tags.length ? ` as ${settings.tags.join(', ')}` : ''}`);
}

/** `type=gha` caches the user names are the managed cache's to serve: said once, not uploaded twice. */
export function noticeManagedCache(settings: Pick<PipelineSettings, 'build' | 'tags' | 'cache'>, log: PipelineLog): void {
  const gha = [...settings.build['cache-from'], ...settings.build['cache-to']].filter((entry) => entry.type === 'gha');
  if (gha.length === 0) return;
  const state = settings.cache === 'false' ? ' (it is off here: cache: false)' : '';
  (log.notice ?? log.info)(`cache-from/cache-to "type=gha": the managed cache${state} serves it, keyed by the context and Dockerfile hashes; no separate gha cache is uploaded.`);
}
