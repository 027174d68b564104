// Hostile input values: shell syntax ($(…), backticks, `;`), flag-looking values,
// newlines and very long values in labels and build-args reach Buildx as one argv
// element each, after their own flag, and never through a shell; values that
// cannot be tags, stage names or build-arg names are one clear error naming the
// input. The argv is read from a `docker` on PATH that records it and runs the real
// one; the labels are read back from the pushed image.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotations, buildStarted, stackFrames } from './annotations.ts';
import { docker, dockerEnv, exampleWorkspace, runAction, stack, uniqueName, type ActionRun } from './helpers.ts';

function log(run: ActionRun): string {
  return `${run.stdout}\n${run.stderr}`;
}

/** A `docker` that appends its argv (NUL-separated, one record per run) to `argvLog`, then runs the real one. */
function recordingDocker(argvLog: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-argv-'));
  const real = execFileSync('sh', ['-c', 'command -v docker'], { env: dockerEnv(), encoding: 'utf8' }).trim();
  fs.writeFileSync(path.join(dir, 'docker'), `#!/bin/sh\nprintf '%s\\0' "$@" >> '${argvLog}'\nprintf '\\036\\0' >> '${argvLog}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
  return dir;
}

function recordedRuns(argvLog: string): string[][] {
  const runs: string[][] = [[]];
  for (const arg of fs.readFileSync(argvLog, 'utf8').split('\0').slice(0, -1)) {
    if (arg === '\x1e') runs.push([]);
    else runs.at(-1)!.push(arg);
  }
  return runs.filter((run) => run.length > 0);
}

describe('hostile input values', () => {
  const canary = path.join(os.tmpdir(), uniqueName('pwned'));
  const long = 'x'.repeat(20_000);
  const hostile = [`$(touch ${canary})`, `\`touch ${canary}\``, `a; touch ${canary}`, '--push', '--output=type=local,dest=/tmp/escaped', `a' "b" \\c $HOME`, long];

  it('labels and build-args with shell syntax, flags and 20,000-character values: one argv element each, never a shell', async () => {
    const argvLog = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-argv-log-')), 'argv');
    const bin = recordingDocker(argvLog);
    const workspace = exampleWorkspace();
    fs.writeFileSync(path.join(workspace, 'Dockerfile'), `ARG BASE\nFROM \${BASE}\n${hostile.map((_, i) => `ARG V${i}\n`).join('')}RUN echo ${uniqueName('hostile')} > /id\n`);
    const image = `${stack.IMAGE_BUILD_REGISTRY}/${uniqueName('e2e/hostile')}`;
    const run = await runAction({
      workspace,
      inputs: {
        images: image,
        'build-args': [`BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`, ...hostile.map((value, i) => `V${i}=${value}`)].join('\n'),
        labels: hostile.map((value, i) => `org.example.l${i}=${value}`).join('\n'),
        cache: 'false',
        'skip-unchanged': 'false',
      },
      env: { PATH: `${bin}:${dockerEnv().PATH}` },
    });
    expect(run.code, log(run)).toBe(0);
    expect(annotations(run.stdout, 'error')).toEqual([]);
    expect(fs.existsSync(canary)).toBe(false);
    expect(fs.existsSync('/tmp/escaped')).toBe(false);

    const build = recordedRuns(argvLog).find((argv) => argv[0] === 'buildx' && argv[1] === 'build');
    expect(build).toBeDefined();
    hostile.forEach((value, i) => {
      const arg = build!.indexOf(`V${i}=${value}`);
      expect(arg, `build-arg V${i}`).toBeGreaterThan(0);
      expect(build![arg - 1]).toBe('--build-arg');
      const label = build!.indexOf(`org.example.l${i}=${value}`);
      expect(label, `label l${i}`).toBeGreaterThan(0);
      expect(build![label - 1]).toBe('--label');
    });
    // The one --push is the action's own (push is on); no value became a flag of its own.
    expect(build!.filter((arg) => arg === '--push')).toEqual(['--push']);
    expect(build!.filter((arg) => arg.startsWith('--output'))).toEqual([]);
    // The engine got every value exactly.
    const config = JSON.parse(docker('buildx', 'imagetools', 'inspect', '--format', '{{json .Image}}', `${image}:main`)) as { config: { Labels: Record<string, string> } };
    hostile.forEach((value, i) => expect(config.config.Labels[`org.example.l${i}`], `l${i}`).toBe(value));
  });

  const rejected: { name: string; inputs: Record<string, string>; says: RegExp }[] = [
    { name: 'a target that looks like a flag', inputs: { target: '--push' }, says: /target "--push" is not a stage/ },
    { name: 'a build-arg name that looks like a flag', inputs: { 'build-args': '--push=1' }, says: /build-args: "--push=1" is not NAME=value/ },
    { name: 'a build-arg name with shell syntax', inputs: { 'build-args': '$(id)=1' }, says: /build-args: "\$\(id\)=1" is not NAME=value/ },
  ];

  // metadata-action's rule: a tag value is made a valid OCI tag (with a warning), never passed on as it is.
  const sanitized: { name: string; value: string; becomes: string }[] = [
    { name: 'a tag that looks like a flag', value: '--push', becomes: 'push' },
    { name: 'a tag with shell syntax', value: '$(id)', becomes: 'id-' },
    { name: 'a tag with a backtick and a semicolon', value: '`id`;x', becomes: 'id-x' },
    { name: 'a tag of 300 characters', value: 't'.repeat(300), becomes: 't'.repeat(128) },
  ];

  it.each(sanitized)('$name: made a valid tag, with a warning', async ({ value, becomes }) => {
    const image = `${stack.IMAGE_BUILD_REGISTRY}/${uniqueName('e2e/hostile-tag')}`;
    const run = await runAction({
      workspace: exampleWorkspace(),
      inputs: { images: image, tags: `type=raw,value=${value}`, 'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`, cache: 'false', 'skip-unchanged': 'false' },
    });
    expect(run.code, log(run)).toBe(0);
    expect(annotations(run.stdout, 'warning').map((warning) => warning.message).join('\n')).toContain(`became "${becomes}"`);
    expect(run.outputs.tags).toBe(`${image}:${becomes}`);
  });

  it.each(rejected)('$name: one clear error, nothing built', async ({ inputs, says }) => {
    const run = await runAction({
      workspace: exampleWorkspace(),
      inputs: { images: `${stack.IMAGE_BUILD_REGISTRY}/${uniqueName('e2e/hostile-bad')}`, 'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`, cache: 'false', ...inputs },
    });
    expect(run.code, log(run)).not.toBe(0);
    const errors = annotations(run.stdout, 'error');
    expect(errors, log(run)).toHaveLength(1);
    expect(errors[0]!.message).toMatch(says);
    expect(stackFrames(run.stdout, run.stderr)).toEqual([]);
    expect(buildStarted(run.stdout)).toBe(false);
  });
});
