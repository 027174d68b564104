/**
 * The action's `merge-digests` mode: instead of building, join the per-platform
 * images earlier jobs pushed by digest into one multi-platform image under the
 * step's tags (src/pipeline/merge.ts), and report it like a build: outputs and summary.
 */
import type { Credentials } from '../buildx/credentials.ts';
import { engineInsecureRegistries } from '../buildx/engine-registries.ts';
import type { PipelineLog } from '../common/log.ts';
import { mergeDigests } from '../pipeline/merge.ts';
import { Promoter } from '../pipeline/promoter.ts';

export interface MergeStep {
  digests: string[];
  tags: string[];
  annotations: string[];
  logins: Credentials;
  dryRun: boolean;
  /** The step's environment: the engine it names says which registries go without TLS. */
  env: NodeJS.ProcessEnv;
}

export interface MergeOutcome {
  result: { digest?: string; imageId?: string; contextHash: string; dockerfileHash: string; fingerprint?: string; cacheKey: string; cacheHit: 'disabled'; cacheSaved: false; built: boolean };
  summary: string;
}

export async function runMerge(step: MergeStep, log: PipelineLog): Promise<MergeOutcome> {
  const empty = { contextHash: '', dockerfileHash: '', cacheKey: '', cacheHit: 'disabled' as const, cacheSaved: false as const, built: false };
  if (step.dryRun) return { result: empty, summary: `## image-build: dry run, would merge ${step.digests.length} images\n` };
  const promoter = new Promoter(step.logins, log, engineInsecureRegistries(step.env));
  const merged = await log.group('Merge', () => mergeDigests(promoter.client, { digests: step.digests, tags: step.tags, annotations: step.annotations }, log));
  const lines = [
    `## image-build: merged ${merged.platforms.length} platforms into one image`,
    '',
    '| tag |',
    '|---|',
    ...step.tags.map((tag) => `| \`${tag}\` |`),
    '',
    `**Digest** \`${merged.digest}\` (an OCI index, ${merged.size} bytes)`,
    '',
    `Platforms: ${merged.platforms.map((p) => `\`${p}\``).join(', ')} · ${promoter.client.requestCount()} registry requests, no blob uploaded.`,
    '',
  ];
  return { result: { ...empty, digest: merged.digest }, summary: lines.join('\n') };
}
