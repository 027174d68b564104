// Reading what the action printed: workflow-command annotations (`::error …::`)
// with their properties decoded, and the checks every failing run must pass.

export interface Annotation {
  kind: string;
  /** Decoded properties: title, file, line, … */
  props: Record<string, string>;
  /** Decoded message (newlines restored). */
  message: string;
}

const unescapeData = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (text: string) => unescapeData(text).replace(/%3A/g, ':').replace(/%2C/g, ',');

/** The `::<kind> …::message` lines of a log, decoded. */
export function annotations(stdout: string, kind: 'error' | 'warning' | 'notice'): Annotation[] {
  const found: Annotation[] = [];
  for (const line of stdout.split('\n')) {
    const match = new RegExp(`^::${kind}(?: ([^:]*))?::(.*)$`).exec(line);
    if (!match) continue;
    const props: Record<string, string> = {};
    for (const pair of (match[1] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      props[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    found.push({ kind, props, message: unescapeData(match[2]!) });
  }
  return found;
}

/** Lines that look like a JavaScript stack frame (`    at fn (file:1:2)`). */
export function stackFrames(...texts: string[]): string[] {
  return texts.flatMap((text) => text.split('\n')).filter((line) => /^\s+at\s/.test(line));
}

/** True when the pipeline reached the build (the action opens a `Build` log group for it). */
export function buildStarted(stdout: string): boolean {
  return stdout.split('\n').includes('::group::Build');
}
