/**
 * What happens when the runner cancels the step. A GitHub runner sends the
 * step's process SIGINT, SIGTERM about 7.5 s later, then SIGKILL; the children
 * of the action (the Docker CLI and its Buildx plugin) get no signal of their
 * own. So the first signal aborts the run: Buildx is asked to stop (SIGINT,
 * which it answers by cancelling the build), and killed with what it started
 * if it has not stopped after a grace period; a second signal kills at once.
 * The action's edge then removes the private Docker config and exits before
 * SIGKILL can come. Nothing half-written is ever trusted later: the Actions
 * cache only serves an entry once it is finalized, after its upload, and the
 * layer store saves its index last.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';

/** The error a run ends with once it was cancelled. */
export class CancelledError extends Error {
  constructor(readonly signalName: string) {
    super(`the step was cancelled (${signalName}); the build was stopped`);
    this.name = 'CancelledError';
  }
}

export function isCancelled(error: unknown): error is CancelledError {
  return error instanceof CancelledError;
}

/** How long a child may take to stop after SIGINT before it is killed. */
export const STOP_GRACE_MS = 4_000;

export interface Cancellation {
  readonly signal: AbortSignal;
  /** The signal that cancelled the run, once one did. */
  readonly signalName: string | undefined;
  /** `work`'s outcome, or CancelledError as soon as the run is cancelled (`work` is then abandoned). */
  race<T>(work: Promise<T>): Promise<T>;
  /** Stops listening for signals. */
  dispose(): void;
}

/** Listens for SIGINT and SIGTERM on `target` (the process). */
export function watchCancellation(target: NodeJS.EventEmitter = process): Cancellation {
  const controller = new AbortController();
  let signalName: string | undefined;
  const onSignal = (name: string) => {
    if (controller.signal.aborted) {
      killStopping(); // the runner is about to SIGKILL the step: no more grace
      return;
    }
    signalName = name;
    controller.abort(new CancelledError(name));
  };
  const onInt = () => onSignal('SIGINT');
  const onTerm = () => onSignal('SIGTERM');
  target.on('SIGINT', onInt);
  target.on('SIGTERM', onTerm);
  return {
    signal: controller.signal,
    get signalName() {
      return signalName;
    },
    race<T>(work: Promise<T>): Promise<T> {
      if (controller.signal.aborted) return Promise.reject(controller.signal.reason);
      work.catch(() => {}); // abandoned after a cancel: a late rejection is not unhandled
      return new Promise<T>((resolve, reject) => {
        const onAbort = () => reject(controller.signal.reason);
        controller.signal.addEventListener('abort', onAbort, { once: true });
        work.then(resolve, reject).finally(() => controller.signal.removeEventListener('abort', onAbort));
      });
    },
    dispose() {
      target.off('SIGINT', onInt);
      target.off('SIGTERM', onTerm);
    },
  };
}

/** Children being stopped, until they exit. */
const stopping = new Map<ChildProcess, Promise<void>>();

/**
 * Asks `child` to stop (SIGINT: the Docker CLI passes it on to its plugin),
 * and kills it and every process under it if it is still running after
 * `graceMs`. Resolves once it has exited.
 */
export function stopChild(child: ChildProcess, graceMs = STOP_GRACE_MS): Promise<void> {
  const known = stopping.get(child);
  if (known) return known;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  // The tree is read now: once the CLI is killed, its plugin is an orphan no longer found under it.
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  child.kill('SIGINT');
  const timer = setTimeout(() => killTree(child), graceMs);
  const done = exited.finally(() => {
    clearTimeout(timer);
    stopping.delete(child);
  });
  stopping.set(child, done);
  return done;
}

/** Resolves once every child being stopped has exited. */
export async function childrenStopped(): Promise<void> {
  await Promise.all(stopping.values());
}

function killStopping(): void {
  for (const child of stopping.keys()) killTree(child);
}

/**
 * SIGKILL to `child` and its descendants (found under /proc; where there is none, the child
 * only). The tree is read first and the child killed first: a child whose descendants died
 * before it could otherwise end on its own, and its descendants would then be orphans.
 */
export function killTree(child: ChildProcess): void {
  if (child.pid === undefined) return;
  for (const pid of [child.pid, ...descendants(child.pid)]) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
}

export function descendants(pid: number): number[] {
  const found: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const parent = queue.shift()!;
    let children: number[] = [];
    try {
      const tasks = fs.readdirSync(`/proc/${parent}/task`);
      children = tasks.flatMap((task) => readChildren(parent, task));
    } catch {
      continue;
    }
    found.push(...children);
    queue.push(...children);
  }
  return found;
}

function readChildren(pid: number, task: string): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
