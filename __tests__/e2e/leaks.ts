// Where a secret could leak during an action run, for the credential tests: every command
// line seen while it runs, and the files a run leaves behind.
import fs from 'node:fs';
import path from 'node:path';
import type { ActionRun } from './helpers.ts';

/** Every command line seen in /proc while `during` runs, polled every ~20 ms. */
export async function watchArgv<T>(during: () => Promise<T>): Promise<{ result: T; argv: Set<string> }> {
  const argv = new Set<string>();
  const poll = () => {
    for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (cmdline) argv.add(cmdline.replace(/\0/g, ' ').trim());
      } catch {
        // the process ended between readdir and read
      }
    }
  };
  const timer = setInterval(poll, 20);
  try {
    return { result: await during(), argv };
  } finally {
    clearInterval(timer);
    poll();
  }
}

export function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** Each form of each secret (itself, base64 of it, base64 of `user:secret`) found where a run could leak it. */
export function leaksOf(run: ActionRun, argv: Set<string>, secrets: Record<string, string>, users: string[]): string[] {
  const forms: Array<[string, string]> = Object.entries(secrets).flatMap(([name, value]) => [
    [name, value],
    [`base64(${name})`, Buffer.from(value).toString('base64')],
    ...users.map((user): [string, string] => [`base64(${user}:${name})`, Buffer.from(`${user}:${value}`).toString('base64')]),
  ]);
  const places: Array<[string, string]> = [
    ['log', run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n')],
    ['stderr', run.stderr],
    ['post', run.post.stdout + run.post.stderr],
    ['outputs', JSON.stringify(run.outputs)],
    ['summary', run.summary],
    ['state', JSON.stringify(run.state)],
    ...[...argv].map((line): [string, string] => ['argv', line]),
    ...filesUnder(run.runnerTemp).map((file): [string, string] => [`file ${file}`, fs.readFileSync(file, 'latin1')]),
  ];
  return places.flatMap(([place, text]) => forms.filter(([, value]) => text.includes(value)).map(([name]) => `${name} in ${place}`));
}
