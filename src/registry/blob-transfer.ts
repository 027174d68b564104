// Blob downloads and uploads of any size, streamed: a download hands over the body as it
// arrives (checked against its digest and size on the way), an upload sends a stream of
// known length in one monolithic PUT. Memory stays at a few stream buffers whatever the
// blob's size, which matters for a copy between registries of a multi-GB layer.
import { verifying } from './blob-stream.ts';
import { formatReference, type ImageReference, type RepositoryRef } from './reference.ts';
import { RegistryError } from './registry-error.ts';
import { expectStatus, notFound, type RegistrySession } from './session.ts';
import { backoffDelay, isRetryableStatus, type HttpResponse, type StreamedBody } from './transport.ts';

export interface BlobDownload {
  /** Bytes, as the descriptor or the registry's Content-Length says; undefined when neither does. */
  size: number | undefined;
  /** The bytes; errors at its end when they do not match the digest or the size. */
  stream: ReadableStream<Uint8Array>;
}

/** GETs a blob as a stream. `size` (a descriptor's) is checked against the registry's Content-Length and the bytes. */
export async function openBlob(session: RegistrySession, repository: RepositoryRef, digest: string, size?: number): Promise<BlobDownload> {
  const reference = { ...repository, digest };
  const response = await session.request({ method: 'GET', repository, path: `blobs/${digest}`, kind: 'blob', access: 'pull', stream: true });
  if (response.status === 404) throw notFound(reference, 'blob');
  if (response.status !== 200) await response.stream?.cancel(); // a 2xx other than 200 is not a blob's bytes
  expectStatus(response, [200], 'GET', reference);
  const mismatch = (what: string) =>
    new RegistryError(`blob ${formatReference(reference)} on registry ${repository.registry} does not match its descriptor: ${what}`, {
      registry: repository.registry,
      code: 'DIGEST_INVALID',
    });
  const header = response.headers.get('content-length');
  const announced = header === null ? undefined : Number(header);
  if (size !== undefined && announced !== undefined && announced !== size) {
    await response.stream?.cancel();
    throw mismatch(`${announced} bytes, not ${size}`);
  }
  const expected = size ?? announced;
  const body = response.stream ?? new Blob([]).stream();
  return { size: expected, stream: body.pipeThrough(verifying({ digest, size: expected }, mismatch)) };
}

/**
 * Stores a blob with one monolithic upload: POST opens it, one PUT with `?digest=` sends
 * every byte (streamed when `body` is a stream). A PUT that failed may have left part of
 * the bytes in its upload, so a retry starts over: a new upload, and the body opened
 * again from its source (for a copy, a new GET from the other registry).
 */
export async function putBlob(session: RegistrySession, repository: RepositoryRef, digest: string, body: Uint8Array | StreamedBody): Promise<void> {
  const reference = { ...repository, digest };
  const { retries, log, sleep } = session.options;
  for (let attempt = 0; ; attempt++) {
    const opened = await openUpload(session, reference);
    try {
      const stored = await session.request({
        method: 'PUT',
        repository,
        path: opened.path,
        kind: 'upload',
        access: 'pull,push',
        headers: { 'content-type': 'application/octet-stream' },
        body,
        retries: 0,
      });
      expectStatus(stored, [201], 'PUT', reference);
      return;
    } catch (error) {
      await session.cancelUpload(repository, opened.response);
      if (!isWorthAnotherUpload(error) || attempt >= retries) throw error;
      const wait = backoffDelay(session.options, attempt, null);
      log?.(`upload of ${formatReference(reference)} failed: ${(error as Error).message}; starting it over in ${wait} ms (attempt ${attempt + 2} of ${retries + 1})`);
      await sleep(wait);
    }
  }
}

/** POSTs for a new upload; its path under the repository, `?digest=` set, kept on the registry and repository that opened it. */
async function openUpload(session: RegistrySession, reference: ImageReference & { digest: string }): Promise<{ path: string; response: HttpResponse }> {
  const repository = { registry: reference.registry, repository: reference.repository };
  const response = await session.request({ method: 'POST', repository, path: 'blobs/uploads/', kind: 'upload', access: 'pull,push' });
  expectStatus(response, [202], 'POST', reference);
  const location = response.headers.get('location');
  if (!location) {
    throw new RegistryError(`registry ${reference.registry} opened an upload for ${reference.repository} without a Location`, { registry: reference.registry });
  }
  const uploadUrl = new URL(location, response.url);
  const prefix = `/v2/${reference.repository}/`;
  if (uploadUrl.host !== new URL(response.url).host || !uploadUrl.pathname.startsWith(prefix)) {
    throw new RegistryError(`registry ${reference.registry} sent an upload location outside ${reference.repository}: ${uploadUrl.pathname}`, {
      registry: reference.registry,
    });
  }
  uploadUrl.searchParams.set('digest', reference.digest);
  return { path: uploadUrl.pathname.slice(prefix.length) + uploadUrl.search, response };
}

/** A dropped connection, a stall or a 429/5xx: another upload may get through. A refusal or a wrong digest will not. */
function isWorthAnotherUpload(error: unknown): boolean {
  if (!(error instanceof RegistryError) || error.code === 'DIGEST_INVALID') return false;
  return error.retryable || (error.status !== undefined && isRetryableStatus(error.status));
}
