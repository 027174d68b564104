/**
 * `image-build`: the action's pipeline from a terminal, so a CI build can be
 * reproduced on a laptop. A local folder is the cache store. Errors go to
 * stderr with exit status 1 (2 for usage errors), never a stack trace.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { adviseFile } from '../report/advice.ts';
import { cacheScope, localCacheStore } from '../cache/index.ts';
import { contextHash, contextLs } from './context-command.ts';
import { Credentials, runCredentialHelper } from '../buildx/credentials.ts';
import { defaultDockerConfigDir } from '../buildx/docker-config.ts';
import { isUserError, messageOf, UserError } from '../common/errors.ts';
import { gitContextFromCheckout } from '../github/git-context.ts';
import { readBuildOptions } from '../inputs/build-inputs.ts';
import type { PipelineLog } from '../common/log.ts';
import { runPipeline } from '../pipeline/run.ts';
import { resolveSettings } from '../pipeline/settings.ts';
import { plainText, verdict } from '../report/summary.ts';
import { computeMetadata, type Metadata } from '../tags/index.ts';
import packageJson from '../../package.json' with { type: 'json' };

const COMMANDS: Record<string, string> = {
  context: `image-build context ls   [dir] [--file Dockerfile] [--json]
image-build context hash [dir] [--file Dockerfile]
  the files Docker sends as the build context of dir (.dockerignore applied), or their sha256`,
  tags: `image-build tags [--images names] [--tags rules] [--flavor spec] [--labels]
  metadata-action's tags (or, with --labels, labels) for the current checkout; warnings on stderr`,
  build: `image-build build [path] [-t name:tag]... [-f Dockerfile] [--push] [--load]
                  [--images names] [--tags rules] [--flavor spec] [--labels lines]
                  [--build-arg NAME=value]... [--target T] [--platform P]
                  [--no-cache] [--no-cache-store] [--cache-dir D] [--dry-run]
  build path (default .) with the action's pipeline; --images/--tags/--flavor/--labels in
  metadata-action's language give the tags CI gives. --no-cache builds every step again, as
  docker build --no-cache; --no-cache-store leaves the local cache folder alone. Prints the
  tags, then the digest (pushed) or image ID (loaded)`,
  advise: `image-build advise [Dockerfile]
  layer-order advice for a Dockerfile`,
};

const USAGE = `usage:\n${Object.values(COMMANDS)
  .map((text) => text.split('\n').filter((line) => line.startsWith('image-build') || line.startsWith(' '.repeat(18))).map((line) => `  ${line}`).join('\n'))
  .join('\n')}\n  image-build --version\n  image-build <command> --help\n\nexit status: 0 done, 1 an error (one line on stderr), 2 a usage error`;

class UsageError extends Error {}

const log: PipelineLog = {
  info: (message) => process.stderr.write(`${message}\n`),
  warning: (message) => process.stderr.write(`warning: ${message}\n`),
  group: async (name, fn) => {
    process.stderr.write(`── ${name}\n`);
    return fn();
  },
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command && command in COMMANDS && (rest.includes('--help') || rest.includes('-h'))) {
    process.stdout.write(`usage:\n${COMMANDS[command]}\n`);
    return 0;
  }
  switch (command) {
    case 'context':
      return contextCommand(rest);
    case 'tags':
      return tagsCommand(rest);
    case 'build':
      return buildCommand(rest);
    case 'advise':
      return adviseCommand(rest);
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case '-v':
    case '--version':
    case 'version':
      process.stdout.write(`${packageJson.version}\n`);
      return 0;
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
}

async function contextCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parse(rest, { file: { type: 'string', short: 'f' }, json: { type: 'boolean' } });
  const dir = path.resolve(positionals[0] ?? '.');
  const file = values.file ? path.resolve(values.file as string) : undefined;
  if (file && !fs.statSync(file, { throwIfNoEntry: false })?.isFile()) throw new UserError(`--file ${values.file as string}: no such file`);
  if (sub === 'ls') process.stdout.write(await contextLs(dir, { file, json: values.json === true }));
  else if (sub === 'hash') process.stdout.write(`${await contextHash(dir, { file })}\n`);
  else throw new UsageError(`unknown context command "${sub ?? ''}"; use "context ls" or "context hash"`);
  return 0;
}

async function tagsCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { images: { type: 'string' }, tags: { type: 'string' }, flavor: { type: 'string' }, labels: { type: 'boolean' } });
  const meta = await checkoutMetadata(values);
  const lines = values.labels ? Object.entries(meta.labels).map(([name, value]) => `${name}=${value}`) : meta.tags;
  process.stdout.write(lines.map((line) => `${line}\n`).join(''));
  return 0;
}

/** The metadata-action outputs of the current checkout, its warnings on stderr. */
async function checkoutMetadata(values: Record<string, unknown>): Promise<Metadata> {
  const git = await gitContextFromCheckout(process.cwd());
  const meta = computeMetadata(git, { images: str(values.images), tags: str(values.tags), flavor: str(values.flavor) || 'latest=auto', labels: str(values.labels) });
  for (const warning of meta.warnings) log.warning(warning);
  return meta;
}

async function buildCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    tag: { type: 'string', short: 't', multiple: true },
    file: { type: 'string', short: 'f' },
    'cache-dir': { type: 'string' },
    'no-cache': { type: 'boolean' },
    'no-cache-store': { type: 'boolean' },
    push: { type: 'boolean' },
    load: { type: 'boolean' },
    images: { type: 'string' },
    tags: { type: 'string' },
    flavor: { type: 'string' },
    labels: { type: 'string' },
    'build-arg': { type: 'string', multiple: true },
    target: { type: 'string' },
    platform: { type: 'string' },
    'dry-run': { type: 'boolean' },
  });
  const context = path.resolve(positionals[0] ?? '.');
  const file = values.file ? path.resolve(values.file as string) : path.join(context, 'Dockerfile');
  const meta = values.images || values.tags || values.labels ? await checkoutMetadata(values) : undefined;
  const tags = [...new Set([...((values.tag as string[] | undefined) ?? []), ...(meta?.pushRefs ?? [])])];
  const noStore = values['no-cache-store'] === true;
  const cacheDir = path.resolve(str(values['cache-dir']) || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'image-build', 'cache'));
  const push = values.push === true;
  if (push && tags.length === 0) throw new UsageError('--push needs at least one -t name:tag');
  const result = await runPipeline(
    resolveSettings({
      context,
      file,
      workspace: process.cwd(),
      // The same table as the action's inputs: flags named like them read like them.
      build: readBuildOptions(
        (name) =>
          ({
            'build-args': ((values['build-arg'] as string[] | undefined) ?? []).join('\n'),
            target: str(values.target),
            platforms: str(values.platform),
            load: push && values.load !== true ? 'false' : 'true',
            'no-cache': values['no-cache'] ? 'true' : '',
          })[name] ?? '',
        { workspace: process.cwd(), env: process.env },
      ),
      tags,
      labels: meta?.labels ?? {},
      annotations: meta?.annotations,
      push,
      cache: noStore ? 'false' : 'true',
      cacheMode: 'max',
      cacheKeyPrefix: 'image-build',
      cacheScope: cacheScope(tags[0], path.relative(process.cwd(), file)),
      store: noStore ? undefined : localCacheStore(cacheDir, log.warning),
      skipUnchanged: push,
      lookupRefs: [],
      dryRun: values['dry-run'] === true,
      logins: new Credentials({ configDir: defaultDockerConfigDir(), explicit: [], runHelper: runCredentialHelper(process.env), warn: log.warning }),
      tempDir: os.tmpdir(),
      env: process.env,
    }),
    log,
  );
  const dryRun = values['dry-run'] === true;
  // A dry run looks nothing up: it says what it computed, and no more.
  const cache = dryRun ? `cache not looked up (dry run) · key ${result.cacheKey}` : `cache ${result.cacheHit}${result.restoredKey ? ` (${result.restoredKey})` : ''} · key ${result.cacheKey}`;
  log.info(`context ${result.contextHash}\n${cache}`);
  if (result.changes) log.info(`changed since the cached build: ${[...result.changes.added, ...result.changes.removed, ...result.changes.changed].slice(0, 20).join(', ')}`);
  // The job summary's first lines: the verdict, the image, why it rebuilt.
  const facts = verdict({ result, tags, pushed: push && result.digest !== undefined, dryRun });
  for (const line of [`${facts.mark} ${facts.heading}`, facts.image, facts.why]) if (line) log.info(plainText(line));
  for (const tag of tags) process.stdout.write(`${tag}\n`);
  const image = result.digest ?? result.imageId;
  if (image) process.stdout.write(`${image}\n`);
  return 0;
}

async function adviseCommand(args: string[]): Promise<number> {
  const { positionals } = parse(args, {});
  const advice = await adviseFile(path.resolve(positionals[0] ?? 'Dockerfile'));
  for (const item of advice) process.stdout.write(`${item.file}:${item.line}: ${item.message}\n`);
  if (advice.length === 0) process.stdout.write('No layer-order advice: rarely-changing steps already come first.\n');
  return 0;
}

function parse<T extends ParseArgsOptionsConfig>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(messageOf(error));
  }
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`image-build: ${error.message}\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    const message = messageOf(error);
    const where = isUserError(error) && error.file ? `${error.file}${error.line ? `:${error.line}` : ''}: ` : '';
    // A message that names its file already is not given the name twice.
    process.stderr.write(`image-build: ${message.startsWith(where) ? '' : where}${message}\n`);
    if (process.env.IMAGE_BUILD_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  },
);
