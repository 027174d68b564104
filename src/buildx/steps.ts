/**
 * Ties BuildKit's steps (`[stage-1 2/5] RUN make`, `[linux/arm64 3/6] RUN make`)
 * back to the Dockerfile instructions that made them, so that failures and
 * advice can point at a line.
 */
import type { DockerfileModel, Instruction } from './dockerfile.ts';
import { parseStepName } from './platforms.ts';

/** The instructions BuildKit's Dockerfile frontend turns into numbered steps. */
const STEP_KEYWORDS = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'WORKDIR']);

export function instructionForStep(stepName: string, model: DockerfileModel): Instruction | undefined {
  const label = parseStepName(stepName);
  if (!label) return undefined;
  const keyword = label.text.split(/\s/, 1)[0]!;
  const stage = stageIndex(label.stage, model);
  if (stage === undefined) return undefined;
  // A stage on `scratch` or on another stage has no FROM step: its first step is numbered 1.
  const fromIsStep = model.stages[stage]?.kind === 'image';
  const candidates = model.instructions.filter((instruction) => instruction.stage === stage && STEP_KEYWORDS.has(instruction.keyword) && (fromIsStep || instruction.keyword !== 'FROM'));
  const instruction = candidates[label.index - 1];
  return instruction && instruction.keyword === keyword.toUpperCase() ? instruction : undefined;
}

/** The platform a step ran for, in a multi-platform build (`[linux/arm64 3/6] …`). */
export function platformOfStep(stepName: string): string | undefined {
  return parseStepName(stepName)?.platform;
}

function stageIndex(label: string | undefined, model: DockerfileModel): number | undefined {
  if (label === undefined) return model.stages.length === 1 ? 0 : undefined;
  const numbered = /^stage-(\d+)$/.exec(label);
  if (numbered) return Number(numbered[1]);
  const named = model.stages.findIndex((stage) => stage.name === label.toLowerCase());
  return named >= 0 ? named : undefined;
}
