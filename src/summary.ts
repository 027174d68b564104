/**
 * The job summary: what was pushed, what the cache did, what each build step
 * cost, and why steps re-ran. Rendering is pure (markdown from a result);
 * main.ts writes it.
 */
import { renderAdviceMarkdown, type Advice } from './advice.ts';
import { dockerfileSteps, type BuildStep } from './builder.ts';
import type { CacheTraffic } from './cache/delta-types.ts';
import type { DockerfileModel } from './dockerfile.ts';
import type { PipelineResult } from './pipeline.ts';
import type { ImageLayer } from './promote.ts';
import { parseStepName, platformCell, restoredPlatformsLine } from './platforms.ts';
import { instructionForStep } from './steps.ts';

export interface SummaryInput {
  result: PipelineResult;
  tags: string[];
  pushed: boolean;
  /** Why a step that was to push pushed nothing. */
  notPushed?: string;
  dryRun: boolean;
  advice?: Advice[];
}

const MAX_LISTED_FILES = 20;

export function renderSummary({ result, tags, pushed, notPushed, dryRun, advice = [] }: SummaryInput): string {
  const verdict = dryRun
    ? 'dry run, nothing built or pushed'
    : !result.built
      ? 'unchanged, no build: the existing image got the new tags (built=false)'
      : pushed
        ? 'built and pushed'
        : notPushed
          ? 'built, nothing pushed'
          : 'built';
  const lines: string[] = [`## image-build: ${verdict}`, ''];
  if (notPushed) lines.push(`Nothing pushed: ${notPushed}.`, '');
  if (tags.length) lines.push('| tag |', '|---|', ...tags.map((tag) => `| \`${tag}\` |`), '');
  if (result.digest) lines.push(`**Digest** \`${result.digest}\``, '');
  const uploaded = result.copiedBlobs ? `${result.copiedBlobs.blobs} blobs (${result.copiedBlobs.bytes} bytes) copied to another registry` : 'no blob uploaded';
  if (result.reusedFrom) lines.push(`Same fingerprint as \`${result.reusedFrom}\`: tagged with ${result.registryRequests} registry requests, ${uploaded}.`, '');
  lines.push(...cacheSection(result, dryRun));
  if (result.changes) lines.push(...changesSection(result));
  const steps = dockerfileSteps(result.steps);
  if (steps.length) lines.push(...stepTable(steps, result));
  const adviceText = renderAdviceMarkdown(advice);
  if (adviceText) lines.push(adviceText);
  return lines.join('\n');
}

function cacheSection(result: PipelineResult, dryRun: boolean): string[] {
  const t = result.timings;
  const restoredFrom = result.restoredKey && result.restoredKey !== result.cacheKey ? ` from \`${result.restoredKey}\`` : '';
  const exportPush = result.steps.find((step) => step.name === 'exporting to image');
  const seconds = [
    ['hash', t.hash],
    ['lookup', t.lookup],
    ['restore', t.restore],
    ['build', t.build],
    ...(exportPush ? [['of which export + push', exportPush.seconds] as const] : []),
    ['save', t.save],
    ['total', t.total],
  ] as const;
  return [
    '### Cache',
    '',
    '| | |',
    '|---|---|',
    `| key | \`${result.cacheKey}\` |`,
    `| hit | **${result.cacheHit}**${restoredFrom} |`,
    ...(dryRun ? [`| restore keys | ${result.restoreKeys.map((key) => `\`${key}\``).join(', ')} |`] : []),
    ...(result.builder ? [`| builder | ${result.builder} |`] : []),
    ...(result.cacheTravel ? [`| travel | ${result.cacheTravel} |`] : []),
    ...(result.cacheBytes !== undefined ? [`| entry size | ${formatBytes(result.cacheBytes)}${result.cacheSaved ? ', saved' : ', not saved'} |`] : []),
    ...(result.built && !result.cacheSaved ? [`| saved | not saved: ${result.cacheNotSaved ?? 'see the warnings above'} |`] : []),
    ...(result.cacheSaved && result.cacheBytes === undefined ? ['| saved | yes |'] : []),
    ...(result.cacheTraffic ? [`| transfer | ${trafficText(result.cacheTraffic)} |`] : []),
    `| context | \`${result.contextHash}\` (${result.manifest.entries.length} entries) |`,
    `| fingerprint | \`${result.fingerprint ?? 'not computed'}\` |`,
    `| seconds | ${seconds.map(([name, value]) => `${name} ${value.toFixed(1)}`).join(' · ')} |`,
    '',
  ];
}

function trafficText(t: CacheTraffic): string {
  return (
    `${formatBytes(t.bytesDown)} down in ${t.requestsDown} requests · ${formatBytes(t.bytesUp)} up in ${t.requestsUp} requests · ` +
    `${t.blobsReused} blobs reused, ${t.blobsUploaded} uploaded, ${t.blobsDownloaded} downloaded`
  );
}

function changesSection(result: PipelineResult): string[] {
  const changes = result.changes!;
  const lines = ['### Why the cache missed', ''];
  if (changes.dockerfileChanged) lines.push('- the Dockerfile changed');
  const platforms = restoredPlatformsLine(changes.restoredPlatforms);
  if (platforms) lines.push(`- ${platforms}`);
  for (const [label, files] of [['added', changes.added], ['removed', changes.removed], ['changed', changes.changed]] as const) {
    if (files.length === 0) continue;
    const shown = files.slice(0, MAX_LISTED_FILES).map((file) => `\`${file}\``).join(', ');
    lines.push(`- ${files.length} ${label}: ${shown}${files.length > MAX_LISTED_FILES ? `, and ${files.length - MAX_LISTED_FILES} more` : ''}`);
  }
  if (!changes.dockerfileChanged && !platforms && changes.added.length + changes.removed.length + changes.changed.length === 0) {
    lines.push('- no context file differs from the restored entry (a build argument, target or base image changed)');
  }
  return [...lines, ''];
}

function stepTable(steps: BuildStep[], result: PipelineResult): string[] {
  const sizes = layerSizes(result.layers ?? []);
  const labels = new Map(steps.map((step) => [step, parseStepName(step.name)]));
  // A multi-platform build names each step's platform (`[linux/arm64 3/6] RUN …`): one row per platform and step.
  const multi = steps.some((step) => labels.get(step)?.platform);
  const platformOf = (step: BuildStep) => labels.get(step)?.platform ?? '';
  const firstRun = new Map<string, BuildStep>();
  for (const step of steps) {
    if (!step.cached && !/\] FROM /.test(step.name) && !firstRun.has(platformOf(step))) firstRun.set(platformOf(step), step);
  }
  const changed = result.changes ? [...result.changes.changed, ...result.changes.added, ...result.changes.removed] : [];
  // In Dockerfile order: BuildKit runs independent steps concurrently, so start order misleads.
  const line = (step: BuildStep) => lineOf(step, result.dockerfile) ?? 1e9;
  const ordered = [...steps].sort((a, b) => line(a) - line(b) || platformOf(a).localeCompare(platformOf(b)));
  const rows = ordered.map((step) => {
    // A base image is pulled, not run; saying "run" would read like a cache miss.
    const status = step.error ? '**failed**' : step.cached ? 'cached' : /\] FROM /.test(step.name) ? 'pulled' : 'run';
    const size = sizes.get(sizeKey(multi ? platformOf(step) : undefined, stepText(step.name)));
    const why = firstRun.get(platformOf(step)) === step && changed.length ? ` ← ${changed.slice(0, 3).map((file) => `\`${file}\``).join(', ')}${changed.length > 3 ? ` +${changed.length - 3}` : ''} changed` : '';
    const platform = multi ? ` ${platformCell(labels.get(step))} |` : '';
    return `| ${lineOf(step, result.dockerfile) ?? ''} |${platform} \`${escapeCell(shorten(stepText(step.name), 70))}\` | ${status}${why} | ${step.seconds.toFixed(1)} | ${size === undefined ? '' : formatBytes(size)} |`;
  });
  const header = multi
    ? ['| line | platform | step | status | seconds | layer |', '|---:|---|---|---|---:|---:|']
    : ['| line | step | status | seconds | layer |', '|---:|---|---|---:|---:|'];
  return ['### Build steps', '', ...header, ...rows, ''];
}

function lineOf(step: BuildStep, model: DockerfileModel): number | undefined {
  return instructionForStep(step.name, model)?.line;
}

/** `[2/4] RUN make` → `RUN make`. */
function stepText(name: string): string {
  return name.replace(/^\[[^\]]*\]\s*/, '');
}

/** History entries read `RUN /bin/sh -c make # buildkit`; steps read `RUN make`. */
function normalizeInstruction(text: string): string {
  const plain = text.replace(/\s+# buildkit$/, '').replace(/^RUN \/bin\/sh -c /, 'RUN ').replace(/@sha256:[0-9a-f]{64}$/, '').trim();
  // History leaves out COPY's --from (`COPY --from=build /app /app` is `COPY /app /app`), not its other flags.
  return /^COPY /.test(plain) ? plain.replace(/ --from=\S+/g, '') : plain;
}

function sizeKey(platform: string | undefined, instruction: string): string {
  return `${platform ?? ''}|${normalizeInstruction(instruction)}`;
}

/** Layer size by platform and instruction; a single-platform build's layers also without platform. */
function layerSizes(layers: ImageLayer[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const layer of layers) {
    sizes.set(sizeKey(layer.platform, layer.createdBy), layer.size);
    if (!sizes.has(sizeKey(undefined, layer.createdBy))) sizes.set(sizeKey(undefined, layer.createdBy), layer.size);
  }
  return sizes;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/`/g, "'");
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
