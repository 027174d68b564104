/**
 * Ties BuildKit's steps (`[stage-1 2/5] RUN make`) back to the Dockerfile
 * instructions that made them, so that failures and advice can point at a line.
 */
import type { DockerfileModel, Instruction } from './dockerfile.ts';

/** The instructions BuildKit's Dockerfile frontend turns into numbered steps. */
const STEP_KEYWORDS = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'WORKDIR']);

const STEP_NAME = /^\[(?:(\S+) )?(\d+)\/(\d+)\] (\S+)/;

export function instructionForStep(stepName: string, model: DockerfileModel): Instruction | undefined {
  const match = STEP_NAME.exec(stepName);
  if (!match) return undefined;
  const [, stageLabel, index, , keyword] = match;
  const stage = stageIndex(stageLabel, model);
  if (stage === undefined) return undefined;
  const candidates = model.instructions.filter((instruction) => instruction.stage === stage && STEP_KEYWORDS.has(instruction.keyword));
  const instruction = candidates[Number(index) - 1];
  return instruction && instruction.keyword === keyword!.toUpperCase() ? instruction : undefined;
}

function stageIndex(label: string | undefined, model: DockerfileModel): number | undefined {
  if (label === undefined) return model.stages.length === 1 ? 0 : undefined;
  const numbered = /^stage-(\d+)$/.exec(label);
  if (numbered) return Number(numbered[1]);
  const named = model.stages.findIndex((stage) => stage.name === label.toLowerCase());
  return named >= 0 ? named : undefined;
}
