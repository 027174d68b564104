/**
 * The summary's step table, close to `docker image history`: line | step |
 * result | time | size in Dockerfile order, a totals row, and a footnote that
 * says why the first re-run step re-ran (kept out of the cells so that the
 * columns stay narrow). A multi-platform build gets one row per step and a
 * column per platform.
 */
import { buildSteps, reran, type PlatformRun, type StepRow, type StepTable } from './step-rows.ts';
import { formatBytes, formatSeconds, shorten } from '../common/units.ts';

/** Step text longer than this is cut (its line number leads to the rest). */
const STEP_TEXT = 44;
const DASH = '—';

export function stepTableMarkdown(table: StepTable, footnote?: string): string[] {
  if (table.rows.length === 0) return [];
  const multi = table.platforms.length > 1;
  const first = buildSteps(table).find(reran);
  const mark = (row: StepRow) => (footnote && row === first ? ' ¹' : '');
  const header = multi
    ? [`| line | step | ${table.platforms.join(' | ')} | size |`, `|---:|---|${table.platforms.map(() => '---|').join('')}---:|`]
    : ['| line | step | result | time | size |', '|---:|---|---|---:|---:|'];
  const rows = table.rows.map((row) => {
    const step = `\`${escapeCell(shorten(row.text, STEP_TEXT))}\``;
    if (!multi) {
      const run = row.runs[0]!;
      return `| ${row.line ?? ''} | ${step} | ${resultWord(run)}${mark(row)} | ${timeOf(run)} | ${sizeOf(row.runs)} |`;
    }
    const cells = table.platforms.map((platform) => {
      const run = row.runs.find((r) => r.platform === platform);
      return run ? `${resultWord(run)}${run.result === 'cached' ? '' : ` ${formatSeconds(run.seconds)}`}${run.runsOn ? ` on ${run.runsOn.split('/').pop()}` : ''}` : '';
    });
    return `| ${row.line ?? ''} | ${step}${mark(row)} | ${cells.join(' | ')} | ${sizeOf(row.runs)} |`;
  });
  return ['### Build steps', '', ...header, ...rows, totalsRow(table), '', ...(footnote && first ? [`¹ ${footnote}`, ''] : [])];
}

/** `3 of 5 cached`, the seconds the steps took, the image's size. */
function totalsRow(table: StepTable): string {
  const steps = buildSteps(table);
  const size = table.imageSize.size ? `**${distinct(table.platforms.map((platform) => table.imageSize.get(platform)).filter((s) => s !== undefined).map(formatBytes))}**` : '';
  const perPlatform = table.platforms.map((platform) => {
    const runs = table.rows.flatMap((row) => row.runs.filter((run) => run.platform === platform));
    const cached = steps.filter((row) => row.runs.some((run) => run.platform === platform && run.result === 'cached')).length;
    const seconds = runs.filter((run) => run.result !== 'cached').reduce((sum, run) => sum + run.seconds, 0);
    return { cached, seconds };
  });
  if (table.platforms.length > 1) {
    return `| | **total** | ${perPlatform.map((p) => `**${p.cached} of ${steps.length} cached, ${formatSeconds(p.seconds)}**`).join(' | ')} | ${size} |`;
  }
  const only = perPlatform[0]!;
  return `| | **total** | **${only.cached} of ${steps.length} cached** | **${formatSeconds(only.seconds)}** | ${size} |`;
}

function resultWord(run: PlatformRun): string {
  return run.result === 'failed' ? '**failed**' : run.result;
}

function timeOf(run: PlatformRun): string {
  return run.result === 'cached' ? DASH : formatSeconds(run.seconds);
}

/** One size when every platform's layer has it, else each platform's in column order. */
function sizeOf(runs: PlatformRun[]): string {
  const sizes = runs.map((run) => run.size).filter((size) => size !== undefined);
  return sizes.length ? distinct(sizes.map(formatBytes)) : DASH;
}

function distinct(values: string[]): string {
  return [...new Set(values)].join(' / ');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/`/g, "'");
}
