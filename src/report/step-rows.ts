/**
 * The build's steps as the summary's table has them: one row per Dockerfile
 * instruction, in Dockerfile order, with what each platform's run of it did,
 * its time and its layer's size. BuildKit's step names and the pushed image's
 * history are matched up here; rendering is elsewhere.
 */
import type { BuildStep } from '../buildx/build-command.ts';
import type { DockerfileModel, Instruction } from '../buildx/dockerfile.ts';
import type { ImageLayer } from '../pipeline/promoter.ts';
import { parseStepName } from '../buildx/platforms.ts';
import { instructionForStep } from '../buildx/steps.ts';

export type StepResult = 'cached' | 'run' | 'pulled' | 'failed';

/** One platform's run of a step. */
export interface PlatformRun {
  /** '' in a single-platform build. */
  platform: string;
  /** The platform a cross stage ran on, when not the target (`linux/amd64` for `[linux/amd64->arm64 …]`). */
  runsOn?: string;
  result: StepResult;
  seconds: number;
  /** The layer's size in the pushed image; for the final stage's FROM, the base image's layers. */
  size?: number;
}

export interface StepRow {
  line?: number;
  instruction?: Instruction;
  /** The instruction as BuildKit shows it (`RUN make`), without a pinned base's digest. */
  text: string;
  from: boolean;
  runs: PlatformRun[];
}

export interface StepTable {
  rows: StepRow[];
  /** The platforms with a column ('' alone for a single-platform build). */
  platforms: string[];
  /** Per platform: the image's size (all its layers) when the layers are known. */
  imageSize: Map<string, number>;
}

export function stepTable(steps: BuildStep[], model: DockerfileModel, layers: ImageLayer[] = []): StepTable {
  const rows = new Map<string, StepRow>();
  const platforms = new Set<string>();
  // A step without a platform in a multi-platform build is another build's, whose identical step
  // BuildKit ran once for both (a shared engine): it is not this build's to show.
  const multi = steps.some((step) => parseStepName(step.name)?.platform);
  for (const step of steps) {
    const label = parseStepName(step.name);
    if (multi && !label?.platform) continue;
    const text = (label?.text ?? step.name).replace(/@sha256:[0-9a-f]{64}$/, '');
    const instruction = instructionForStep(step.name, model);
    const key = instruction ? `line ${instruction.line}` : `${label?.stage ?? ''}|${text}`;
    const from = /^FROM /.test(text);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { ...(instruction ? { line: instruction.line, instruction } : {}), text, from, runs: [] }));
    const platform = label?.platform ?? '';
    platforms.add(platform);
    const result: StepResult = step.error ? 'failed' : step.cached ? 'cached' : from ? 'pulled' : 'run';
    row.runs.push({ platform, ...(label?.runsOn ? { runsOn: label.runsOn } : {}), result, seconds: step.seconds });
  }
  // BuildKit runs independent steps concurrently, so start order misleads: Dockerfile order.
  const ordered = [...rows.values()].sort((a, b) => (a.line ?? 1e9) - (b.line ?? 1e9));
  for (const row of ordered) row.runs.sort((a, b) => a.platform.localeCompare(b.platform));
  const platformList = [...platforms].sort();
  return { rows: ordered, platforms: platformList, imageSize: attachSizes(ordered, platformList, layers, model) };
}

/** Gives each run its layer's size, and the final stage's FROM the size of the base layers; returns each image's size. */
function attachSizes(rows: StepRow[], platforms: string[], layers: ImageLayer[], model: DockerfileModel): Map<string, number> {
  const imageSize = new Map<string, number>();
  if (layers.length === 0) return imageSize;
  const single = platforms.length === 1;
  const finalFrom = model.stages[model.stages.length - 1]?.line;
  for (const platform of platforms) {
    const own = layers.filter((layer) => single || (layer.platform ?? '') === platform);
    const sizes = new Map<string, number>();
    for (const layer of own) if (!sizes.has(normalizeInstruction(layer.createdBy))) sizes.set(normalizeInstruction(layer.createdBy), layer.size);
    const total = own.reduce((sum, layer) => sum + layer.size, 0);
    let matched = 0;
    for (const row of rows) {
      const run = row.runs.find((r) => r.platform === platform);
      const size = row.from ? undefined : sizes.get(normalizeInstruction(row.text));
      if (run && size !== undefined) {
        run.size = size;
        matched += size;
      }
    }
    const base = rows.find((row) => row.from && row.line === finalFrom)?.runs.find((r) => r.platform === platform);
    // No layer of the image is left over for the base when the image's history did not match: say nothing then.
    if (base && total > matched) base.size = total - matched;
    imageSize.set(platform, total);
  }
  return imageSize;
}

/** History entries read `RUN /bin/sh -c make # buildkit`; steps read `RUN make`. */
function normalizeInstruction(text: string): string {
  const plain = text.replace(/\s+# buildkit$/, '').replace(/^RUN \/bin\/sh -c /, 'RUN ').replace(/@sha256:[0-9a-f]{64}$/, '').trim();
  // History leaves out COPY's --from (`COPY --from=build /app /app` is `COPY /app /app`), not its other flags.
  return /^COPY /.test(plain) ? plain.replace(/ --from=\S+/g, '') : plain;
}

/** Steps that did work (not a pulled base): cached or run. */
export function buildSteps(table: StepTable): StepRow[] {
  return table.rows.filter((row) => !row.from);
}

/** A row re-ran when any platform ran it. */
export function reran(row: StepRow): boolean {
  return row.runs.some((run) => run.result === 'run' || run.result === 'failed');
}
