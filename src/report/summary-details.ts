/**
 * The part of the summary for when something looks wrong: the cache's keys and
 * hashes, what travelled to and from the cache service and the registry, the
 * phase timings, the per-platform images and every changed file. Folded in a
 * `<details>` block: it is for the second look, not the first.
 */
import type { CacheTraffic } from '../cache/index.ts';
import type { PipelineResult } from '../pipeline/types.ts';
import { sourceFirst } from './changed-files.ts';
import { restoredPlatformsLine } from '../buildx/platforms.ts';
import { formatBytes, formatSeconds, plural, shortDigest } from '../common/units.ts';

const MAX_LISTED_FILES = 20;

const HIT_WORDS: Record<string, string> = {
  exact: 'an entry of the same files and Dockerfile',
  partial: 'an entry of this Dockerfile, other files',
  miss: 'no entry for this Dockerfile yet',
  disabled: 'the cache is off',
};

export function detailsMarkdown(result: PipelineResult, dryRun: boolean): string[] {
  return [
    '<details><summary>Cache, keys, transfers and timings</summary>',
    '',
    ...cacheRows(result),
    ...timingTable(result),
    ...keyBlock(result, dryRun),
    ...platformImages(result),
    ...changedFiles(result),
    '</details>',
    '',
  ];
}

function cacheRows(result: PipelineResult): string[] {
  const hit = !result.built && result.reusedFrom ? 'not looked up: the image was reused' : `**${result.cacheHit}** (${HIT_WORDS[result.cacheHit] ?? ''})`;
  const rows: [string, string][] = [['hit', hit]];
  if (result.builder) rows.push(['builder', result.builder]);
  if (result.cacheTravel) rows.push(['travel', result.cacheTravel]);
  if (result.cacheBytes !== undefined) rows.push(['entry size', `${formatBytes(result.cacheBytes)}, ${result.cacheSaved ? 'saved' : 'not saved'}`]);
  if (result.built && !result.cacheSaved) rows.push(['saved', `not saved: ${result.cacheNotSaved ?? 'see the warnings above'}`]);
  if (result.cacheSaved && result.cacheBytes === undefined) rows.push(['saved', 'yes']);
  if (result.cacheTraffic) rows.push(...trafficRows(result.cacheTraffic));
  if (result.reusedFrom) {
    const copied = result.copiedBlobs ? `${plural(result.copiedBlobs.blobs, 'blob')} (${formatBytes(result.copiedBlobs.bytes)}) copied to another registry` : 'no layer uploaded';
    rows.push(['registry', `${plural(result.registryRequests, 'request')}, ${copied}`]);
  }
  return ['| cache | this run |', '|---|---|', ...rows.map(([name, value]) => `| ${name} | ${value} |`), ''];
}

/** Bytes and requests to the cache service; "blobs" are the layers and the small files that describe them. */
function trafficRows(t: CacheTraffic): [string, string][] {
  return [
    ['download', `${formatBytes(t.bytesDown)} in ${plural(t.requestsDown, 'request')}`],
    ['upload', `${formatBytes(t.bytesUp)} in ${plural(t.requestsUp, 'request')}`],
    ['blobs (layers, configs)', `${t.blobsReused} already stored, ${t.blobsUploaded} uploaded, ${t.blobsDownloaded} downloaded`],
  ];
}

/** One column per phase, in seconds, so no cell is wide. */
function timingTable(result: PipelineResult): string[] {
  const t = result.timings;
  const exportPush = result.steps.find((step) => step.name === 'exporting to image');
  const phases: [string, number][] = [
    ['hash', t.hash],
    ['lookup', t.lookup],
    ['restore', t.restore],
    ['build', t.build],
    ...(exportPush ? [['export + push', exportPush.seconds] as [string, number]] : []),
    ['save', t.save],
    ['total', t.total],
  ];
  return [`| ${phases.map(([name]) => name).join(' | ')} |`, `|${phases.map(() => '---:|').join('')}`, `| ${phases.map(([, value]) => formatSeconds(value)).join(' | ')} |`, ''];
}

/** The long identifiers in a code block (which scrolls on its own), each said what it is. */
function keyBlock(result: PipelineResult, dryRun: boolean): string[] {
  const lines = [`cache key      ${result.cacheKey}`];
  if (result.restoredKey && result.restoredKey !== result.cacheKey) lines.push(`restored from  ${result.restoredKey}`);
  if (dryRun) lines.push(...result.restoreKeys.map((key, index) => `${index ? '              ' : 'restore keys  '}${key}`));
  lines.push(`context hash   ${result.contextHash}`, `fingerprint    ${result.fingerprint ?? 'not computed'}`);
  if (result.reusedFrom) lines.push(`reused         ${result.reusedFrom}`);
  return [
    '```',
    ...lines,
    '```',
    '',
    `The context hash covers the ${plural(result.manifest.entries.length, 'file')} Docker sends (.dockerignore applied); the fingerprint adds the Dockerfile, ` +
      'the build arguments and the base images. An image in the registry with this fingerprint is reused instead of built.',
    '',
  ];
}

function platformImages(result: PipelineResult): string[] {
  const images = new Map<string, string>();
  for (const layer of result.layers ?? []) if (layer.platform && layer.image) images.set(layer.platform, layer.image);
  if (images.size < 2) return [];
  return ['| platform | image digest |', '|---|---|', ...[...images].sort().map(([platform, digest]) => `| ${platform} | \`${shortDigest(digest)}\` |`), ''];
}

function changedFiles(result: PipelineResult): string[] {
  const changes = result.changes;
  if (!changes) return [];
  const lines = ['Changed since the restored cache entry:', ''];
  if (changes.dockerfileChanged) lines.push('- the Dockerfile changed');
  const platforms = restoredPlatformsLine(changes.restoredPlatforms);
  if (platforms) lines.push(`- ${platforms}`);
  for (const [label, files] of [['added', changes.added], ['removed', changes.removed], ['changed', changes.changed]] as const) {
    if (files.length === 0) continue;
    const shown = sourceFirst(files).slice(0, MAX_LISTED_FILES).map((file) => `\`${file}\``).join(', ');
    lines.push(`- ${files.length} ${label}: ${shown}${files.length > MAX_LISTED_FILES ? `, and ${files.length - MAX_LISTED_FILES} more` : ''}`);
  }
  if (lines.length === 2) lines.push('- no context file differs from the restored entry (a build argument, target or base image changed)');
  return [...lines, ''];
}
