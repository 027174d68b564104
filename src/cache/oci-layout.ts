/**
 * Reading and repairing the OCI layout that BuildKit's local cache exporter
 * writes (`--cache-to type=local`): `index.json` names one cache manifest (an
 * OCI image index whose `manifests` list holds the layer blobs and one
 * `application/vnd.buildkit.cacheconfig.v0` blob); every blob lives under
 * `blobs/sha256/<hex>`.
 *
 * Blobs come in two kinds here. Metadata (index.json's manifests, nested
 * manifests, configs) is small, changes on every export and is needed to know
 * anything else; layers are large, content-addressed and mostly shared from one
 * build to the next. The delta store keeps the first kind with the index entry
 * and moves the second kind in packs.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

export const CACHE_CONFIG_TYPE = 'application/vnd.buildkit.cacheconfig.v0';

const MANIFEST_TYPES = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
]);

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
  [field: string]: unknown;
}

interface ManifestJson {
  manifests?: Descriptor[];
  layers?: Descriptor[];
  config?: Descriptor;
  [field: string]: unknown;
}

/** The blobs a layout needs, by digest, with their sizes from the descriptors. */
export interface LayoutBlobs {
  /** Manifests, indexes and configs: everything needed to read the layout. */
  metadata: Map<string, number>;
  /** Everything else: the layer blobs. */
  layers: Map<string, number>;
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;

export function isDigest(value: unknown): value is string {
  return typeof value === 'string' && DIGEST.test(value);
}

export function blobPath(dir: string, digest: string): string {
  return path.join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length));
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  // 1 MiB reads: the default 64 KiB chunks double the time it takes to hash a large layer.
  await pipeline(createReadStream(file, { highWaterMark: 1024 * 1024 }), hash);
  return `sha256:${hash.digest('hex')}`;
}

function isMetadata(descriptor: Descriptor): boolean {
  return MANIFEST_TYPES.has(descriptor.mediaType) || descriptor.mediaType === CACHE_CONFIG_TYPE;
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as T;
}

/** index.json's descriptors; throws when it is missing or not an OCI index. */
export async function readIndex(dir: string): Promise<Descriptor[]> {
  const index = await readJson<ManifestJson>(path.join(dir, 'index.json'));
  if (!Array.isArray(index.manifests)) throw new Error(`${path.join(dir, 'index.json')} has no manifests list`);
  for (const descriptor of index.manifests) checkDescriptor(descriptor, 'index.json');
  return index.manifests;
}

function checkDescriptor(descriptor: Descriptor, where: string): void {
  if (!descriptor || !isDigest(descriptor.digest) || typeof descriptor.mediaType !== 'string') {
    throw new Error(`${where} holds a descriptor that is not a sha256 blob: ${JSON.stringify(descriptor)}`);
  }
}

function children(manifest: ManifestJson): { nested: Descriptor[]; config?: Descriptor } {
  return { nested: [...(manifest.manifests ?? []), ...(manifest.layers ?? [])], config: manifest.config };
}

/**
 * Every blob the layout in `dir` references, walking index.json → manifests →
 * their manifests, layers and configs. Metadata blobs are read, so they must be
 * present (an error otherwise); layers need not be.
 */
export async function readLayout(dir: string): Promise<LayoutBlobs> {
  return walkBlobs(dir, await readIndex(dir));
}

async function walkBlobs(dir: string, roots: Descriptor[]): Promise<LayoutBlobs> {
  const blobs: LayoutBlobs = { metadata: new Map(), layers: new Map() };
  const visit = async (descriptor: Descriptor, where: string, asConfig = false): Promise<void> => {
    checkDescriptor(descriptor, where);
    if (!asConfig && !isMetadata(descriptor)) {
      if (!blobs.metadata.has(descriptor.digest)) blobs.layers.set(descriptor.digest, descriptor.size);
      return;
    }
    if (blobs.metadata.has(descriptor.digest)) return;
    blobs.metadata.set(descriptor.digest, descriptor.size);
    blobs.layers.delete(descriptor.digest);
    if (!MANIFEST_TYPES.has(descriptor.mediaType)) return; // a config: read by BuildKit, references nothing new
    const manifest = await readJson<ManifestJson>(blobPath(dir, descriptor.digest));
    const { nested, config } = children(manifest);
    for (const child of nested) await visit(child, descriptor.digest);
    if (config) await visit(config, descriptor.digest, true);
  };
  for (const descriptor of roots) await visit(descriptor, 'index.json');
  return blobs;
}

/** What pruneLayout changed. */
export interface PruneResult {
  /** Top-level manifests dropped from index.json (unreadable, or not a BuildKit cache and missing blobs). */
  droppedManifests: number;
  /** BuildKit cache layers dropped: missing, or stacked on a missing one. */
  droppedLayers: number;
  /** Layers that remain usable in the manifests kept. */
  keptLayers: number;
}

interface CacheConfig {
  /**
   * `parent` is an index into `layers`, -1 for none. BuildKit writes it with Go's
   * `omitempty`: a missing `parent` is 0, not "no parent".
   */
  layers?: { blob: string; parent?: number; [field: string]: unknown }[];
  records?: {
    layers?: { layer: number; [field: string]: unknown }[];
    chains?: { layers: number[]; [field: string]: unknown }[];
    [field: string]: unknown;
  }[];
  [field: string]: unknown;
}

/**
 * Makes the layout in `dir` usable when some layer blobs are absent: BuildKit
 * fails the build ("content sha256:…: not found") when an imported cache names
 * a layer it cannot read. In each BuildKit cache manifest the layers that are
 * missing, or stacked on a missing one, are removed from the cache config, and
 * the cache records that produced them lose that result (they stay as cache
 * keys, so the steps below the gap are still cache hits and the steps from the
 * gap on run again). The rewritten config and manifest are new blobs; index.json
 * points at them. Any other manifest is kept whole or dropped. Metadata blobs
 * must be present (see readLayout).
 */
export async function pruneLayout(dir: string, present: (digest: string) => boolean): Promise<PruneResult> {
  const result: PruneResult = { droppedManifests: 0, droppedLayers: 0, keptLayers: 0 };
  const kept: Descriptor[] = [];
  for (const descriptor of await readIndex(dir)) {
    try {
      const rewritten = MANIFEST_TYPES.has(descriptor.mediaType) ? await pruneManifest(dir, descriptor, present, result) : undefined;
      if (rewritten) kept.push(rewritten);
      else result.droppedManifests += 1;
    } catch {
      result.droppedManifests += 1;
    }
  }
  const index = await readJson<ManifestJson>(path.join(dir, 'index.json'));
  await writeFileAtomic(path.join(dir, 'index.json'), JSON.stringify({ ...index, manifests: kept }));
  return result;
}

/**
 * A BuildKit cache manifest comes in two shapes: an image index whose `manifests`
 * list the layers and the cache config (BuildKit before 0.21: Docker 26's), or an
 * image manifest with the cache config as its `config` and the layers as its
 * `layers` (`image-manifest=true`, the default since BuildKit 0.21: Docker 28's).
 * Undefined for any other manifest.
 */
function cacheManifestParts(manifest: ManifestJson): { config: Descriptor; layerList: Descriptor[]; shape: 'index' | 'manifest' } | undefined {
  if (manifest.config?.mediaType === CACHE_CONFIG_TYPE && !manifest.manifests) {
    return { config: manifest.config, layerList: manifest.layers ?? [], shape: 'manifest' };
  }
  const config = (manifest.manifests ?? []).find((child) => child.mediaType === CACHE_CONFIG_TYPE);
  if (config && !manifest.layers && !manifest.config) {
    return { config, layerList: manifest.manifests!.filter((child) => child.mediaType !== CACHE_CONFIG_TYPE), shape: 'index' };
  }
  return undefined;
}

async function pruneManifest(dir: string, descriptor: Descriptor, present: (digest: string) => boolean, result: PruneResult): Promise<Descriptor | undefined> {
  const manifest = await readJson<ManifestJson>(blobPath(dir, descriptor.digest));
  const parts = cacheManifestParts(manifest);
  if (!parts) {
    // Not a BuildKit cache manifest: usable only when whole.
    const { layers } = await walkBlobs(dir, [descriptor]);
    if (![...layers.keys()].every(present)) return undefined;
    result.keptLayers += layers.size;
    return descriptor;
  }
  const configDescriptor = parts.config;
  const config = await readJson<CacheConfig>(blobPath(dir, configDescriptor.digest));
  const layers = config.layers ?? [];
  const usable = new Map<number, boolean>();
  const isUsable = (index: number, depth = 0): boolean => {
    const known = usable.get(index);
    if (known !== undefined) return known;
    const layer = layers[index];
    const parent = layer?.parent ?? 0;
    const ok =
      layer !== undefined && depth <= layers.length && isDigest(layer.blob) && present(layer.blob) && parent !== index && (parent < 0 || isUsable(parent, depth + 1));
    usable.set(index, ok);
    return ok;
  };
  const remap = new Map<number, number>();
  const keptLayers: NonNullable<CacheConfig['layers']> = [];
  layers.forEach((layer, index) => {
    if (!isUsable(index)) return;
    remap.set(index, keptLayers.length);
    keptLayers.push({ ...layer });
  });
  for (const layer of keptLayers) {
    const parent = layer.parent ?? 0;
    layer.parent = parent < 0 ? -1 : remap.get(parent)!; // written out, never left implicit
  }
  const records = (config.records ?? []).map((record) => {
    const copy = { ...record };
    if (record.layers) {
      copy.layers = record.layers.filter((result) => remap.has(result.layer)).map((result) => ({ ...result, layer: remap.get(result.layer)! }));
      if (copy.layers.length === 0) delete copy.layers;
    }
    if (record.chains) {
      copy.chains = record.chains
        .filter((chain) => chain.layers.every((index) => remap.has(index)))
        .map((chain) => ({ ...chain, layers: chain.layers.map((index) => remap.get(index)!) }));
      if (copy.chains.length === 0) delete copy.chains;
    }
    return copy;
  });
  result.droppedLayers += layers.length - keptLayers.length;
  result.keptLayers += keptLayers.length;
  if (keptLayers.length === layers.length) return descriptor;

  const newConfig = await writeBlob(dir, JSON.stringify({ ...config, layers: keptLayers, records }));
  const keptBlobs = new Set(keptLayers.map((layer) => layer.blob));
  const keptList = parts.layerList.filter((child) => keptBlobs.has(child.digest));
  const newConfigDescriptor = { ...configDescriptor, digest: newConfig.digest, size: newConfig.size };
  const rewritten =
    parts.shape === 'manifest' ? { ...manifest, config: newConfigDescriptor, layers: keptList } : { ...manifest, manifests: [...keptList, newConfigDescriptor] };
  const newManifest = await writeBlob(dir, JSON.stringify(rewritten));
  return { ...descriptor, digest: newManifest.digest, size: newManifest.size };
}

async function writeBlob(dir: string, content: string): Promise<{ digest: string; size: number }> {
  const bytes = Buffer.from(content);
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  await fs.mkdir(path.dirname(blobPath(dir, digest)), { recursive: true });
  await writeFileAtomic(blobPath(dir, digest), bytes);
  return { digest, size: bytes.length };
}

async function writeFileAtomic(file: string, content: string | Buffer): Promise<void> {
  const temp = `${file}.tmp-${process.pid}`;
  await fs.writeFile(temp, content);
  await fs.rename(temp, file);
}

/**
 * Deletes the blobs index.json no longer reaches, and BuildKit's leftover
 * `ingest/` folder: a cache exported into the folder it was imported from
 * keeps only what the new build references, so it never grows.
 */
export async function removeUnreachableBlobs(dir: string): Promise<number> {
  const { metadata, layers } = await readLayout(dir);
  const blobsDir = path.join(dir, 'blobs', 'sha256');
  let removed = 0;
  for (const name of await fs.readdir(blobsDir).catch(() => [] as string[])) {
    const digest = `sha256:${name}`;
    if (metadata.has(digest) || layers.has(digest)) continue;
    await fs.rm(path.join(blobsDir, name), { force: true });
    removed++;
  }
  await fs.rm(path.join(dir, 'ingest'), { recursive: true, force: true });
  return removed;
}
