import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeUnreachableBlobs } from '../../src/cache/oci-layout.ts';

function writeBlob(dir: string, content: string): { digest: string; size: number } {
  const hex = crypto.createHash('sha256').update(content).digest('hex');
  fs.mkdirSync(path.join(dir, 'blobs/sha256'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'blobs/sha256', hex), content);
  return { digest: `sha256:${hex}`, size: Buffer.byteLength(content) };
}

describe('removeUnreachableBlobs', () => {
  it('keeps what index.json reaches and deletes the rest, with the ingest folder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oci-layout-'));
    const layer = writeBlob(dir, 'layer bytes');
    const config = writeBlob(dir, JSON.stringify({ layers: [] }));
    const manifest = writeBlob(
      dir,
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.buildkit.cacheconfig.v0', ...config },
        layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...layer }],
      }),
    );
    const stale = writeBlob(dir, 'a layer of an older build');
    fs.writeFileSync(
      path.join(dir, 'index.json'),
      JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest }] }),
    );
    fs.mkdirSync(path.join(dir, 'ingest/partial'), { recursive: true });

    expect(await removeUnreachableBlobs(dir)).toBe(1);
    const left = fs.readdirSync(path.join(dir, 'blobs/sha256')).sort();
    expect(left).toEqual([layer, config, manifest].map((blob) => blob.digest.slice(7)).sort());
    expect(left).not.toContain(stale.digest.slice(7));
    expect(fs.existsSync(path.join(dir, 'ingest'))).toBe(false);
  });
});
