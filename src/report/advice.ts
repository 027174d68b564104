/**
 * Layer-order advice. Each Dockerfile instruction is a layer, and a changed
 * layer re-runs every layer after it, so rarely-changing steps belong first.
 * These rules read a parsed Dockerfile (plus what the run saw, when known) and
 * say, per line, what to move. Few rules on purpose: a well-ordered Dockerfile
 * gets no advice at all.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BuildStep } from '../buildx/build-command.ts';
import { readContextManifest } from '../context/manifest.ts';
import { UserError } from '../common/errors.ts';
import { describeFiles, sourceFirst } from './changed-files.ts';
import { BROAD_SOURCES, contextCopy, filesCopiedBy, isBroad, type Copy } from './context-copies.ts';
import { parseDockerfile, type DockerfileModel, type Instruction } from '../buildx/dockerfile.ts';
import { instructionForStep, platformOfStep } from '../buildx/steps.ts';
import { joinAnd } from '../common/units.ts';

export interface Advice {
  file: string;
  line: number;
  message: string;
  rule: string;
  /** The fix as a few lines of unified diff (`-` before, `+` after, ` ` kept). */
  snippet?: string[];
}

export interface AdviceFacts {
  /** Paths in the context set (relative, `/`-separated). */
  contextFiles?: string[];
  /** The .dockerignore in use, if any. */
  ignoreFile?: string | undefined;
  /** This run's build steps. */
  steps?: BuildStep[];
  /** Context files changed since the restored cache entry. */
  changedFiles?: string[];
}

/**
 * What a dependency install needs copied first, by the tool that runs it: the
 * files it reads, the first of which every project of the kind has.
 */
const INSTALLERS: { tool: RegExp; ecosystem: string; manifests: string[] }[] = [
  { tool: /^npm (ci|install|i)\b/, ecosystem: 'node', manifests: ['package.json', 'package-lock.json', 'npm-shrinkwrap.json'] },
  { tool: /^yarn( install\b|\s*$| --)/, ecosystem: 'node', manifests: ['package.json', 'yarn.lock', '.yarnrc.yml'] },
  { tool: /^pnpm (install|i|fetch)\b/, ecosystem: 'node', manifests: ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml'] },
  { tool: /^bun install\b/, ecosystem: 'node', manifests: ['package.json', 'bun.lockb', 'bun.lock'] },
  { tool: /^(python3? -m )?pip3? install\b/, ecosystem: 'python', manifests: ['requirements.txt', 'pyproject.toml'] },
  { tool: /^poetry install\b/, ecosystem: 'python', manifests: ['pyproject.toml', 'poetry.lock'] },
  { tool: /^pipenv (install|sync)\b/, ecosystem: 'python', manifests: ['Pipfile', 'Pipfile.lock'] },
  { tool: /^uv (sync|pip install)\b/, ecosystem: 'python', manifests: ['pyproject.toml', 'uv.lock'] },
  { tool: /^bundle( install\b|\s*$)/, ecosystem: 'ruby', manifests: ['Gemfile', 'Gemfile.lock'] },
  { tool: /^go mod download\b/, ecosystem: 'go', manifests: ['go.mod', 'go.sum'] },
  { tool: /^cargo (build|fetch)\b/, ecosystem: 'rust', manifests: ['Cargo.toml', 'Cargo.lock'] },
  { tool: /^(\.\/mvnw|mvn)\b/, ecosystem: 'java', manifests: ['pom.xml'] },
  { tool: /^(\.\/gradlew|gradle)\b/, ecosystem: 'java', manifests: ['build.gradle', 'settings.gradle', 'build.gradle.kts', 'settings.gradle.kts'] },
  { tool: /^composer install\b/, ecosystem: 'php', manifests: ['composer.json', 'composer.lock'] },
  { tool: /^dotnet restore\b/, ecosystem: 'dotnet', manifests: ['*.csproj'] },
];

const OPTS = '( -\\S+)*';
const SYSTEM_INSTALL = new RegExp(`^((apt-get|apt|yum|dnf|microdnf)${OPTS} install|apk${OPTS} add|zypper${OPTS} (install|in))\\b`);
const APT_UPDATE = new RegExp(`^(apt-get|apt)${OPTS} update\\b`);
const APT_INSTALL = new RegExp(`^(apt-get|apt)${OPTS} (install|upgrade|dist-upgrade)\\b`);
const DOWNLOAD = /^(curl|wget)\b.*\bhttps?:\/\//;
/** Commands a system-setup RUN may consist of (`sh` only as the end of `curl … | sh`). */
const SETUP_COMMANDS = /^(apt-get|apt|apk|yum|dnf|microdnf|zypper|dpkg|rm|curl|wget|mkdir|chmod|tar|unzip|gunzip|ln|echo|true|set|export|cd|useradd|groupadd|adduser|addgroup|update-ca-certificates)\b|^(sh|bash)( -\S*)*$/;
/** Of those, the ones whose arguments are not files to read. */
const WRITES_ONLY = /^(curl|wget|echo|true|set|export)\b/;
/** An argument that names a file in the working folder (`./x`, `a/b`, `app.zip`), so the RUN may use a copied file. */
const RELATIVE_PATH = /^(?![-/$~]|\d*[<>]|\w+:\/\/)(\.|.*\/|.*\.(zip|tar|t?gz|xz|bz2|deb|rpm|apk|sh|txt|json)$)/;
const MANIFEST = /^(package(-lock)?\.json|package\*\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-(lock|workspace)\.yaml|bun\.lockb|requirements[^/]*\.txt|pyproject\.toml|poetry\.lock|uv\.lock|Pipfile(\.lock)?|setup\.(py|cfg)|go\.(mod|sum)|Cargo\.(toml|lock)|Gemfile(\.lock)?|pom\.xml|(build|settings)\.gradle(\.kts)?|gradle\.properties|composer\.(json|lock)|[^/]*\.(csproj|sln|lock|toml|ini|cfg|conf)|nuget\.config|\.[^/]+)$/;
const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tar\.(gz|bz2|xz|zst))$/;

export function adviseDockerfile(model: DockerfileModel, facts: AdviceFacts = {}): Advice[] {
  const advice: Advice[] = [];
  const add = (line: number, rule: string, message: string, snippet?: string[]) => advice.push({ file: model.path, line, rule, message, ...(snippet ? { snippet } : {}) });
  const cost = costOf(model, facts);
  const copies = model.instructions.map(contextCopy);

  model.instructions.forEach((instruction, index) => {
    const copy = copies[index];
    const sameStage = (other: Instruction) => other.stage === instruction.stage;
    const later = model.instructions.slice(index + 1).filter(sameStage);
    const earlier = model.instructions.slice(0, index).filter(sameStage);

    // 1. The whole context copied before a dependency install.
    if (copy && isBroad(copy)) {
      const done = new Set(earlier.filter((other) => other.keyword === 'RUN').flatMap((other) => installers(other).map((i) => i.ecosystem)));
      for (const run of later.filter((other) => other.keyword === 'RUN')) {
        const installer = installers(run).find((i) => !done.has(i.ecosystem));
        if (!installer) continue;
        const manifests = manifestsIn(installer.manifests, facts.contextFiles);
        add(copy.instruction.line, 'copy-before-install',
          `${show(instruction)} comes before ${show(run)} (line ${run.line}), so any source change re-runs the install: ` +
          `copy ${joinAnd(manifests)} first, run the install, then ${show(instruction)}.${cost(run, copy)}`,
          [`-${text(instruction)}`, `+COPY ${manifests.join(' ')} ${directory(copy.dest)}`, ` ${text(run)}`, `+${text(instruction)}`]);
        break;
      }
    }

    // 4. A system-package install or tool download after a source COPY it does not use.
    if (instruction.keyword === 'RUN' && isSetupOnly(instruction)) {
      let source: Copy | undefined; // the earliest source COPY after the last COPY the RUN uses
      for (const c of copies.slice(0, index).reverse()) {
        if (!c || !sameStage(c.instruction)) continue;
        if (usesCopy(instruction, c)) break;
        if (!c.sources.every((s) => MANIFEST.test(path.posix.basename(s)))) source = c;
      }
      if (source) {
        add(instruction.line, 'install-after-source-copy',
          `${show(instruction)} does not use the files of ${show(source.instruction)} (line ${source.instruction.line}) ` +
          `but re-runs whenever they change: move it before line ${source.instruction.line}.${cost(instruction, source)}`,
          [`+${text(instruction)}`, ` ${text(source.instruction)}`, `-${text(instruction)}`]);
      }
    }

    // 2. apt-get update cached in its own layer.
    if (instruction.keyword === 'RUN') {
      const commands = commandsOf(instruction);
      if (commands.some((c) => APT_UPDATE.test(c)) && !commands.some((c) => APT_INSTALL.test(c))) {
        add(instruction.line, 'apt-update-alone',
          `${show(instruction)} caches the package lists in a layer of their own, so a later install can use stale lists: ` +
          'run `apt-get update && apt-get install -y …` in one RUN.');
      }
    }

    // 5. ADD where COPY would do.
    if (copy && instruction.keyword === 'ADD' && !copy.sources.some((s) => ARCHIVE.test(s))) {
      add(instruction.line, 'add-instead-of-copy',
        `${show(instruction)} adds local files: use COPY, and keep ADD for URLs and archives to unpack.`);
    }
  });

  // 3. .git or node_modules in the context: no .dockerignore, or one that leaves them in.
  const heavy = ['.git', 'node_modules'].filter((name) => facts.contextFiles?.some((file) => file.split('/').includes(name)));
  if (heavy.length) {
    const broad = copies.find((c): c is Copy => c !== undefined && isBroad(c));
    const where = broad ? `, and ${show(broad.instruction)} copies ${heavy.length > 1 ? 'them' : 'it'} into the image` : '';
    const names = heavy.map((name) => `\`${name}\``).join(' and ');
    const they = heavy.length > 1 ? 'they change' : 'it changes';
    add(broad?.instruction.line ?? model.stages[0]!.line, 'missing-dockerignore',
      facts.ignoreFile === undefined
        ? `no .dockerignore, so the context holds ${heavy.join(' and ')}: ${they} the context hash on every commit or install${where}. Add a .dockerignore listing ${names}.`
        : `${facts.ignoreFile} leaves ${names} in the context: ${they} the context hash on every commit or install${where}. Add ${names} to ${facts.ignoreFile}.`,
      heavy.map((name) => `+${name}`));
  }

  return advice.sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
}

/** Reads a Dockerfile and takes its folder as the context (its .dockerignore applied) for the facts. */
export async function adviseFile(dockerfilePath: string): Promise<Advice[]> {
  const relative = path.relative(process.cwd(), dockerfilePath);
  const display = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : dockerfilePath;
  const context = path.dirname(path.resolve(dockerfilePath));
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(dockerfilePath);
  } catch {
    throw new UserError(`cannot read the Dockerfile "${display}"`);
  }
  // The advice does not depend on base images: give FROM arguments without a default a placeholder.
  const unset = [...bytes.toString('utf8').matchAll(/^\s*ARG\s+([A-Za-z_][A-Za-z0-9_]*)\s*$/gim)].map((m) => ({ name: m[1]!, value: 'unset' }));
  const model = parseDockerfile(bytes, unset, display);
  const manifest = await readContextManifest(context, dockerfilePath);
  return adviseDockerfile(model, { contextFiles: manifest.entries.map((entry) => entry.path), ignoreFile: manifest.ignoreFile });
}

/** The advice as a short job-summary section, each with its fix as a diff; empty when there is none. */
export function renderAdviceMarkdown(advice: Advice[]): string {
  if (advice.length === 0) return '';
  return [
    '### Layer-order advice',
    '',
    'Each instruction is a layer, and a changed layer re-runs every layer after it: rarely-changing steps belong first.',
    '',
    ...advice.flatMap((item) => [
      `- \`${item.file}:${item.line}\` ${item.message}`,
      ...(item.snippet ? ['', `  \`\`\`diff`, ...item.snippet.map((line) => `  ${line}`), '  ```'] : []),
    ]),
    '',
  ].join('\n');
}

/** The shell commands of a RUN, split at `&&`, `||`, `;` and `|`, without `sudo` or `VAR=value` prefixes. */
function commandsOf(run: Instruction): string[] {
  let text = run.args.trim();
  if (text.startsWith('[')) {
    try {
      text = (JSON.parse(text) as string[]).join(' ');
    } catch { /* keep the text */ }
  }
  text = text.replace(/^(--\S+\s+)+/, '');
  return text.split(/&&|\|\||;|\||\n/)
    .map((command) => command.trim().replace(/^(sudo\s+|[A-Za-z_][A-Za-z0-9_]*=\S*\s+)+/, '').replace(/\s+/g, ' '))
    .filter(Boolean);
}

function installers(run: Instruction): (typeof INSTALLERS)[number][] {
  return commandsOf(run).flatMap((command) => INSTALLERS.filter((installer) => installer.tool.test(command)));
}

/** A RUN made only of system-package installs, downloads and housekeeping. */
function isSetupOnly(run: Instruction): boolean {
  const commands = commandsOf(run);
  return !/\$\(|`/.test(run.args)
    && commands.every((command) => SETUP_COMMANDS.test(command))
    && !commands.some((command) => !WRITES_ONLY.test(command) && readsFiles(command))
    && commands.some((command) => SYSTEM_INSTALL.test(command) || DOWNLOAD.test(command));
}

function readsFiles(command: string): boolean {
  const [name, ...words] = command.split(' ').map((word) => word.replace(/^["']|["']$/g, ''));
  return words.some((word) => RELATIVE_PATH.test(word) || (name === 'cd' && !word.startsWith('/')));
}

/** Whether a RUN names any of the copied paths (then it may well depend on them). */
function usesCopy(run: Instruction, copy: Copy): boolean {
  const names = copy.sources.filter((source) => !BROAD_SOURCES.has(source)).map((source) => source.replace(/\/+$/, '').replace(/^\.\//, ''));
  if (copy.dest.startsWith('/') && copy.dest.replace(/\/+$/, '') !== '') names.push(copy.dest.replace(/\/+$/, ''));
  return names.some((name) => name && run.args.includes(name));
}

/** `COPY . .`, shortened for a message. */
function show(instruction: Instruction): string {
  const text = `${instruction.keyword} ${instruction.args.replace(/^(--\S+\s+)+/, '')}`;
  return `\`${text.length > 40 ? `${text.slice(0, 39)}…` : text}\``;
}

/** An instruction as written (on one line), for a snippet. */
function text(instruction: Instruction): string {
  return `${instruction.keyword} ${instruction.args.replace(/\s*\\\n\s*/g, ' ')}`;
}

/** A COPY destination that takes several files: `.` is `./`, `/app` is `/app/`. */
function directory(dest: string): string {
  return dest.endsWith('/') ? dest : `${dest}/`;
}

/** The manifests of an installer that the context really holds (the first, which every such project has, when none is known). */
function manifestsIn(candidates: string[], contextFiles: string[] | undefined): string[] {
  if (!contextFiles) return candidates.slice(0, 2);
  const present = candidates.filter((name) => (name.startsWith('*') ? contextFiles.some((file) => !file.includes('/') && file.endsWith(name.slice(1))) : contextFiles.includes(name)));
  return present.length ? present : candidates.slice(0, 1);
}

/**
 * What a re-run cost this run, when the steps show that `copy` changing made `run` run again;
 * per platform in a multi-platform build (under QEMU a RUN takes many times longer).
 */
function costOf(model: DockerfileModel, facts: AdviceFacts): (run: Instruction, copy: Copy) => string {
  const steps = (facts.steps ?? []).map((step) => ({ step, instruction: instructionForStep(step.name, model), platform: platformOfStep(step.name) }));
  const stepsAt = (instruction: Instruction) => steps.filter((s) => s.instruction === instruction);
  return (run, copy) => {
    const costs: string[] = [];
    for (const { step: runStep, platform } of stepsAt(run)) {
      const copyStep = stepsAt(copy.instruction).find((s) => s.platform === platform)?.step;
      if (runStep.cached || !copyStep || copyStep.cached) continue;
      costs.push(`${runStep.seconds.toFixed(1)} s${platform ? ` on ${platform}` : ''}`);
    }
    if (costs.length === 0) return '';
    const changed = filesCopiedBy(copy, facts.changedFiles ?? []);
    // A base image found on the runner says nothing of the cache: only a cached step of the build does.
    const earlierCached = steps.some((s) => s.step.cached && s.instruction && s.instruction.keyword !== 'FROM' && s.instruction.stage === run.stage && s.instruction.line < copy.instruction.line);
    if (!changed.length && !earlierCached) return ''; // a cold build: nothing to blame on the order
    const files = changed.length ? ` (${describeFiles(sourceFirst(changed))})` : '';
    return ` This run it re-ran in ${joinAnd(costs)} because ${show(copy.instruction)} changed${files}.`;
  };
}
