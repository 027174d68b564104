// The stream plumbing of blob transfers: the digest and size check that keeps a wrong
// source from completing an upload, and the stall timer that replaces a cap on the
// whole transfer.
import crypto from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { idleWatchdog, verifying } from '../../../src/registry/blob-stream.ts';

const bytes = new TextEncoder().encode('a layer, in three chunks');
const digest = `sha256:${crypto.createHash('sha256').update(bytes).digest('hex')}`;

function chunked(data: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (let offset = 0; offset < data.length; offset += 9) controller.enqueue(data.subarray(offset, offset + 9));
      controller.close();
    },
  });
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  let total = 0;
  for await (const chunk of stream) total += chunk.byteLength;
  return total;
}

describe('verifying', () => {
  const mismatch = (what: string) => new Error(`mismatch: ${what}`);

  test('passes the bytes through when digest and size match', async () => {
    expect(await drain(chunked(bytes).pipeThrough(verifying({ digest, size: bytes.length }, mismatch)))).toBe(bytes.length);
  });

  test('errors at the end when the digest differs', async () => {
    const other = new TextEncoder().encode('a layer, in three chunkz');
    await expect(drain(chunked(other).pipeThrough(verifying({ digest, size: other.length }, mismatch)))).rejects.toThrow('mismatch: bytes whose digest differs');
  });

  test('errors when the source sends fewer or more bytes than the descriptor says', async () => {
    await expect(drain(chunked(bytes.subarray(0, 10)).pipeThrough(verifying({ digest, size: bytes.length }, mismatch)))).rejects.toThrow(`10 bytes, not ${bytes.length}`);
    await expect(drain(chunked(bytes).pipeThrough(verifying({ digest, size: 12 }, mismatch)))).rejects.toThrow('more than the 12 bytes expected');
  });

  test('a digest of another algorithm is left to the registry', async () => {
    expect(await drain(chunked(bytes).pipeThrough(verifying({ digest: `sha512:${'0'.repeat(128)}` }, mismatch)))).toBe(bytes.length);
  });
});

describe('idleWatchdog', () => {
  test('a transfer that keeps moving is never aborted, however long it takes', async () => {
    const watchdog = idleWatchdog(80);
    let sent = 0;
    const slow = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 30));
        if (sent++ < 10) controller.enqueue(new Uint8Array(1));
        else controller.close();
      },
    });
    expect(await drain(slow.pipeThrough(watchdog.watch()))).toBe(10);
    expect(watchdog.signal.aborted).toBe(false);
    watchdog.clear();
  });

  test('allow gives a longer wait once: an upload is answered after its last byte', async () => {
    const watchdog = idleWatchdog(50);
    watchdog.allow(300);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(watchdog.signal.aborted).toBe(false);
    watchdog.clear();
  });

  test('a stall aborts with a TimeoutError', async () => {
    const watchdog = idleWatchdog(50);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(watchdog.signal.aborted).toBe(true);
    expect((watchdog.signal.reason as Error).name).toBe('TimeoutError');
  });
});
