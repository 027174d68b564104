/**
 * The job summary, read top-down: a heading with the verdict (what was pushed,
 * what the cache did, how long it took), one line naming the image, one
 * sentence of why it rebuilt, the step table, the layer-order advice, and the
 * cache's internals folded away. Rendering is pure (Markdown from a result);
 * main.ts writes it, and the log and the CLI print its first lines.
 */
import { renderAdviceMarkdown, type Advice } from './advice.ts';
import { dockerfileSteps } from '../buildx/build-command.ts';
import type { PipelineResult } from '../pipeline/types.ts';
import { rebuildSentence } from './rebuild-reason.ts';
import { buildSteps, reran, stepTable, type StepTable } from './step-rows.ts';
import { detailsMarkdown } from './summary-details.ts';
import { stepTableMarkdown } from './summary-table.ts';
import { contextCopy, filesCopiedBy } from './context-copies.ts';
import { describeFiles, sourceFirst } from './changed-files.ts';
import { formatSeconds, plural, shortDigest } from '../common/units.ts';

export interface SummaryInput {
  result: PipelineResult;
  /** The full references of the run's tags. */
  tags: string[];
  pushed: boolean;
  /** Why a step that was to push pushed nothing. */
  notPushed?: string;
  dryRun: boolean;
  advice?: Advice[];
  /** The commit built. */
  commit?: string;
}

/** Tags named in the heading before "+N more". */
const HEADING_TAGS = 5;

/** The first lines of the summary, as plain facts for the summary, the log and the CLI. */
export interface Verdict {
  mark: string;
  /** `pushed `main`, `sha-1a2b3c4` · partial hit: 3 of 5 steps cached · 6.1 s` */
  heading: string;
  /** `image `…` · digest `sha256:…` · commit `1a2b3c4`` */
  image?: string;
  /** Why it rebuilt (or why it did not). */
  why?: string;
}

export function verdict(input: SummaryInput, table = tableOf(input.result)): Verdict {
  const { result, dryRun, notPushed } = input;
  const mark = dryRun ? '⚪' : notPushed ? '⚠️' : '✅';
  const time = formatSeconds(result.timings.total);
  if (dryRun) return { mark, heading: `dry run, nothing built or pushed · ${time}` };
  const tags = tagNames(input.tags);
  const parts: string[] = [];
  let why: string | undefined;
  if (!result.built && result.digest) {
    const already = new Set(result.alreadyTagged ?? []);
    const fresh = input.tags.filter((tag) => !already.has(tag));
    parts.push(fresh.length ? `tagged ${listTags(tagNames(fresh))}` : `${listTags(tags)} unchanged`, `no build: reused ${shortDigest(result.digest)}`);
    why = reuseSentence(result, tagNames(fresh), tagNames(input.tags.filter((tag) => already.has(tag))));
  } else if (!result.built) {
    // `call: check` and the like evaluate the build and produce no image.
    parts.push('evaluated, no image built', cacheWords(result, table));
  } else {
    parts.push(notPushed ? 'built, nothing pushed' : `${input.pushed ? 'pushed' : 'built'}${tags.length ? ` ${listTags(tags)}` : ''}`, cacheWords(result, table));
    if (result.built && !result.cacheSaved && result.cacheHit !== 'exact' && result.cacheHit !== 'disabled') parts.push('nothing saved');
    why = rebuildSentence(result, table);
  }
  parts.push(time);
  return { mark, heading: parts.join(' · '), image: imageLine(input), ...(why ? { why } : {}) };
}

export function renderSummary(input: SummaryInput): string {
  const { result, notPushed, dryRun, advice = [] } = input;
  const table = tableOf(result);
  const facts = verdict(input, table);
  const lines: string[] = [`## ${facts.mark} ${facts.heading}`, ''];
  if (facts.image) lines.push(facts.image, '');
  if (notPushed) lines.push(`Nothing pushed: ${notPushed}.`, '');
  if (facts.why) lines.push(facts.why, '');
  lines.push(...stepTableMarkdown(table, firstRerunNote(result, table)));
  const adviceText = renderAdviceMarkdown(advice);
  if (adviceText) lines.push(adviceText);
  lines.push(...detailsMarkdown(result, dryRun));
  return lines.join('\n');
}

function tableOf(result: PipelineResult): StepTable {
  return stepTable(dockerfileSteps(result.steps), result.dockerfile, result.layers ?? []);
}

/** `partial hit: 3 of 5 steps cached`. */
function cacheWords(result: PipelineResult, table: StepTable): string {
  const steps = buildSteps(table);
  const cached = steps.filter((row) => !reran(row)).length;
  const hit = { exact: 'cache hit', partial: 'partial hit', miss: 'cache miss', disabled: 'cache off' }[result.cacheHit] ?? result.cacheHit;
  return steps.length ? `${hit}: ${cached} of ${plural(steps.length, 'step')} cached` : hit;
}

/** `main`, `sha-1a2b3c4`: the tags without their repositories, each once. */
function tagNames(refs: string[]): string[] {
  return [...new Set(refs.map((ref) => ref.slice(ref.lastIndexOf(':') > ref.lastIndexOf('/') ? ref.lastIndexOf(':') + 1 : ref.length)))].filter(Boolean);
}

function listTags(names: string[]): string {
  const shown = names.slice(0, HEADING_TAGS).map((name) => `\`${name}\``);
  return `${shown.join(', ')}${names.length > HEADING_TAGS ? ` +${names.length - HEADING_TAGS} more` : ''}`;
}

/** `` `registry/app` · index `sha256:…` of linux/amd64, linux/arm64 · commit `1a2b3c4` ``. */
function imageLine(input: SummaryInput): string | undefined {
  const { result } = input;
  const repositories = [...new Set(input.tags.map((ref) => ref.slice(0, ref.lastIndexOf(':') > ref.lastIndexOf('/') ? ref.lastIndexOf(':') : ref.length)))];
  const platforms = result.platforms ?? [];
  const parts = [
    ...(repositories.length ? [repositories.map((repository) => `\`${repository}\``).join(', ')] : []),
    ...(result.digest ? [`${platforms.length > 1 ? 'index' : 'digest'} \`${shortDigest(result.digest)}\`${platforms.length > 1 ? ` of ${platforms.join(', ')}` : ''}`] : []),
    ...(!result.digest && result.imageId ? [`image ID \`${shortDigest(result.imageId)}\``] : []),
    ...(input.commit ? [`commit \`${input.commit.slice(0, 7)}\``] : []),
  ];
  return parts.length ? parts.join(' · ') : undefined;
}

function reuseSentence(result: PipelineResult, fresh: string[], already: string[]): string {
  const quoted = (tags: string[]) => tags.map((tag) => `\`${tag}\``).join(', ');
  const source = `\`${tagNames([result.reusedFrom ?? ''])[0] ?? result.reusedFrom}\``;
  const tags = fresh.length
    ? `${quoted(fresh)} now ${fresh.length === 1 ? 'points' : 'point'} at it${already.length ? ` (${quoted(already)} did already)` : ''}`
    : `${quoted(already)} ${already.length === 1 ? 'points' : 'point'} at it already`;
  return `**Why no build:** ${source} holds an image with this build's fingerprint (same files, Dockerfile, arguments and base images), so no step ran: ${tags}.`;
}

/** The footnote on the first re-run step: the changed files it copies. */
function firstRerunNote(result: PipelineResult, table: StepTable): string | undefined {
  const first = buildSteps(table).find(reran);
  if (!first?.instruction || !result.changes) return undefined;
  const copy = contextCopy(first.instruction);
  const changed = [...result.changes.changed, ...result.changes.added, ...result.changes.removed];
  const files = copy ? sourceFirst(filesCopiedBy(copy, changed)) : [];
  if (files.length) return `The first step to re-run: it copies ${describeFiles(files)}, changed since the cache entry.`;
  return result.changes.dockerfileChanged ? 'The first step to re-run: the Dockerfile changed.' : undefined;
}

/** Markdown's emphasis and code marks dropped, for the log and the terminal. */
export function plainText(markdown: string): string {
  return markdown.replace(/\*\*/g, '').replace(/`/g, '');
}
