// A large image layer made on the fly for memory tests: a tar holding one file of
// deterministic bytes, never written to disk, and pushed to a registry over plain
// HTTP (fetch with a streamed body), independent of the code under test.
import crypto from 'node:crypto';

export interface GeneratedLayer {
  digest: string;
  size: number;
  /** The layer's bytes from the start, made anew on each call. */
  stream(): ReadableStream<Uint8Array>;
}

const BLOCK = 512;
const CHUNK = 1024 * 1024;

/** A tar of one regular file `big.bin` of `fileBytes` bytes; its digest is computed once by streaming it. */
export async function generatedLayer(fileBytes: number): Promise<GeneratedLayer> {
  const padding = (BLOCK - (fileBytes % BLOCK)) % BLOCK;
  const size = BLOCK + fileBytes + padding + 2 * BLOCK;
  const stream = () => layerStream(fileBytes, padding);
  const hash = crypto.createHash('sha256');
  for await (const chunk of stream()) hash.update(chunk);
  return { digest: `sha256:${hash.digest('hex')}`, size, stream };
}

function layerStream(fileBytes: number, padding: number): ReadableStream<Uint8Array> {
  // One pseudo-random MiB, stamped with its index so no two chunks are alike.
  const pattern = crypto.createHash('sha512').update('image-build big layer').digest();
  const template = Buffer.alloc(CHUNK);
  for (let offset = 0; offset < CHUNK; offset += pattern.length) pattern.copy(template, offset);
  let sent = 0;
  let index = 0;
  let stage: 'header' | 'data' | 'trailer' | 'done' = 'header';
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stage === 'header') {
        controller.enqueue(tarHeader('big.bin', fileBytes));
        stage = 'data';
      } else if (stage === 'data') {
        const length = Math.min(CHUNK, fileBytes - sent);
        const chunk = Buffer.from(template.subarray(0, length));
        chunk.writeUInt32BE(index++ >>> 0, 0);
        sent += length;
        controller.enqueue(chunk);
        if (sent >= fileBytes) stage = 'trailer';
      } else if (stage === 'trailer') {
        controller.enqueue(new Uint8Array(padding + 2 * BLOCK));
        stage = 'done';
      } else {
        controller.close();
      }
    },
  });
}

/** A ustar header for a regular file (mode 0644, owner 0, mtime 0). */
function tarHeader(name: string, size: number): Uint8Array {
  const header = Buffer.alloc(BLOCK);
  const field = (offset: number, length: number, value: string) => header.write(value, offset, length, 'ascii');
  const octal = (offset: number, length: number, value: number) => field(offset, length, `${value.toString(8).padStart(length - 1, '0')}\0`);
  field(0, 100, name);
  octal(100, 8, 0o644);
  octal(108, 8, 0);
  octal(116, 8, 0);
  octal(124, 12, size);
  octal(136, 12, 0);
  field(148, 8, '        ');
  field(156, 1, '0');
  field(257, 6, 'ustar\0');
  field(263, 2, '00');
  const sum = header.reduce((total, byte) => total + byte, 0);
  field(148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return header;
}

/** Pushes a blob to an open (no auth) registry: POST, then one PUT with the streamed body. */
export async function pushBlob(registry: string, repository: string, blob: { digest: string; size: number; stream(): ReadableStream<Uint8Array> }): Promise<void> {
  const opened = await fetch(`http://${registry}/v2/${repository}/blobs/uploads/`, { method: 'POST' });
  if (opened.status !== 202) throw new Error(`POST upload on ${registry}: ${opened.status}`);
  const location = new URL(opened.headers.get('location')!, `http://${registry}/`);
  location.searchParams.set('digest', blob.digest);
  const stored = await fetch(location, {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream', 'content-length': String(blob.size) },
    body: blob.stream(),
    duplex: 'half',
  } as RequestInit);
  if (stored.status !== 201) throw new Error(`PUT blob on ${registry}: ${stored.status} ${await stored.text()}`);
}

/** Pushes small bytes (a config) as a blob. */
export async function pushBytes(registry: string, repository: string, bytes: Uint8Array): Promise<string> {
  const digest = `sha256:${crypto.createHash('sha256').update(bytes).digest('hex')}`;
  await pushBlob(registry, repository, { digest, size: bytes.length, stream: () => new Blob([bytes]).stream() });
  return digest;
}

/** PUTs a manifest under a tag of an open registry. */
export async function putManifest(registry: string, repository: string, tag: string, manifest: unknown, mediaType: string): Promise<string> {
  const body = Buffer.from(JSON.stringify(manifest));
  const response = await fetch(`http://${registry}/v2/${repository}/manifests/${tag}`, { method: 'PUT', headers: { 'content-type': mediaType }, body });
  if (response.status !== 201) throw new Error(`PUT manifest ${registry}/${repository}:${tag}: ${response.status} ${await response.text()}`);
  return response.headers.get('docker-content-digest')!;
}
