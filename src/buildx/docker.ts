/**
 * Docker CLI commands, started through process.ts (argv only, no shell, stopped on a
 * cancel), and the check that Docker, its daemon and Buildx are there.
 */
import { UserError } from '../common/errors.ts';
import { CommandNotFoundError, runProcess, type ProcessOptions } from '../common/process.ts';

export interface DockerRun {
  code: number;
  stdout: string;
  stderr: string;
}

export type DockerOptions = ProcessOptions;

export async function docker(args: string[], options: DockerOptions): Promise<DockerRun> {
  try {
    const { code, stdout, stderr } = await runProcess('docker', args, options);
    return { code, stdout, stderr };
  } catch (error) {
    // Found on the PATH the command runs with, not only this process's.
    if (error instanceof CommandNotFoundError) throw new UserError('the docker command was not found on PATH; install Docker (with Buildx) on the runner');
    throw error;
  }
}

/**
 * Fails early, with what is missing, when there is no Docker CLI, no daemon or
 * no Buildx: better than a confusing error ten seconds into the build.
 */
/** Resolves with what `buildx inspect` printed about the builder. */
export async function checkDocker(env: NodeJS.ProcessEnv, builder?: string): Promise<string> {
  const inspect = await docker(['buildx', 'inspect', ...(builder ? [builder] : [])], { env });
  // `buildx inspect` exits 0 even when the builder's endpoint is down: it prints an
  // `Error:` line in the builder's header (before `Nodes:`) instead.
  const reason = inspect.code !== 0 ? lastLine(inspect.stderr) : builderError(inspect.stdout);
  if (reason !== undefined) {
    // Only now is Buildx itself in question (one Docker CLI run less when all is well).
    if ((await docker(['buildx', 'version'], { env })).code !== 0) {
      throw new UserError('Docker Buildx is not installed: `docker buildx version` failed. Install the docker-buildx plugin (GitHub-hosted runners have it).');
    }
    if (builder) throw new UserError(`builder "${builder}" is not usable: ${reason}`, { input: 'builder' });
    throw new UserError(`the Docker daemon is not reachable (${reason}); start Docker or set DOCKER_HOST`);
  }
  return inspect.stdout;
}

/** The `Error:` of a `buildx inspect` builder header, if any (node sections are not looked at). */
export function builderError(inspectOutput: string): string | undefined {
  const header = inspectOutput.split(/^Nodes:/m)[0]!;
  return /^Error:\s*(.+)$/m.exec(header)?.[1]?.trim();
}

export function lastLine(text: string): string {
  return text.trim().split('\n').filter(Boolean).pop() ?? 'no output';
}
