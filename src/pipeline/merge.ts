/**
 * The platform merge: per-platform jobs each push their image by digest
 * (`outputs: type=image,push-by-digest=true,…`), and one final step joins
 * those digests into one multi-platform image — an OCI index referencing each
 * platform's manifest (its platform read from the manifest's config), with the
 * attestation manifests a job's image carried. The index is put under every
 * tag with its annotations. Its bytes depend only on the digests and the
 * annotations, so merging the same digests again (a release tag on a merged
 * commit) gives the same index digest and uploads no blob.
 */
import { UserError } from '../common/errors.ts';
import type { PipelineLog } from '../common/log.ts';
import type { RegistryClient } from '../registry/client.ts';
import { copyManifestByDigest } from '../registry/copy.ts';
import { formatPlatform, isIndexMediaType, OCI_INDEX, sha256Digest, type Descriptor, type ImageIndex, type ImageManifest, type ImageConfig } from '../registry/manifest.ts';
import { parseReference, type ImageReference } from '../registry/reference.ts';
import { annotationsAt } from '../tags/annotation-levels.ts';

export interface MergeRequest {
  /** `sha256:…` (in the first tag's repository) or `registry/repository@sha256:…`, one per platform job. */
  digests: string[];
  /** Full references to put the index under. */
  tags: string[];
  /** `index:key=value` or `key=value` (index level); `manifest:` entries belong to the per-platform builds. */
  annotations: string[];
}

export interface MergeResult {
  digest: string;
  platforms: string[];
  /** The index bytes' size. */
  size: number;
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;

export async function mergeDigests(client: RegistryClient, request: MergeRequest, log: PipelineLog): Promise<MergeResult> {
  if (request.tags.length === 0) throw new UserError('merge-digests needs "images" (and tags) to put the merged image under', { input: 'images' });
  const home = parseReference(request.tags[0]!, { input: 'images' });
  const sources = request.digests.map((entry) => sourceOf(entry, home));
  const descriptors: Descriptor[] = [];
  for (const source of sources) descriptors.push(...(await platformDescriptors(client, source)));
  const images = descriptors.filter((d) => d.platform?.os !== 'unknown');
  const seen = new Map<string, string>();
  for (const image of images) {
    const platform = formatPlatform(image.platform!);
    if (seen.has(platform) && seen.get(platform) !== image.digest) {
      throw new UserError(`merge-digests: two images are for ${platform} (${seen.get(platform)} and ${image.digest}); give one digest per platform`, { input: 'merge-digests' });
    }
    seen.set(platform, image.digest);
  }
  const index = indexOf(descriptors, indexAnnotations(request.annotations));
  const bytes = new TextEncoder().encode(JSON.stringify(index, null, 2));
  const digest = sha256Digest(bytes);
  for (const tag of request.tags) {
    const target = parseReference(tag, { input: 'images' });
    // Children first: the registry checks that an index's manifests are in its repository.
    for (const source of sources) {
      if (source.repository !== target.repository || source.registry !== target.registry) {
        if (source.registry !== target.registry) throw new UserError(`merge-digests: ${source.digest} is on ${source.registry}, ${tag} on ${target.registry}; the images must be pushed by digest to the registry of the tags`, { input: 'merge-digests' });
        await copyManifestByDigest(client, source, target, source.digest!);
      }
    }
    await client.putManifest(target, target.tag ?? 'latest', bytes, OCI_INDEX);
    log.info(`Tagged ${tag} → ${digest}`);
  }
  return { digest, platforms: [...seen.keys()], size: bytes.length };
}

function sourceOf(entry: string, home: ImageReference): ImageReference {
  const at = entry.lastIndexOf('@');
  const digest = at < 0 ? entry : entry.slice(at + 1);
  if (!DIGEST.test(digest)) throw new UserError(`merge-digests: "${entry}" is not a digest (sha256:<64 hex>, or repository@sha256:…), one a line`, { input: 'merge-digests' });
  if (at < 0) return { registry: home.registry, repository: home.repository, digest };
  const repository = parseReference(entry.slice(0, at), { input: 'merge-digests' });
  return { registry: repository.registry, repository: repository.repository, digest };
}

/** The descriptors one job contributes: its image (platform from its config), or the manifests of its index. */
async function platformDescriptors(client: RegistryClient, source: ImageReference): Promise<Descriptor[]> {
  const manifest = await client.getManifestIfExists(source);
  if (!manifest) throw new UserError(`merge-digests: ${source.registry}/${source.repository}@${source.digest} does not exist; push it by digest first`, { input: 'merge-digests' });
  if (isIndexMediaType(manifest.mediaType)) return (manifest.json as ImageIndex).manifests.map(pick);
  const image = manifest.json as ImageManifest;
  const config = JSON.parse(new TextDecoder().decode(await client.getBlob(source, image.config.digest))) as ImageConfig;
  if (!config.os || !config.architecture) throw new UserError(`merge-digests: the config of ${source.digest} names no platform`, { input: 'merge-digests' });
  const platform = { architecture: config.architecture, os: config.os, ...(config.variant ? { variant: config.variant } : {}) };
  return [{ mediaType: manifest.mediaType, digest: manifest.digest, size: manifest.size, platform }];
}

function pick(d: Descriptor): Descriptor {
  return { mediaType: d.mediaType, digest: d.digest, size: d.size, ...(d.annotations ? { annotations: d.annotations } : {}), ...(d.platform ? { platform: d.platform } : {}) };
}

/** Images by platform, each followed by its attestation manifests: the same digests give the same bytes, in any order. */
export function indexOf(descriptors: Descriptor[], annotations: Record<string, string>): ImageIndex & { annotations?: Record<string, string> } {
  const unique = [...new Map(descriptors.map((d) => [d.digest, d])).values()];
  const images = unique.filter((d) => d.platform?.os !== 'unknown').sort((a, b) => formatPlatform(a.platform!).localeCompare(formatPlatform(b.platform!)));
  const attestations = unique.filter((d) => d.platform?.os === 'unknown');
  const manifests = images.flatMap((image) => [image, ...attestations.filter((a) => a.annotations?.['vnd.docker.reference.digest'] === image.digest)]);
  const orphans = attestations.filter((a) => !manifests.includes(a)).sort((a, b) => a.digest.localeCompare(b.digest));
  return { schemaVersion: 2, mediaType: OCI_INDEX, manifests: [...manifests, ...orphans], ...(Object.keys(annotations).length ? { annotations } : {}) };
}

/** `index:key=value` and bare `key=value` entries, in key order; `manifest:`-level ones are left to the per-platform builds. */
export function indexAnnotations(entries: string[]): Record<string, string> {
  const entriesAtIndex = annotationsAt(entries, 'index', { bare: 'index', anyPlatform: true });
  return Object.fromEntries(Object.entries(entriesAtIndex).sort(([a], [b]) => a.localeCompare(b)));
}
