// Process checks shared by the unit and end-to-end tests.
import fs from 'node:fs';

/** Whether `pid` runs (an exited process waiting to be reaped does not). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Waits until `check` holds, polling every 50 ms for at most 10 s. */
export async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
}
