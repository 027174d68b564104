/**
 * A reused image that carries another run's labels (a release tag on a commit built on
 * the default branch: `org.opencontainers.image.version=main`) is given this run's:
 * a new config with the labels over the same layers, and a new manifest with this run's
 * manifest annotations. The layers are not touched, so nothing is rebuilt and no layer
 * is uploaded; the digest is new. Pure: the registry edge is in promoter.ts.
 */
import crypto from 'node:crypto';
import type { Descriptor, ImageIndex, ImageManifest } from '../registry/manifest.ts';

export interface WantedMetadata {
  /** This run's labels, the fingerprint label among them. */
  labels: Record<string, string>;
  /** This run's `level:key=value` annotation lines (tags/annotation-levels.ts). */
  annotations: readonly string[];
}

export interface Relabeled {
  config: Uint8Array;
  configDigest: string;
  manifest: Uint8Array;
  manifestDigest: string;
  json: ImageManifest;
}

/**
 * The image with `labels` and manifest `annotations`; undefined when it has the labels
 * already. Annotations alone never make a new image: an engine that pushes none (the
 * classic image store) would otherwise get a new digest on every rerun.
 */
export function relabel(configBytes: Uint8Array, manifest: ImageManifest, wanted: { labels: Record<string, string>; annotations: Record<string, string> }): Relabeled | undefined {
  const config = JSON.parse(new TextDecoder().decode(configBytes)) as { config?: { Labels?: Record<string, string> | null } };
  const labels = config.config?.Labels ?? {};
  const annotations = (manifest as ImageManifest & { annotations?: Record<string, string> }).annotations ?? {};
  const differs = (have: Record<string, string>, want: Record<string, string>) => Object.entries(want).some(([key, value]) => have[key] !== value);
  if (!differs(labels, wanted.labels)) return undefined;

  const newConfig = new TextEncoder().encode(JSON.stringify({ ...config, config: { ...config.config, Labels: { ...labels, ...wanted.labels } } }));
  const configDigest = sha256(newConfig);
  const json: ImageManifest & { annotations?: Record<string, string> } = {
    ...manifest,
    config: { ...manifest.config, digest: configDigest, size: newConfig.byteLength },
  };
  const mergedAnnotations = { ...annotations, ...wanted.annotations };
  if (Object.keys(mergedAnnotations).length > 0) json.annotations = mergedAnnotations;
  const manifestBytes = new TextEncoder().encode(JSON.stringify(json));
  return { config: newConfig, configDigest, manifest: manifestBytes, manifestDigest: sha256(manifestBytes), json };
}

export interface RelabeledIndex {
  manifest: Uint8Array;
  manifestDigest: string;
  json: ImageIndex;
}

/**
 * An index of several platforms whose images were relabeled: `children` in place of its
 * manifests (the same platforms, in the same order), this run's index annotations over its own.
 */
export function relabelIndex(index: ImageIndex, children: Descriptor[], annotations: Record<string, string>): RelabeledIndex {
  const own = (index as ImageIndex & { annotations?: Record<string, string> }).annotations ?? {};
  const json: ImageIndex & { annotations?: Record<string, string> } = { ...index, manifests: children };
  const merged = { ...own, ...annotations };
  if (Object.keys(merged).length > 0) json.annotations = merged;
  const manifest = new TextEncoder().encode(JSON.stringify(json));
  return { manifest, manifestDigest: sha256(manifest), json };
}

function sha256(bytes: Uint8Array): string {
  return `sha256:${crypto.createHash('sha256').update(bytes).digest('hex')}`;
}
