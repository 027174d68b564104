/**
 * Reads a Dockerfile into the little the pipeline needs: its hash, its
 * instructions with line numbers (for annotations and advice), and each
 * stage's base image with global ARGs substituted (for the fingerprint), per
 * target platform when its FROM uses the automatic platform ARGs.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { DockerfileParser } from 'dockerfile-ast';
import { UserError } from '../common/errors.ts';
import type { BuildArg } from '../inputs/action-inputs.ts';
import { platformArgs } from './platforms.ts';

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
  /** The image as written, before substitution (it may name `$TARGETARCH`). */
  image: string;
  /** FROM's `--platform=` value as written (`$BUILDPLATFORM`, `linux/amd64`). */
  platform?: string;
}

export interface DockerfileModel {
  path: string;
  /** `sha256:<64 hex>` of the file's bytes. */
  hash: string;
  instructions: Instruction[];
  stages: Stage[];
  /** The global ARGs (declared before the first FROM) with their values for this build. */
  globalArgs: Map<string, string>;
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
      stages.push(readStage(args, platformFlag(instruction), line, stages, globalArgs, displayPath));
    }
    instructions.push({ keyword, args, line, endLine: range.end.line + 1, stage: stages.length - 1 });
  }
  if (stages.length === 0) {
    throw new UserError(`${displayPath}: no FROM instruction; a Dockerfile must start a stage with FROM`, { file: displayPath, line: 1 });
  }
  return { path: displayPath, hash, instructions, stages, globalArgs };
}

// Only for reading FROM lines at parse time: which stage each names and that it names one.
const PARSE_PLATFORM_ARGS = platformArgs('linux/amd64', 'linux/amd64');

/** FROM's `--platform=` value as written (the parser keeps flags out of the arguments). */
function platformFlag(instruction: object): string | undefined {
  const flagged = instruction as { getFlags?: () => { getName(): string; getValue(): string | null }[] };
  return flagged.getFlags?.().find((flag) => flag.getName().toLowerCase() === 'platform')?.getValue() ?? undefined;
}

function readStage(args: string, platform: string | undefined, line: number, previous: Stage[], globalArgs: Map<string, string>, displayPath: string): Stage {
  const words = args.split(/\s+/).filter((word) => !word.startsWith('--'));
  const image = words[0];
  if (!image) throw new UserError(`${displayPath}:${line}: FROM needs an image`, { file: displayPath, line });
  const name = words.length >= 3 && words[1]!.toUpperCase() === 'AS' ? words[2]!.toLowerCase() : undefined;
  const from = substitute(image, withPlatformArgs(globalArgs, PARSE_PLATFORM_ARGS));
  const stage = { name, image, ...(platform ? { platform } : {}), line };
  if (from.toLowerCase() === 'scratch') return { ...stage, from: 'scratch', kind: 'scratch' };
  if (previous.some((other) => other.name === from.toLowerCase())) return { ...stage, from: from.toLowerCase(), kind: 'stage' };
  if (from === '' || /\$/.test(from)) {
    throw new UserError(`${displayPath}:${line}: FROM "${image}" names no image; declare the ARG before FROM with a default, or pass it in build-args`, { file: displayPath, line });
  }
  return { ...stage, from, kind: 'image' };
}

/** BuildKit's platform ARGs, unless a global ARG of that name has a value of its own. */
function withPlatformArgs(globalArgs: Map<string, string>, platform: Map<string, string>): Map<string, string> {
  const vars = new Map(platform);
  for (const [name, value] of globalArgs) if (value !== '' || !vars.has(name)) vars.set(name, value);
  return vars;
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

/** The base images a build pulls, without stage references and scratch (as read for linux/amd64). */
export function baseImages(model: DockerfileModel): string[] {
  return [...new Set(model.stages.filter((stage) => stage.kind === 'image').map((stage) => stage.from))];
}

/** A base image as one platform's build pulls it. */
export interface BaseImageUse {
  ref: string;
  platform: string;
}

/**
 * What each target platform's build pulls: every image stage's FROM with the
 * platform ARGs of that target, for the platform its `--platform=` names (the
 * build platform for a `$BUILDPLATFORM` cross-compiling stage) or the target.
 */
export function baseImagesFor(model: DockerfileModel, targets: string[], build: string): BaseImageUse[] {
  const uses = new Map<string, BaseImageUse>();
  for (const target of targets) {
    const vars = withPlatformArgs(model.globalArgs, platformArgs(target, build));
    for (const stage of model.stages.filter((s) => s.kind === 'image')) {
      const ref = substitute(stage.image, vars);
      const platform = stage.platform ? substitute(stage.platform, vars) || target : target;
      uses.set(`${ref} ${platform}`, { ref, platform });
    }
  }
  return [...uses.values()];
}
