// The blob half of the cache-service emulator when Azurite (Microsoft's Azure
// Storage emulator, npm `azurite`) holds the blobs (DESIGN.md section 4).
//
// The Twirp front (cache-service.mjs) hands out production-style signed URLs,
// http://devstoreaccount1.blob.core.windows.net:<emulator port>/cache/<id>?<SAS>:
// the host name is what makes @actions/cache take its Azure SDK paths, and the
// process under test resolves it to 127.0.0.1 (blob-hosts.cjs). The requests
// come back to the emulator's own port, where the link model, the faults and the
// byte counts apply, and are passed on to Azurite unchanged but for the address
// (path style, /devstoreaccount1/cache/<id>). Azurite checks the SAS, stores the
// blocks, commits block lists and serves ranged reads: that is Azure's own code.
import { createHash } from 'node:crypto';
import http from 'node:http';
import { pipeline } from 'node:stream/promises';
import { BlobSASPermissions, BlobServiceClient, generateBlobSASQueryParameters, StorageSharedKeyCredential } from '@azure/storage-blob';

/** Azurite's built-in development account and its published key. */
export const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
export const BLOB_HOST = `${ACCOUNT}.blob.core.windows.net`;

/** A blob request on its way to Azurite: /<container>/<entry id>. */
export function isAzuriteBlobPath(pathname) {
  return /^\/c[0-9a-f]{20}\/\d+$/.test(pathname);
}

/**
 * `dir` is the emulator's data folder: its entries get a container of their own
 * (entry ids start at 1 in every emulator, and several share one Azurite).
 */
export async function azuriteBlobs(azuriteUrl, dir) {
  const CONTAINER = `c${createHash('sha256').update(dir).digest('hex').slice(0, 20)}`;
  const base = new URL(azuriteUrl);
  const credential = new StorageSharedKeyCredential(ACCOUNT, ACCOUNT_KEY);
  const service = new BlobServiceClient(`${base.origin}/${ACCOUNT}`, credential);
  const container = service.getContainerClient(CONTAINER);
  await container.createIfNotExists();
  const blob = (entry) => container.getBlockBlobClient(String(entry.id));

  return {
    /** A signed URL for one entry's blob: write (create + write) for the upload, read for the download. */
    signedUrl(port, entry, access) {
      const sas = generateBlobSASQueryParameters({
        containerName: CONTAINER,
        blobName: String(entry.id),
        permissions: BlobSASPermissions.parse(access === 'write' ? 'cw' : 'r'),
        expiresOn: new Date(Date.now() + 6 * 3600_000),
      }, credential);
      return `http://${BLOB_HOST}:${port}/${CONTAINER}/${entry.id}?${sas}`;
    },
    /** The committed blob's size, or null when nothing was committed. */
    async size(entry) {
      try {
        return (await blob(entry).getProperties()).contentLength ?? null;
      } catch (error) {
        if (error.statusCode === 404) return null;
        throw error;
      }
    },
    async remove(entry) {
      await blob(entry).deleteIfExists();
    },
    /**
     * Passes one blob request on to Azurite and its answer back. `up` and `down`
     * are the link model's streams (or undefined); the bytes each way are counted.
     */
    async forward(ctx, up, down) {
      // The raw query: the SAS signature's '+' and '/' must reach Azurite as they came.
      const query = ctx.req.url.includes('?') ? ctx.req.url.slice(ctx.req.url.indexOf('?')) : '';
      const target = new URL(`/${ACCOUNT}${ctx.url.pathname}${query}`, base);
      const headers = { ...ctx.req.headers, host: base.host };
      const request = http.request(target, { method: ctx.req.method, headers });
      const answered = new Promise((resolve, reject) => request.once('response', resolve).once('error', reject));
      const sent = (async () => {
        const counter = async function* (source) {
          for await (const chunk of source) {
            ctx.bytesUp += chunk.length;
            yield chunk;
          }
        };
        await (up ? pipeline(ctx.req, up, counter, request) : pipeline(ctx.req, counter, request));
      })();
      sent.catch(() => request.destroy());
      const response = await answered;
      ctx.res.writeHead(response.statusCode, response.headers);
      const counter = async function* (source) {
        for await (const chunk of source) {
          if (ctx.req.method !== 'HEAD') ctx.bytesDown += chunk.length;
          yield chunk;
        }
      };
      await (down ? pipeline(response, counter, down, ctx.res) : pipeline(response, counter, ctx.res));
    },
  };
}
