/**
 * What image-build keeps beside the BuildKit cache in a cache entry: the
 * fingerprint of the build that wrote it, the image it pushed, and the
 * context manifest, so that a later run can skip an unchanged build and
 * explain a partial hit file by file.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

export const RECORD_FILE = 'image-build.json';

export interface CacheRecord {
  version: 1;
  key: string;
  fingerprint: string;
  contextHash: string;
  dockerfileHash: string;
  /** The platforms requested ([]: the builder's own; absent in entries from before platforms were kept). */
  platforms?: string[];
  /** Full references of the images the build pushed, with their manifest digest. */
  images: { ref: string; digest: string }[];
  /** The context manifest (see context/manifest.ts), serialised and base64-encoded. */
  manifest?: string;
  createdAt: string;
}

export async function writeRecord(cacheDir: string, record: CacheRecord): Promise<void> {
  await fs.writeFile(path.join(cacheDir, RECORD_FILE), JSON.stringify(record));
}

/** The record of a restored entry; undefined when absent or unreadable (an older entry, a foreign folder). */
export async function readRecord(cacheDir: string): Promise<CacheRecord | undefined> {
  try {
    const record = JSON.parse(await fs.readFile(path.join(cacheDir, RECORD_FILE), 'utf8')) as CacheRecord;
    return record.version === 1 ? record : undefined;
  } catch {
    return undefined;
  }
}
