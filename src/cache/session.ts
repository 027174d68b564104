/**
 * One run's view of the layer cache, whatever the backend: restore (or look
 * up) an entry, hand BuildKit its `--cache-from`/`--cache-to` specs, and save
 * what the build exported. The folder backends (Actions cache, local folder)
 * move a BuildKit local-cache folder; the registry backend lets BuildKit move
 * the cache image itself and keeps only the record beside it.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BuildStep } from '../buildx/build-command.ts';
import type { BuilderInfo } from '../buildx/builder-capabilities.ts';
import { messageOf } from '../common/errors.ts';
import type { RegistryClient } from '../registry/client.ts';
import { hitKind, type CacheKeys } from './keys.ts';
import { cacheRoute } from './builder-route.ts';
import { folderBytes } from './delta-io.ts';
import { serveLayout, type LayoutServer } from './layout-server.ts';
import { removeUnreachableBlobs } from './oci-layout.ts';
import { readRecord, writeRecord, type CacheRecord } from './record.ts';
import { RegistryCache, registryCacheExportError, registryCacheFrom, registryCacheTo } from './registry-backend.ts';
import type { CacheSession, CacheStore, CacheTraffic, ExportPlan, Restored, Saved, StagedRestore, Warn } from './types.ts';

/** Which cache a run uses: none, a folder kept in a store, or a cache image in a registry. */
export type CacheConfig =
  | { kind: 'off' }
  | {
      kind: 'folder';
      store: CacheStore;
      /** A folder that lives for the step (RUNNER_TEMP); the cache folder under it has the same path on every run. */
      tempDir: string;
      /** The build's scope (keys.ts, cacheScope): its own folder under tempDir. */
      scope: string;
      warn: Warn;
      info: (message: string) => void;
    }
  | { kind: 'registry'; client: RegistryClient; ref: string; warn: Warn };

/** The run's cache session; undefined when the cache is off. */
export function openCache(config: CacheConfig): CacheSession | undefined {
  switch (config.kind) {
    case 'off':
      return undefined;
    case 'folder':
      return new FolderCache(config.store, config.tempDir, config.scope, config.warn, config.info);
    case 'registry':
      return new RegistryCacheSession(config.client, config.ref, config.warn);
  }
}

/**
 * A BuildKit local-cache folder kept in a CacheStore. The restore path must be
 * the same string on every run (@actions/cache versions entries by path). The
 * build exports into the folder it imported from, so BuildKit writes only the
 * blobs it lacks; blobs the new index no longer reaches are deleted before the
 * save, so the saved cache never grows.
 *
 * A builder that reaches this machine (builder-route.ts: the docker driver, a
 * docker-container builder on the host or a bridge network) imports the folder over
 * HTTP instead (layout-server.ts): the same cache, read while it downloads.
 */
export class FolderCache implements CacheSession {
  private readonly dir: string;
  private restored = false;
  /** Serves the folder to the engine; set once a probe showed the engine reaches it. */
  private server?: LayoutServer;
  /** The served import needs `registry.insecure=true` (plain HTTP away from loopback). */
  private insecure = false;
  /** A restore whose layer blobs are still arriving (stores that restore in stages). */
  private staged?: StagedRestore;
  /** Set by close: a probe that ends after it (an image was reused meanwhile) keeps no server. */
  private closed = false;

  constructor(
    private readonly store: CacheStore,
    tempDir: string,
    scope: string,
    private readonly warn: (message: string) => void = () => {},
    private readonly info: (message: string) => void = () => {},
  ) {
    this.dir = path.join(tempDir, 'image-build-cache', scope);
  }

  async restore(keys: CacheKeys): Promise<Restored> {
    await fs.rm(this.dir, { recursive: true, force: true });
    let restoredKey: string | undefined;
    if (this.store.restoreStaged) {
      // The index now, the layer blobs while the build starts: the record and the hit are known already.
      this.staged = await this.store.restoreStaged(this.dir, keys.key, keys.restoreKeys);
      restoredKey = this.staged?.key;
    } else {
      restoredKey = await this.store.restore(this.dir, keys.key, keys.restoreKeys);
    }
    this.restored = restoredKey !== undefined;
    return { hit: hitKind(restoredKey, keys.key), restoredKey, record: restoredKey ? await readRecord(this.dir) : undefined };
  }

  async prepareEngine(env: NodeJS.ProcessEnv, builder: BuilderInfo): Promise<void> {
    if (env.IMAGE_BUILD_SERVE_CACHE === 'false') return;
    const route = await cacheRoute(env, builder).catch(() => undefined);
    const server = route && (await serveLayout(this.dir, route.address).catch(() => undefined));
    if (!route || !server) {
      this.info(`The cache is read from its folder after the whole restore: no address of this machine found for builder "${builder.name}"`);
      return;
    }
    if ((await server.probe(env, route.reach)) && !this.closed) {
      this.server = server;
      this.insecure = route.insecure;
      this.info(`The cache is served over HTTP as it downloads, to ${route.description}`);
    } else {
      await server.close();
      this.info(`The cache is read from its folder after the whole restore: ${route.description} did not reach it`);
    }
  }

  async specs(plan: ExportPlan): Promise<{ from: string[]; to: string[] }> {
    if (this.staged && this.server) {
      const staged = this.staged;
      // The blobs not fetched yet come when the engine asks for them; its export into this folder skips them.
      await staged.standIn?.();
      this.server.awaitBlobs(
        (digest) => staged.waitFor(digest),
        staged.readable && ((digest) => staged.readable!(digest)),
      );
    } else if (this.staged) {
      // A local import reads the folder as it is: every blob in place (or the layout pruned) first.
      this.restored = (await this.staged.finish(true)) !== undefined;
      this.staged = undefined;
    }
    const from = this.server ? `type=registry,ref=${this.server.ref}${this.insecure ? ',registry.insecure=true' : ''}` : `type=local,src=${this.dir}`;
    return {
      from: this.restored ? [from] : [],
      // ignore-error: a cache that cannot be written (a full disk) leaves the build standing; save() sees it.
      to: plan.exportCache ? [`type=local,dest=${this.dir},mode=${plan.mode},ignore-error=true`] : [],
    };
  }

  async afterBuild(succeeded: boolean): Promise<boolean> {
    const staged = this.staged;
    if (!staged) return false;
    this.staged = undefined;
    const lost = await staged.settled;
    if (succeeded || !lost) {
      await staged.finish(false);
      return false;
    }
    // The folder is still the restored one (a failed build exports nothing): prune it, build again.
    this.restored = (await staged.finish(true)) !== undefined;
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.server?.close();
    this.server = undefined;
  }

  async save(plan: ExportPlan, record: CacheRecord, steps: BuildStep[]): Promise<Saved> {
    await this.afterBuild(true); // every pack settled before the folder is read
    // An export that failed (no space left) leaves a folder no restore may trust: it is not saved.
    const exportError = registryCacheExportError(steps);
    try {
      if (exportError) throw new Error(exportError);
      await removeUnreachableBlobs(this.dir);
      await writeRecord(this.dir, record);
    } catch (error) {
      this.warn(`The layer cache was not saved (the image was built): ${messageOf(error)}`);
      await fs.rm(this.dir, { recursive: true, force: true }).catch(() => {});
      return { saved: false, reason: messageOf(error) };
    }
    const bytes = await folderBytes(this.dir);
    if (!plan.write) return { saved: false, bytes };
    const saved = await this.store.save(this.dir, record.key);
    return { saved, bytes, reason: saved ? undefined : this.store.notSavedReason?.() };
  }

  traffic(): CacheTraffic | undefined {
    return this.store.traffic?.();
  }
}

/** A cache image in the registry (`type=registry`), with the record as an artifact beside it. */
export class RegistryCacheSession implements CacheSession {
  private readonly cache: RegistryCache;
  private cacheExists = false;

  constructor(
    client: RegistryClient,
    ref: string,
    private readonly warn: (message: string) => void,
  ) {
    this.cache = new RegistryCache(client, ref, warn);
  }

  async restore(keys: CacheKeys): Promise<Restored> {
    // Nothing is downloaded up front: BuildKit reads the cache image during the build.
    const found = await this.cache.lookup(keys.key);
    this.cacheExists = found.cacheExists;
    return { hit: found.hit, restoredKey: found.hit === 'miss' ? undefined : found.record?.key, record: found.record };
  }

  /** Written only when the image is pushed: a pull request's build reads the cache but does not overwrite it. */
  private writes(plan: ExportPlan): boolean {
    return plan.exportCache && plan.write && plan.push;
  }

  async specs(plan: ExportPlan): Promise<{ from: string[]; to: string[] }> {
    return {
      from: this.cacheExists ? [registryCacheFrom(this.cache.ref)] : [],
      to: this.writes(plan) ? [registryCacheTo(this.cache.ref, plan.mode)] : [],
    };
  }

  async save(plan: ExportPlan, record: CacheRecord, steps: BuildStep[]): Promise<Saved> {
    if (!this.writes(plan)) return { saved: false };
    // BuildKit exports with ignore-error=true: a cache push that failed leaves the build standing,
    // and then no record may claim a cache that is not there.
    const exportError = registryCacheExportError(steps);
    if (exportError) {
      this.warn(`The registry cache ${this.cache.ref} was not saved (the image was): ${exportError}`);
      return { saved: false };
    }
    await this.cache.saveRecord(record);
    return { saved: true, bytes: await this.cache.cacheBytes() };
  }
}
