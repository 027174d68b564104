// Stopping the step's children when the runner cancels it: SIGINT first (the Docker
// CLI passes it on to Buildx), the whole process tree killed if it does not stop,
// and nothing new started once the run is cancelled.
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CancelledError, childrenStopped, descendants, stopChild, watchCancellation } from '../../src/common/cancel.ts';
import { docker } from '../../src/buildx/docker.ts';
import { stopChildrenOn } from '../../src/common/process.ts';
import { alive, until } from '../processes.ts';

describe('stopping a child', () => {
  it('one that stops on SIGINT gets only SIGINT', async () => {
    const child = spawn('sh', ['-c', 'trap "echo stopped; exit 3" INT; while :; do sleep 0.1; done'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout!.on('data', (chunk) => (out += chunk));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await stopChild(child, 10_000);
    expect(child.exitCode).toBe(3);
    expect(out).toContain('stopped');
  });

  it('one that ignores SIGINT is killed after the grace period, with the processes it started', async () => {
    const child = spawn('sh', ['-c', 'trap "" INT; sleep 300 & sleep 300 & wait'], { stdio: 'ignore' });
    await until(() => descendants(child.pid!).length === 2);
    const grandchildren = descendants(child.pid!);
    expect(grandchildren).toHaveLength(2);
    await stopChild(child, 300);
    expect(child.signalCode).toBe('SIGKILL');
    await until(() => grandchildren.every((pid) => !alive(pid)));
    expect(grandchildren.filter(alive)).toEqual([]);
  });
});

describe('the run cancelled by a signal', () => {
  const fakeDocker = () => {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'cancel-docker-'));
    fs.writeFileSync(path.join(bin, 'docker'), '#!/bin/sh\ntrap "exit 130" INT\nwhile :; do sleep 0.1; done\n', { mode: 0o755 });
    return { PATH: `${bin}:${process.env.PATH}` };
  };

  it('SIGINT stops the running Docker command; nothing starts afterwards; the race ends with CancelledError', async () => {
    const target = new EventEmitter();
    const cancellation = watchCancellation(target);
    stopChildrenOn(cancellation.signal);
    try {
      const running = docker(['buildx', 'build', '.'], { env: fakeDocker() });
      const raced = cancellation.race(running);
      await new Promise((resolve) => setTimeout(resolve, 200));
      target.emit('SIGINT');
      await expect(raced).rejects.toBeInstanceOf(CancelledError);
      expect(cancellation.signalName).toBe('SIGINT');
      await childrenStopped();
      expect((await running).code).toBe(130);
      await expect(docker(['version'], { env: fakeDocker() })).rejects.toBeInstanceOf(CancelledError);
    } finally {
      stopChildrenOn(undefined);
      cancellation.dispose();
    }
  });

  it('a second signal (SIGTERM) kills at once what is still stopping', async () => {
    const target = new EventEmitter();
    const cancellation = watchCancellation(target);
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'cancel-docker-'));
    fs.writeFileSync(path.join(bin, 'docker'), '#!/bin/sh\ntrap "" INT\nwhile :; do sleep 0.1; done\n', { mode: 0o755 });
    try {
      const running = docker(['buildx', 'build', '.'], { env: { PATH: `${bin}:${process.env.PATH}` }, signal: cancellation.signal });
      await new Promise((resolve) => setTimeout(resolve, 200));
      target.emit('SIGINT');
      await new Promise((resolve) => setTimeout(resolve, 200));
      target.emit('SIGTERM');
      const run = await running; // well before the 4 s grace period would have ended it
      expect(run.code).toBe(1);
      await childrenStopped();
    } finally {
      cancellation.dispose();
    }
  });
});
