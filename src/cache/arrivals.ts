/**
 * Layer blobs on their way into a restored cache folder, for whoever serves
 * the folder (layout-server.ts): when each one is in place, or that it will
 * not come, and while a pack streams in, how far its blob has been written,
 * so that the engine can read a blob while it is still arriving.
 */

/** A blob being written into a file of its own as its pack streams in. */
export interface GrowingBlob {
  /** The file the bytes go to (it may be renamed once whole: an open descriptor keeps reading it). */
  readonly file: string;
  readonly size: number;
  /** Bytes written to `file` so far. */
  readonly written: number;
  /** The stream broke off before the blob was whole: the rest comes (or not) as an arrival. */
  readonly interrupted: boolean;
  /** The blob arrived, or will not: nothing more is written to `file`. */
  readonly settled: boolean;
  /** Resolves at the next write, the end of the stream, or the blob's arrival. */
  next(): Promise<void>;
}

interface Wait {
  promise: Promise<boolean>;
  resolve: (arrived: boolean) => void;
  /** Resolves once the blob is growing or settled, whichever comes first. */
  readable: Promise<void>;
  becameReadable: () => void;
}

class Growth implements GrowingBlob {
  written = 0;
  interrupted = false;
  settled = false;
  private wake: (() => void)[] = [];

  constructor(
    readonly file: string,
    readonly size: number,
  ) {}

  next(): Promise<void> {
    return new Promise((resolve) => this.wake.push(resolve));
  }

  notify(): void {
    const waiting = this.wake;
    this.wake = [];
    for (const resolve of waiting) resolve();
  }
}

export class BlobArrivals {
  private readonly waits = new Map<string, Wait>();
  private readonly landed = new Set<string>();
  private readonly settledOnce = new Set<string>();
  private readonly growth = new Map<string, Growth>();

  expect(digests: Iterable<string>): void {
    for (const digest of digests) {
      if (this.waits.has(digest)) continue;
      let resolve!: (arrived: boolean) => void;
      let becameReadable!: () => void;
      const promise = new Promise<boolean>((done) => (resolve = done));
      const readable = new Promise<void>((done) => (becameReadable = done));
      this.waits.set(digest, { promise, resolve, readable, becameReadable });
    }
  }

  arrived(digest: string, ok: boolean): void {
    const wait = this.waits.get(digest);
    if (!wait) return;
    // The first word counts: a blob that arrived stays arrived.
    if (ok && !this.settledOnce.has(digest)) this.landed.add(digest);
    this.settledOnce.add(digest);
    wait.resolve(ok);
    wait.becameReadable();
    const growth = this.growth.get(digest);
    if (growth) {
      growth.settled = true;
      growth.notify();
    }
  }

  /**
   * The blob's bytes start to go into `file`: the returned functions report
   * each write, and a stream that broke off before the blob was whole.
   */
  growing(digest: string, file: string, size: number): { wrote(bytes: number): void; interrupted(): void } {
    const growth = new Growth(file, size);
    const wait = this.waits.get(digest);
    if (wait && !this.settledOnce.has(digest)) {
      this.growth.set(digest, growth);
      wait.becameReadable();
    }
    return {
      wrote(bytes) {
        growth.written += bytes;
        growth.notify();
      },
      interrupted() {
        growth.interrupted = true;
        growth.notify();
      },
    };
  }

  /** Whether the blob is in place (it arrived, verified). */
  inPlace(digest: string): boolean {
    return this.landed.has(digest);
  }

  /** Resolves true once the blob is in place, false if it will not come; undefined for a blob nobody waits for. */
  wait(digest: string): Promise<boolean> | undefined {
    return this.waits.get(digest)?.promise;
  }

  /**
   * Once the blob can be read: the blob still growing, or undefined when it
   * has settled (then `wait` says how); undefined at once for a blob nobody waits for.
   */
  async readable(digest: string): Promise<GrowingBlob | undefined> {
    const wait = this.waits.get(digest);
    if (!wait) return undefined;
    await wait.readable;
    return this.settledOnce.has(digest) ? undefined : this.growth.get(digest);
  }

  /** Everything not arrived by now will not. */
  close(): void {
    for (const digest of this.waits.keys()) this.arrived(digest, false);
  }
}
