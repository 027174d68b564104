// A reused image given this run's labels and annotations: the same layers under a new
// config and manifest, and nothing new when it has them already.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { relabel, relabelIndex } from '../../src/pipeline/relabel.ts';
import type { ImageIndex, ImageManifest } from '../../src/registry/manifest.ts';

const sha = (bytes: Uint8Array) => `sha256:${crypto.createHash('sha256').update(bytes).digest('hex')}`;
const config = new TextEncoder().encode(JSON.stringify({ architecture: 'amd64', os: 'linux', config: { Labels: { 'org.opencontainers.image.version': 'main', 'com.example.kept': 'yes' } }, rootfs: { type: 'layers', diff_ids: ['sha256:d1'] } }));
const manifest: ImageManifest = {
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha(config), size: config.byteLength },
  layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: 'sha256:l1', size: 100 }],
};

describe('relabel', () => {
  it("gives the image this run's labels over its own, the same layers, and digests of the bytes it returns", () => {
    const out = relabel(config, manifest, { labels: { 'org.opencontainers.image.version': '1.2.3' }, annotations: { 'org.opencontainers.image.version': '1.2.3' } })!;
    const newConfig = JSON.parse(new TextDecoder().decode(out.config));
    expect(newConfig.config.Labels).toEqual({ 'org.opencontainers.image.version': '1.2.3', 'com.example.kept': 'yes' });
    expect(newConfig.rootfs).toEqual({ type: 'layers', diff_ids: ['sha256:d1'] });
    expect(out.configDigest).toBe(sha(out.config));
    expect(out.manifestDigest).toBe(sha(out.manifest));
    expect(JSON.parse(new TextDecoder().decode(out.manifest))).toEqual(out.json);
    expect(out.json.layers).toEqual(manifest.layers);
    expect(out.json.config).toEqual({ ...manifest.config, digest: out.configDigest, size: out.config.byteLength });
    expect((out.json as { annotations?: unknown }).annotations).toEqual({ 'org.opencontainers.image.version': '1.2.3' });
  });

  it('nothing when the image has the labels already, whatever its annotations (an engine may push none)', () => {
    expect(relabel(config, manifest, { labels: { 'com.example.kept': 'yes' }, annotations: {} })).toBeUndefined();
    expect(relabel(config, manifest, { labels: { 'com.example.kept': 'yes' }, annotations: { 'org.opencontainers.image.version': 'main' } })).toBeUndefined();
  });

  it('an index: the relabeled children in place of its own, the same platforms, this run\'s index annotations over its own', () => {
    const index: ImageIndex & { annotations?: Record<string, string> } = {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        { mediaType: manifest.mediaType!, digest: 'sha256:a1', size: 10, platform: { os: 'linux', architecture: 'amd64' } },
        { mediaType: manifest.mediaType!, digest: 'sha256:b1', size: 11, platform: { os: 'linux', architecture: 'arm64' } },
      ],
      annotations: { 'org.opencontainers.image.version': 'main', 'com.example.kept': 'yes' },
    };
    const children = [{ ...index.manifests[0]!, digest: 'sha256:a2', size: 12 }, index.manifests[1]!];
    const out = relabelIndex(index, children, { 'org.opencontainers.image.version': '1.2.3' });
    expect(out.json.manifests).toEqual(children);
    expect(out.json.mediaType).toBe(index.mediaType);
    expect((out.json as typeof index).annotations).toEqual({ 'org.opencontainers.image.version': '1.2.3', 'com.example.kept': 'yes' });
    expect(out.manifestDigest).toBe(sha(out.manifest));
    expect(JSON.parse(new TextDecoder().decode(out.manifest))).toEqual(out.json);
  });
});
