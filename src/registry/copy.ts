// Retag and promotion without a rebuild: give an image that is already in a registry
// another tag. Within a repository that is one manifest PUT of the exact bytes (so the
// digest is identical); across repositories of one registry the blobs are mounted first,
// moving no layer bytes; to another registry the blobs the target lacks are copied
// (the download streamed straight into the upload, so a layer's size does not matter),
// and the manifests are PUT byte for byte, so the digest is the same there too.
import type { FetchedManifest, RegistryClient, ReferenceInput } from './client.ts';
import { isIndexMediaType, type Descriptor, type ImageIndex, type ImageManifest } from './manifest.ts';
import { formatReference, parseReference, type ImageReference } from './reference.ts';
import { RegistryError } from './registry-error.ts';

export interface CopyResult {
  /** The digest the target tag now points at: the source's. */
  digest: string;
  mediaType: string;
  /** Blobs made part of the target repository by a cross-repository mount. */
  mountedBlobs: number;
  /** Blobs the target repository already had. */
  presentBlobs: number;
  /** Blobs copied from another registry (downloaded and uploaded). */
  copiedBlobs: number;
  /** Bytes of the copied blobs. */
  copiedBytes: number;
  /** Manifest PUTs, child manifests of an index included. */
  manifestsPut: number;
}

export interface CopyOptions {
  /** Allow a copy to another registry (blobs downloaded and uploaded). */
  crossRegistry?: boolean;
  /** The source's manifest when the caller has read it already; used only when `source` names that digest, which cannot change. */
  manifest?: FetchedManifest;
}

/**
 * Points `target` (a tag) at the image `source` names. On one registry, blobs are only
 * mounted: a RegistryError when the registry will not mount one (without pull access to
 * the source, say). With `crossRegistry` false, another registry is refused too.
 */
export async function copyImage(
  client: RegistryClient,
  source: ReferenceInput,
  target: ReferenceInput,
  options: CopyOptions = {},
): Promise<CopyResult> {
  const from = typeof source === 'string' ? parseReference(source) : source;
  const to = typeof target === 'string' ? parseReference(target) : target;
  if (to.tag === undefined) throw new Error(`copy target ${formatReference(to)} needs a tag`);
  if (from.registry !== to.registry && !options.crossRegistry) {
    throw new RegistryError(
      `cannot retag ${formatReference(from)} as ${formatReference(to)}: the registries differ, and that would need a blob upload`,
      { registry: to.registry },
    );
  }
  const result: CopyResult = { digest: '', mediaType: '', mountedBlobs: 0, presentBlobs: 0, copiedBlobs: 0, copiedBytes: 0, manifestsPut: 0 };
  const manifest = options.manifest && from.digest === options.manifest.digest ? options.manifest : await client.getManifest(from);
  const sameRepository = from.registry === to.registry && from.repository === to.repository;
  if (!sameRepository) await ensureContent(client, from, to, manifest.json, manifest.mediaType, result);
  result.digest = await client.putManifest(to, to.tag, manifest.body, manifest.mediaType);
  result.mediaType = manifest.mediaType;
  result.manifestsPut++;
  return result;
}

/**
 * Makes the manifest `digest` of `from`'s repository present in `to`'s (same
 * registry) under its digest, blobs mounted, nothing uploaded; a no-op when it is there.
 */
export async function copyManifestByDigest(client: RegistryClient, from: ImageReference, to: ImageReference, digest: string): Promise<void> {
  const target = { registry: to.registry, repository: to.repository, digest };
  if (await client.headManifest(target)) return;
  const fetched = await client.getManifest({ registry: from.registry, repository: from.repository, digest });
  const result: CopyResult = { digest: '', mediaType: '', mountedBlobs: 0, presentBlobs: 0, copiedBlobs: 0, copiedBytes: 0, manifestsPut: 0 };
  await ensureContent(client, from, to, fetched.json, fetched.mediaType, result);
  await client.putManifest(to, digest, fetched.body, fetched.mediaType);
}

/** Makes everything `manifest` refers to present in `to`'s repository. */
async function ensureContent(
  client: RegistryClient,
  from: ImageReference,
  to: ImageReference,
  manifest: ImageIndex | ImageManifest,
  mediaType: string,
  result: CopyResult,
): Promise<void> {
  if (isIndexMediaType(mediaType)) {
    // The registry checks that an index's children exist in the repository: copy each by digest.
    for (const child of (manifest as ImageIndex).manifests) {
      const target = { registry: to.registry, repository: to.repository, digest: child.digest };
      if (await client.headManifest(target)) continue;
      const fetched = await client.getManifest({ registry: from.registry, repository: from.repository, digest: child.digest });
      await ensureContent(client, from, to, fetched.json, fetched.mediaType, result);
      await client.putManifest(to, child.digest, fetched.body, fetched.mediaType);
      result.manifestsPut++;
    }
    return;
  }
  const image = manifest as ImageManifest;
  const blobs = new Map<string, Descriptor>([image.config, ...image.layers].map((blob) => [blob.digest, blob]));
  await Promise.all(
    [...blobs.values()].map(async ({ digest, size }) => {
      if (await client.headBlob(to, digest)) {
        result.presentBlobs++;
      } else if (from.registry !== to.registry) {
        // No mount across registries: the bytes travel, from the source's GET straight into the upload.
        await client.copyBlob(from, to, { digest, size });
        result.copiedBlobs++;
        result.copiedBytes += size;
      } else if (await client.mountBlob(from, to, digest)) {
        result.mountedBlobs++;
      } else {
        throw new RegistryError(
          `registry ${to.registry} would not mount blob ${digest} from ${from.repository} into ${to.repository}` +
            ' (is the source readable with these credentials?)',
          { registry: to.registry, code: 'BLOB_UNKNOWN' },
        );
      }
    }),
  );
}
