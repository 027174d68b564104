/**
 * Layer-order advice. Each Dockerfile instruction is a layer, and a changed
 * layer re-runs every layer after it, so rarely-changing steps belong first.
 * These rules read a parsed Dockerfile (plus what the run saw, when known) and
 * say, per line, what to move. Few rules on purpose: a well-ordered Dockerfile
 * gets no advice at all.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BuildStep } from './builder.ts';
import { findIgnoreFile } from './context/manifest.ts';
import { UserError } from './errors.ts';
import { parseDockerfile, type DockerfileModel, type Instruction } from './dockerfile.ts';
import { instructionForStep, platformOfStep } from './steps.ts';

export interface Advice {
  file: string;
  line: number;
  message: string;
  rule: string;
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

/** What a dependency install needs copied first, by the tool that runs it. */
const INSTALLERS: { tool: RegExp; ecosystem: string; manifests: string }[] = [
  { tool: /^npm (ci|install|i)\b/, ecosystem: 'node', manifests: 'package.json and package-lock.json' },
  { tool: /^yarn( install\b|\s*$| --)/, ecosystem: 'node', manifests: 'package.json and yarn.lock' },
  { tool: /^pnpm (install|i|fetch)\b/, ecosystem: 'node', manifests: 'package.json and pnpm-lock.yaml' },
  { tool: /^bun install\b/, ecosystem: 'node', manifests: 'package.json and bun.lockb' },
  { tool: /^(python3? -m )?pip3? install\b/, ecosystem: 'python', manifests: 'requirements.txt (or pyproject.toml)' },
  { tool: /^poetry install\b/, ecosystem: 'python', manifests: 'pyproject.toml and poetry.lock' },
  { tool: /^pipenv (install|sync)\b/, ecosystem: 'python', manifests: 'Pipfile and Pipfile.lock' },
  { tool: /^uv (sync|pip install)\b/, ecosystem: 'python', manifests: 'pyproject.toml and uv.lock' },
  { tool: /^bundle( install\b|\s*$)/, ecosystem: 'ruby', manifests: 'Gemfile and Gemfile.lock' },
  { tool: /^go mod download\b/, ecosystem: 'go', manifests: 'go.mod and go.sum' },
  { tool: /^cargo (build|fetch)\b/, ecosystem: 'rust', manifests: 'Cargo.toml and Cargo.lock' },
  { tool: /^(\.\/mvnw|mvn)\b/, ecosystem: 'java', manifests: 'pom.xml' },
  { tool: /^(\.\/gradlew|gradle)\b/, ecosystem: 'java', manifests: 'build.gradle and settings.gradle' },
  { tool: /^composer install\b/, ecosystem: 'php', manifests: 'composer.json and composer.lock' },
  { tool: /^dotnet restore\b/, ecosystem: 'dotnet', manifests: 'the *.csproj files' },
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
const REMOTE = /^(https?|git):\/\/|^git@/;
const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tar\.(gz|bz2|xz|zst))$/;
const BROAD_SOURCES = new Set(['.', './', '*', './*']);

interface Copy {
  instruction: Instruction;
  sources: string[];
  dest: string;
}

export function adviseDockerfile(model: DockerfileModel, facts: AdviceFacts = {}): Advice[] {
  const advice: Advice[] = [];
  const add = (line: number, rule: string, message: string) => advice.push({ file: model.path, line, rule, message });
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
        add(copy.instruction.line, 'copy-before-install',
          `${show(instruction)} (line ${instruction.line}) comes before ${show(run)} (line ${run.line}), so any source change re-runs the install: ` +
          `copy ${installer.manifests} first, run the install, then ${show(instruction)}.${cost(run, copy)}`);
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
          `${show(instruction)} (line ${instruction.line}) does not use the files of ${show(source.instruction)} (line ${source.instruction.line}) ` +
          `but re-runs whenever they change: move it before line ${source.instruction.line}.${cost(instruction, source)}`);
      }
    }

    // 2. apt-get update cached in its own layer.
    if (instruction.keyword === 'RUN') {
      const commands = commandsOf(instruction);
      if (commands.some((c) => APT_UPDATE.test(c)) && !commands.some((c) => APT_INSTALL.test(c))) {
        add(instruction.line, 'apt-update-alone',
          `${show(instruction)} (line ${instruction.line}) caches the package lists in a layer of their own, so a later install can use stale lists: ` +
          'run `apt-get update && apt-get install -y …` in one RUN.');
      }
    }

    // 5. ADD where COPY would do.
    if (copy && instruction.keyword === 'ADD' && !copy.sources.some((s) => ARCHIVE.test(s))) {
      add(instruction.line, 'add-instead-of-copy',
        `${show(instruction)} (line ${instruction.line}) adds local files: use COPY, and keep ADD for URLs and archives to unpack.`);
    }
  });

  // 3. No .dockerignore while the context holds .git or node_modules.
  const heavy = ['.git', 'node_modules'].filter((name) => facts.contextFiles?.some((file) => file.split('/').includes(name)));
  if (facts.ignoreFile === undefined && heavy.length) {
    const broad = copies.find((c): c is Copy => c !== undefined && isBroad(c));
    const where = broad ? `, and ${show(broad.instruction)} (line ${broad.instruction.line}) copies ${heavy.length > 1 ? 'them' : 'it'} into the image` : '';
    add(broad?.instruction.line ?? model.stages[0]!.line, 'missing-dockerignore',
      `no .dockerignore, so the context holds ${heavy.join(' and ')}: ${heavy.length > 1 ? 'they change' : 'it changes'} the context hash on every commit or install${where}. ` +
      `Add a .dockerignore listing ${heavy.map((name) => `\`${name}\``).join(' and ')}.`);
  }

  return advice.sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
}

/** Reads a Dockerfile and looks at its folder (taken as the context) for .dockerignore, .git and node_modules. */
export function adviseFile(dockerfilePath: string): Advice[] {
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
  const contextFiles = ['.git', 'node_modules'].filter((name) => fs.existsSync(path.join(context, name))).map((name) => `${name}/`);
  return adviseDockerfile(model, { contextFiles, ignoreFile: findIgnoreFile(context, dockerfilePath) });
}

/** The advice as a short job-summary section; empty when there is none. */
export function renderAdviceMarkdown(advice: Advice[]): string {
  if (advice.length === 0) return '';
  return [
    '### Layer-order advice',
    '',
    'Each instruction is a layer, and a changed layer re-runs every layer after it: rarely-changing steps belong first.',
    '',
    ...advice.map((item) => `- \`${item.file}:${item.line}\` ${item.message}`),
    '',
  ].join('\n');
}

/** A COPY or ADD that takes files from the build context (not `--from`, a URL, a git repository or a heredoc). */
function contextCopy(instruction: Instruction): Copy | undefined {
  if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') return undefined;
  let words: string[];
  const text = instruction.args.trim();
  if (text.startsWith('[')) {
    try {
      words = JSON.parse(text) as string[];
    } catch {
      return undefined;
    }
  } else {
    words = text.split(/\s+/);
    if (words.some((word) => /^--from=/i.test(word))) return undefined;
    words = words.filter((word) => !word.startsWith('--'));
  }
  if (words.length < 2 || words.some((word) => word.startsWith('<<') || REMOTE.test(word))) return undefined;
  return { instruction, sources: words.slice(0, -1), dest: words[words.length - 1]! };
}

function isBroad(copy: Copy): boolean {
  return copy.sources.some((source) => BROAD_SOURCES.has(source));
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
    const changed = changedUnder(copy, facts.changedFiles ?? []);
    const earlierCached = steps.some((s) => s.step.cached && s.instruction && s.instruction.stage === run.stage && s.instruction.line < copy.instruction.line);
    if (!changed.length && !earlierCached) return ''; // a cold build: nothing to blame on the order
    const files = changed.length ? ` (${changed.slice(0, 3).join(', ')}${changed.length > 3 ? ` and ${changed.length - 3} more` : ''})` : '';
    return ` This run it re-ran in ${joinAnd(costs)} because ${show(copy.instruction)} at line ${copy.instruction.line} changed${files}.`;
  };
}

function joinAnd(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The changed files a COPY takes in (all of them for a broad or wildcard COPY). */
function changedUnder(copy: Copy, changed: string[]): string[] {
  if (isBroad(copy) || copy.sources.some((source) => /[*?[]/.test(source))) return changed;
  const prefixes = copy.sources.map((source) => source.replace(/^\.\//, '').replace(/\/+$/, ''));
  return changed.filter((file) => prefixes.some((prefix) => file === prefix || file.startsWith(`${prefix}/`)));
}
