/**
 * What `image-build context ls` and `image-build context hash` print.
 */
import { readContextManifest } from '../context/manifest.ts';
import type { ContextManifest } from '../context/manifest.ts';

export interface ContextCliOptions {
  /** Dockerfile path (decides `<Dockerfile>.dockerignore`); default `<dir>/Dockerfile`. */
  file?: string;
  /** `ls` only: print the manifest as JSON. */
  json?: boolean;
}

/**
 * Regular files and symlinks (and any FIFO, socket or device) Docker would
 * send, one relative `/`-separated path a line, sorted; with `json`, the
 * whole manifest (directories too).
 */
export async function contextLs(dir = '.', options: ContextCliOptions = {}): Promise<string> {
  const manifest = await readContextManifest(dir, options.file);
  if (options.json) return JSON.stringify(manifestJson(manifest), null, 2) + '\n';
  const lines = manifest.entries.filter((e) => e.type !== 'dir').map((e) => e.path);
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

/** `sha256:<64 hex>` of the context set. */
export async function contextHash(dir = '.', options: Pick<ContextCliOptions, 'file'> = {}): Promise<string> {
  return (await readContextManifest(dir, options.file)).hash;
}

function manifestJson(m: ContextManifest): object {
  return {
    hash: m.hash,
    ignoreFile: m.ignoreFile ?? null,
    entries: m.entries.map((e) => ({
      path: e.path,
      type: e.type,
      mode: e.mode.toString(8).padStart(4, '0'),
      size: e.size,
      ...(e.digest ? { digest: e.digest } : {}),
      ...(e.target !== undefined ? { target: e.target } : {}),
    })),
  };
}
