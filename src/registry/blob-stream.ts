// Stream plumbing for blob transfers, so that a layer of any size passes through in
// bounded memory: a watchdog that aborts a transfer after a stretch without progress
// (a 1 GiB layer may take minutes, so a cap on the whole transfer would be wrong),
// and a pass-through that checks the size and sha256 of what went by.
import crypto from 'node:crypto';

export interface IdleWatchdog {
  /** Aborted (with a TimeoutError) once `ms` pass without a chunk going through `watch`. */
  readonly signal: AbortSignal;
  /** A pass-through whose every chunk counts as progress. */
  watch(): TransformStream<Uint8Array, Uint8Array>;
  /** Allows `ms` from now before the next progress (an upload's answer, once all its bytes went). */
  allow(ms: number): void;
  /** Stops the timer: the transfer is over. */
  clear(): void;
}

export function idleWatchdog(ms: number): IdleWatchdog {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const arm = (wait = ms) => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new DOMException(`no progress for ${wait} ms`, 'TimeoutError')), wait);
    timer.unref?.();
  };
  arm();
  return {
    signal: controller.signal,
    watch: () =>
      new TransformStream({
        transform(chunk, stream) {
          arm();
          stream.enqueue(chunk);
        },
      }),
    allow: (wait) => arm(wait),
    clear: () => clearTimeout(timer),
  };
}

export interface ExpectedBlob {
  digest: string;
  /** Bytes, when known (a descriptor's size, a Content-Length). */
  size?: number;
}

/**
 * Passes the bytes through and errors the stream at its end (so a PUT it feeds is never
 * completed) when their count or their sha256 is not the one expected. Digests of other
 * algorithms are left to the registry, which checks every upload against `?digest=`.
 */
export function verifying(expected: ExpectedBlob, mismatch: (what: string) => Error): TransformStream<Uint8Array, Uint8Array> {
  const hash = expected.digest.startsWith('sha256:') ? crypto.createHash('sha256') : undefined;
  let seen = 0;
  return new TransformStream({
    transform(chunk, stream) {
      seen += chunk.byteLength;
      if (expected.size !== undefined && seen > expected.size) {
        stream.error(mismatch(`more than the ${expected.size} bytes expected`));
        return;
      }
      hash?.update(chunk);
      stream.enqueue(chunk);
    },
    flush(stream) {
      if (expected.size !== undefined && seen !== expected.size) stream.error(mismatch(`${seen} bytes, not ${expected.size}`));
      else if (hash && `sha256:${hash.digest('hex')}` !== expected.digest) stream.error(mismatch('bytes whose digest differs'));
    },
  });
}
