// Pushes the image of an OCI layout folder (index.json + blobs/) to a repository by
// digest, with no tag: what BuildKit's `push-by-digest=true` does, for builders that
// refuse it (Buildx's `docker` driver). The manifest bytes are the layout's own, so
// the digest is the one BuildKit computed. Layers are streamed from their files, never
// read whole into memory.
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { RegistryClient } from './client.ts';
import { isIndexMediaType, type Descriptor, type ImageIndex, type ImageManifest } from './manifest.ts';
import { parseReference } from './reference.ts';

export interface LayoutPush {
  digest: string;
  mediaType: string;
  /** Blobs uploaded (the rest were in the repository already). */
  uploaded: number;
}

/** Pushes the layout's first (only) root manifest into `repository` (`registry/name`). */
export async function pushLayoutByDigest(client: RegistryClient, layoutDir: string, repository: string): Promise<LayoutPush> {
  const index = JSON.parse(await fs.readFile(path.join(layoutDir, 'index.json'), 'utf8')) as ImageIndex;
  const root = index.manifests[0];
  if (!root) throw new Error(`the OCI layout ${layoutDir} holds no image`);
  const repo = parseReference(repository);
  const target = { registry: repo.registry, repository: repo.repository };
  const counter = { uploaded: 0 };
  await pushManifest(client, layoutDir, target, root, counter);
  return { digest: root.digest, mediaType: root.mediaType, uploaded: counter.uploaded };
}

async function pushManifest(
  client: RegistryClient,
  layoutDir: string,
  target: { registry: string; repository: string },
  descriptor: Descriptor,
  counter: { uploaded: number },
): Promise<void> {
  const bytes = await readBlob(layoutDir, descriptor.digest);
  const json = JSON.parse(new TextDecoder().decode(bytes)) as ImageIndex | ImageManifest;
  if (isIndexMediaType(descriptor.mediaType)) {
    for (const child of (json as ImageIndex).manifests) await pushManifest(client, layoutDir, target, child, counter);
  } else {
    const image = json as ImageManifest;
    for (const blob of [image.config, ...image.layers]) {
      if (await client.headBlob(target, blob.digest)) continue;
      const file = blobPath(layoutDir, blob.digest);
      const { size } = await fs.stat(file);
      await client.uploadBlobStream(target, blob.digest, { length: size, open: async () => Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array> });
      counter.uploaded++;
    }
  }
  await client.putManifest(target, descriptor.digest, bytes, descriptor.mediaType);
}

function blobPath(layoutDir: string, digest: string): string {
  const [algorithm, hex] = digest.split(':');
  return path.join(layoutDir, 'blobs', algorithm!, hex!);
}

/** A manifest or index of the layout (small JSON). */
function readBlob(layoutDir: string, digest: string): Promise<Buffer> {
  return fs.readFile(blobPath(layoutDir, digest));
}
