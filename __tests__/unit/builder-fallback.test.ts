// A builder that cannot export a cache (the docker driver on a classic engine): the cache
// goes inline in the pushed image, a cache-to it cannot export is left out, and the run
// says how the cache travelled and why nothing was saved.
import { describe, expect, it } from 'vitest';
import type { BuilderCapabilities } from '../../src/buildx/builder-capabilities.ts';
import { cannotExportReason } from '../../src/buildx/builder-capabilities.ts';
import { exportableCacheFlags, inlineCachePlan } from '../../src/cache/builder-fallback.ts';
import { builderText, cacheTravel, notSavedReason } from '../../src/pipeline/cache-outcome.ts';

const classic: BuilderCapabilities = { name: 'default', driver: 'docker', cacheExport: false, reason: cannotExportReason({ name: 'default', driver: 'docker' }) };
const container: BuilderCapabilities = { name: 'builder-1', driver: 'docker-container', cacheExport: true };

describe('the inline cache plan', () => {
  it('a push exports inline and reads back the images that exist', () => {
    const plan = inlineCachePlan({ builder: classic, push: true, write: true, existing: ['r/app:main'], registryBackend: false });
    expect(plan).toMatchObject({ from: ['type=registry,ref=r/app:main'], to: ['type=inline'], saves: true });
    expect(plan.warning).toMatch(/^builder "default" \(driver docker, engine default\) cannot export a build cache: .*: the cache goes inline in the pushed image \(final stage only\), and reads it from r\/app:main\. .*docker\/setup-buildx-action/);
  });

  it.each([
    ['no push', false, true],
    ['read-only', true, false],
  ])('%s: reads, saves nothing, and says why', (_, push, write) => {
    const plan = inlineCachePlan({ builder: classic, push, write, existing: [], registryBackend: false });
    expect(plan).toMatchObject({ from: [], to: [], saves: false });
    expect(plan.warning).toMatch(/an inline cache needs a pushed image, so this build saves no cache/);
  });

  it('cache-backend: registry is named as not writable either', () => {
    expect(inlineCachePlan({ builder: classic, push: true, write: true, existing: [], registryBackend: true }).warning).toContain('the cache image of cache-backend: registry cannot be written by it either');
  });
});

describe("the user's cache-to on a builder that cannot export", () => {
  const flags = ['--build-arg', 'A=1', '--cache-to', 'type=local,dest=/c', '--cache-to', 'type=inline', '--cache-to', 'type=registry,ref=r/c'];

  it('keeps inline, leaves the others out', () => {
    expect(exportableCacheFlags(flags, classic)).toEqual({ flags: ['--build-arg', 'A=1', '--cache-to', 'type=inline'], dropped: ['type=local,dest=/c', 'type=registry,ref=r/c'] });
  });

  it('a builder that can export keeps every one', () => {
    expect(exportableCacheFlags(flags, container)).toEqual({ flags, dropped: [] });
  });
});

describe('the cache outcome in words', () => {
  it('names the builder and its image store', () => {
    expect(builderText(classic)).toBe('default (docker driver, classic image store)');
    expect(builderText({ ...classic, cacheExport: true })).toBe('default (docker driver, containerd image store)');
    expect(builderText(container)).toBe('builder-1 (docker-container driver)');
  });

  it.each([
    [['type=registry,ref=127.0.0.1:41234/image-build-cache-0a1b:latest'], false, 'served over HTTP while it downloads'],
    [['type=registry,ref=172.30.255.1:41234/image-build-cache-0a1b:latest,registry.insecure=true'], false, 'served over HTTP while it downloads'],
    [['type=local,src=/tmp/c'], false, 'a local folder, read after the whole restore'],
    [[], true, 'a cache image in the registry'],
  ])('%j travels as %s', (from, registry, text) => {
    expect(cacheTravel(from, undefined, registry)).toBe(text);
  });

  it.each([
    [{ kind: 'off' as const, mode: 'false' as const }, 'miss', true, 'the cache is off (cache: false)'],
    [{ kind: 'folder' as const, mode: 'read-only' as const }, 'miss', true, 'the cache is read-only (cache: read-only)'],
    [{ kind: 'folder' as const, mode: 'true' as const }, 'exact', false, 'the cache holds this build already (exact hit)'],
    [{ kind: 'folder' as const, mode: 'true' as const }, 'miss', true, 'the save did not complete (see the warning above)'],
  ])('not saved with %j, a %s hit: %s', (cache, hit, exportCache, reason) => {
    const plan = { exportCache, write: cache.mode === 'true', push: true, mode: 'max' as const };
    expect(notSavedReason({ cache, push: true, result: { cacheHit: hit, built: true }, plan })).toBe(reason);
  });
});
