/**
 * Reads a Dockerfile into the little the pipeline needs: its hash, its
 * instructions with line numbers (for annotations and advice), and each
 * stage's base image with global ARGs substituted (for the fingerprint).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { DockerfileParser } from 'dockerfile-ast';
import { UserError } from './errors.ts';
import type { BuildArg } from './inputs.ts';

export interface Instruction {
  keyword: string;
  /** The arguments as written, continuation lines joined. */
  args: string;
  /** 1-based line of the keyword. */
  line: number;
  /** 1-based line where the instruction ends. */
  endLine: number;
  /** Index of the stage the instruction belongs to (-1 before the first FROM). */
  stage: number;
}

export interface Stage {
  name?: string;
  /** The FROM image after ARG substitution: `registry/repo:tag`, a stage name, or `scratch`. */
  from: string;
  kind: 'image' | 'stage' | 'scratch';
  line: number;
}

export interface DockerfileModel {
  path: string;
  /** `sha256:<64 hex>` of the file's bytes. */
  hash: string;
  instructions: Instruction[];
  stages: Stage[];
}

const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

export function readDockerfile(file: string, buildArgs: BuildArg[] = [], displayPath = file): DockerfileModel {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new UserError(`cannot read the Dockerfile "${displayPath}"`, { input: 'file' });
  }
  return parseDockerfile(bytes, buildArgs, displayPath);
}

export function parseDockerfile(bytes: Buffer, buildArgs: BuildArg[], displayPath: string): DockerfileModel {
  const hash = `sha256:${crypto.createHash('sha256').update(bytes).digest('hex')}`;
  const parsed = DockerfileParser.parse(bytes.toString('utf8'));
  const instructions: Instruction[] = [];
  const stages: Stage[] = [];
  const globalArgs = new Map<string, string>();
  const overrides = new Map(buildArgs.map((arg) => [arg.name, arg.value]));

  for (const instruction of parsed.getInstructions()) {
    const keyword = instruction.getKeyword().toUpperCase();
    const range = instruction.getRange();
    const line = range.start.line + 1;
    if (!KEYWORDS.has(keyword)) {
      throw new UserError(`${displayPath}:${line}: unknown instruction "${instruction.getKeyword()}"`, { file: displayPath, line });
    }
    if (stages.length === 0 && keyword !== 'FROM' && keyword !== 'ARG') {
      throw new UserError(`${displayPath}:${line}: the first instruction must be FROM (or ARG before FROM), not ${keyword}`, { file: displayPath, line });
    }
    const args = (instruction.getRawArgumentsContent() ?? '').replace(/\\\r?\n\s*/g, ' ').trim();
    if (keyword === 'ARG' && stages.length === 0) {
      const [name, ...rest] = args.split('=');
      const declared = name!.trim();
      globalArgs.set(declared, overrides.get(declared) ?? (rest.length ? unquote(rest.join('=')) : ''));
    }
    if (keyword === 'FROM') {
      stages.push(readStage(args, line, stages, globalArgs, displayPath));
    }
    instructions.push({ keyword, args, line, endLine: range.end.line + 1, stage: stages.length - 1 });
  }
  if (stages.length === 0) {
    throw new UserError(`${displayPath}: no FROM instruction; a Dockerfile must start a stage with FROM`, { file: displayPath, line: 1 });
  }
  return { path: displayPath, hash, instructions, stages };
}

function readStage(args: string, line: number, previous: Stage[], globalArgs: Map<string, string>, displayPath: string): Stage {
  const words = args.split(/\s+/).filter((word) => !word.startsWith('--'));
  const image = words[0];
  if (!image) throw new UserError(`${displayPath}:${line}: FROM needs an image`, { file: displayPath, line });
  const name = words.length >= 3 && words[1]!.toUpperCase() === 'AS' ? words[2]!.toLowerCase() : undefined;
  const from = substitute(image, globalArgs);
  if (from.toLowerCase() === 'scratch') return { name, from: 'scratch', kind: 'scratch', line };
  if (previous.some((stage) => stage.name === from.toLowerCase())) return { name, from: from.toLowerCase(), kind: 'stage', line };
  if (from === '' || /\$/.test(from)) {
    throw new UserError(`${displayPath}:${line}: FROM "${image}" names no image; declare the ARG before FROM with a default, or pass it in build-args`, { file: displayPath, line });
  }
  return { name, from, kind: 'image', line };
}

/** `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME:+alt}`, as Docker expands them in FROM. */
export function substitute(text: string, vars: Map<string, string>): string {
  return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, braced, op, word, bare) => {
    const value = vars.get(braced ?? bare);
    if (op === '-') return value ? value : word;
    if (op === '+') return value ? word : '';
    return value ?? '';
  });
}

function unquote(value: string): string {
  const trimmed = value.trim();
  const quoted = /^"(.*)"$|^'(.*)'$/.exec(trimmed);
  return quoted ? (quoted[1] ?? quoted[2] ?? '') : trimmed;
}

/** The base images a build pulls, without stage references and scratch. */
export function baseImages(model: DockerfileModel): string[] {
  return [...new Set(model.stages.filter((stage) => stage.kind === 'image').map((stage) => stage.from))];
}
