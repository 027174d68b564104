// The network between a runner and the cache service, for the cache-service
// emulator (cache-service.mjs): bandwidth shared by every stream of one direction.
import { Transform } from 'node:stream';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * One direction of a modelled network link: every chunk through any stream of
 * the link waits its turn, so concurrent transfers share the bandwidth.
 */
export class Link {
  constructor(megabytesPerSecond) {
    this.bytesPerMs = (megabytesPerSecond * 1e6) / 1000;
    this.free = 0;
  }

  stream() {
    return new Transform({
      transform: (chunk, _encoding, done) => {
        const now = Date.now();
        this.free = Math.max(now, this.free) + chunk.length / this.bytesPerMs;
        const wait = this.free - now;
        if (wait >= 1) sleep(wait).then(() => done(null, chunk));
        else done(null, chunk);
      },
    });
  }
}

