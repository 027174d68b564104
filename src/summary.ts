/**
 * The job summary: what was pushed, what the cache did, and what each build
 * step cost. Rendering is pure (markdown from a result); main.ts writes it.
 */
import { dockerfileSteps, type BuildStep } from './builder.ts';
import type { PipelineResult } from './pipeline.ts';

export interface SummaryInput {
  result: PipelineResult;
  tags: string[];
  pushed: boolean;
  dryRun: boolean;
  advice?: string[];
}

const MAX_LISTED_FILES = 20;

export function renderSummary({ result, tags, pushed, dryRun, advice = [] }: SummaryInput): string {
  const lines: string[] = [];
  const verdict = dryRun ? 'dry run: nothing built or pushed' : result.built ? (pushed ? 'built and pushed' : 'built') : `unchanged: tagged the existing image, no build`;
  lines.push(`## image-build: ${verdict}`, '');
  if (tags.length) {
    lines.push('| tag |', '|---|', ...tags.map((tag) => `| \`${tag}\` |`), '');
  }
  if (result.digest) lines.push(`**Digest** \`${result.digest}\``, '');
  if (result.reusedFrom) lines.push(`Same fingerprint as \`${result.reusedFrom}\`, so its image got the new tags.`, '');

  const t = result.timings;
  lines.push(
    '### Cache',
    '',
    '| | |',
    '|---|---|',
    `| key | \`${result.cacheKey}\` |`,
    `| hit | **${result.cacheHit}**${result.restoredKey && result.restoredKey !== result.cacheKey ? ` from \`${result.restoredKey}\`` : ''} |`,
    ...(result.cacheBytes !== undefined ? [`| entry size | ${formatBytes(result.cacheBytes)}${result.cacheSaved ? ' (saved)' : ''} |`] : []),
    `| fingerprint | \`${result.fingerprint ?? 'n/a'}\` |`,
    `| seconds | hash ${t.hash.toFixed(1)} · lookup ${t.lookup.toFixed(1)} · restore ${t.restore.toFixed(1)} · build ${t.build.toFixed(1)} · save ${t.save.toFixed(1)} · total ${t.total.toFixed(1)} |`,
    '',
  );

  const changes = result.changes;
  if (changes) {
    lines.push('### Why the cache missed', '');
    if (changes.dockerfileChanged) lines.push('- the Dockerfile changed');
    for (const [label, files] of [['added', changes.added], ['removed', changes.removed], ['changed', changes.changed]] as const) {
      if (files.length === 0) continue;
      const shown = files.slice(0, MAX_LISTED_FILES).map((file) => `\`${file}\``).join(', ');
      lines.push(`- ${files.length} ${label}: ${shown}${files.length > MAX_LISTED_FILES ? `, and ${files.length - MAX_LISTED_FILES} more` : ''}`);
    }
    lines.push('');
  }

  const steps = dockerfileSteps(result.steps);
  if (steps.length) {
    lines.push('### Build steps', '', '| step | status | seconds |', '|---|---|---:|', ...steps.map(stepRow), '');
  }
  if (advice.length) lines.push('### Layer order', '', ...advice.map((item) => `- ${item}`), '');
  return lines.join('\n');
}

function stepRow(step: BuildStep): string {
  const status = step.error ? '**failed**' : step.cached ? 'cached' : 'run';
  return `| \`${shorten(step.name, 80).replace(/\|/g, '\\|')}\` | ${status} | ${step.seconds.toFixed(1)} |`;
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
