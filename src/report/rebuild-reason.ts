/**
 * Why a build re-ran what it re-ran, in one sentence: the changed files that the
 * first re-run step really copies, that step, and what the re-run cost. Changed
 * files no step copies are named apart (they changed the cache key, not a
 * layer). Pure: the summary, the log and the CLI all say it.
 */
import { describeFiles, sourceFirst } from './changed-files.ts';
import { contextCopy, filesCopiedBy } from './context-copies.ts';
import type { DockerfileModel } from '../buildx/dockerfile.ts';
import type { MissExplanation } from '../pipeline/cache-outcome.ts';
import { restoredPlatformsLine } from '../buildx/platforms.ts';
import { buildSteps, reran, type StepRow, type StepTable } from './step-rows.ts';
import { formatSeconds, joinAnd, plural } from '../common/units.ts';

export interface RebuildFacts {
  built: boolean;
  cacheHit: string;
  changes?: MissExplanation;
  dockerfile: DockerfileModel;
}

/** The changed files every context COPY of the Dockerfile takes in, and those none does. */
export function readAndUnread(model: DockerfileModel, changed: string[]): { read: string[]; unread: string[] } {
  const copies = model.instructions.map(contextCopy).filter((copy) => copy !== undefined);
  const read = new Set(copies.flatMap((copy) => filesCopiedBy(copy, changed)));
  return { read: changed.filter((file) => read.has(file)), unread: changed.filter((file) => !read.has(file)) };
}

/** `**Why it rebuilt:** …`, or undefined when nothing was built. */
export function rebuildSentence(facts: RebuildFacts, table: StepTable): string | undefined {
  if (!facts.built) return undefined;
  const steps = buildSteps(table);
  const rerun = steps.filter(reran);
  const first = rerun[0];
  const cost = rerunCost(rerun, table.platforms);
  if (facts.cacheHit === 'miss' || facts.cacheHit === 'disabled') {
    const why = facts.cacheHit === 'miss' ? 'a cold build: no cache entry for this Dockerfile yet' : 'the cache is off';
    return `**Why it built everything:** ${why}; ${plural(rerun.length, 'step')} ran${cost}.`;
  }
  const changes = facts.changes;
  const changed = changes ? [...changes.changed, ...changes.added, ...changes.removed] : [];
  const { unread } = readAndUnread(facts.dockerfile, changed);
  const unreadText = unread.length ? ` Changed, but copied by no step: ${describeFiles(unread, { byFolder: true })}.` : '';
  if (!first) return `**Nothing re-ran:** every step came from the cache.${unreadText}`;
  const step = `\`${first.text}\`${first.line ? ` (line ${first.line})` : ''}`;
  const copy = first.instruction ? contextCopy(first.instruction) : undefined;
  const blamed = copy ? sourceFirst(filesCopiedBy(copy, changed)) : [];
  const after = rerun.length > 1 ? `it and ${plural(rerun.length - 1, 'step')} after it re-ran` : 'it re-ran';
  let cause: string;
  if (blamed.length) cause = `${describeFiles(blamed)} changed, and ${step} copies ${blamed.length === 1 ? 'it' : 'them'}`;
  else if (changes?.dockerfileChanged) cause = `the Dockerfile changed, and ${step} is the first step that differs`;
  else if (restoredPlatformsLine(changes?.restoredPlatforms)) cause = `${restoredPlatformsLine(changes?.restoredPlatforms)}; ${step} is the first step that differs`;
  else cause = `no file that ${step} copies changed (a build argument, the target or a base image did)`;
  return `**Why it rebuilt:** ${cause}: ${after}${cost}.${unreadText}`;
}

/** `, 1.3 s` or `, 1.3 s on linux/amd64 and 6.2 s on linux/arm64`: the seconds the re-run steps took. */
function rerunCost(rows: StepRow[], platforms: string[]): string {
  const per = platforms.map((platform) => {
    const seconds = rows.reduce((sum, row) => sum + row.runs.filter((run) => run.platform === platform && run.result !== 'cached').reduce((s, run) => s + run.seconds, 0), 0);
    return `${formatSeconds(seconds)}${platform ? ` on ${platform}` : ''}`;
  });
  return rows.length ? `, ${joinAnd(per)}` : '';
}
