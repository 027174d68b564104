// The process runner's two forms against real processes: what they hand back, where they
// run, and that the step's cancel and a time limit stop a streamed process as they stop a
// collected one (cancel.test.ts covers the collected form through the Docker CLI).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/common/cancel.ts';
import { CommandNotFoundError, runProcess, streamProcess } from '../../src/common/process.ts';

/** A command on its own PATH that stops on SIGINT with status 130 and otherwise runs until stopped. */
function stoppable(): NodeJS.ProcessEnv {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'process-runner-'));
  fs.writeFileSync(path.join(bin, 'waits'), '#!/bin/sh\ntrap "exit 130" INT\nwhile :; do sleep 0.1; done\n', { mode: 0o755 });
  return { PATH: `${bin}:${process.env.PATH}` };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('runProcess', () => {
  it('runs in the folder it is given', async () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'process-cwd-')));
    const run = await runProcess('pwd', [], { env: process.env, cwd: dir });
    expect({ code: run.code, stdout: run.stdout.trim() }).toEqual({ code: 0, stdout: dir });
  });

  it('rejects with CommandNotFoundError for a command missing from the PATH it runs with', async () => {
    await expect(runProcess('zstd', ['--version'], { env: { PATH: os.tmpdir() } })).rejects.toBeInstanceOf(CommandNotFoundError);
  });
});

describe('streamProcess', () => {
  it('streams stdin through zstd to stdout, and reports its status once it has exited', async () => {
    const original = randomBytes(3 * 1024 * 1024);
    const compressed = execFileSync('zstd', ['-c', '-q'], { input: original, maxBuffer: 64 * 1024 * 1024 });
    const zstd = streamProcess('zstd', ['-d', '-c', '-q'], { env: process.env });
    zstd.stdin.end(compressed);
    const [out, exited] = await Promise.all([readAll(zstd.stdout), zstd.exited]);
    expect(out.equals(original)).toBe(true);
    expect(exited).toEqual({ code: 0, stderr: '', timedOut: false, cancelled: false });
  });

  it("says what failed on stderr and in the status: zstd given bytes that aren't an archive", async () => {
    const zstd = streamProcess('zstd', ['-d', '-c', '-q'], { env: process.env });
    zstd.stdin.end(Buffer.from('not an archive'));
    zstd.stdout.resume();
    const exited = await zstd.exited;
    expect(exited.code).not.toBe(0);
    expect(exited.stderr).not.toBe('');
  });

  it('the signal aborting stops a streamed process, and then starts no other', async () => {
    const controller = new AbortController();
    const env = stoppable();
    const running = streamProcess('waits', [], { env, signal: controller.signal });
    running.stdout.resume();
    await new Promise((resolve) => setTimeout(resolve, 200));
    controller.abort(new CancelledError('SIGINT'));
    expect(await running.exited).toEqual({ code: 130, stderr: '', timedOut: false, cancelled: true });
    expect(() => streamProcess('waits', [], { env, signal: controller.signal })).toThrow(CancelledError);
  });

  it('a time limit stops a streamed process that runs past it', async () => {
    const running = streamProcess('waits', [], { env: stoppable(), timeoutMs: 300 });
    running.stdout.resume();
    const exited = await running.exited;
    expect(exited).toMatchObject({ code: 130, timedOut: true, cancelled: false });
  });

  it('throws CommandNotFoundError at once for a command missing from the PATH', () => {
    expect(() => streamProcess('zstd', ['-d'], { env: { PATH: os.tmpdir() } })).toThrow(CommandNotFoundError);
  });

  it('a process that exits without reading its stdin is no error of the writer', async () => {
    const running = streamProcess('true', [], { env: process.env });
    const exited = await running.exited;
    // Writing after the exit fails with EPIPE; unhandled, that error would fail this run.
    running.stdin.end(randomBytes(1024 * 1024));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(exited.code).toBe(0);
  });
});
