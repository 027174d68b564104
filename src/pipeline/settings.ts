/**
 * The pipeline's settings, resolved once from what an entry point read (the action's
 * inputs, the CLI's flags) into the groups the phases use (types.ts). Both entry points
 * call resolveSettings, so a default or a rule between two inputs lives here only.
 */
import type { Credentials } from '../buildx/credentials.ts';
import type { CacheStore } from '../cache/index.ts';
import type { CacheMode } from '../inputs/action-inputs.ts';
import type { BuildOptions } from '../inputs/build-inputs.ts';
import type { CacheSettings, PipelineSettings } from './types.ts';

/** What an entry point hands over, as it read it. */
export interface SettingsRequest {
  context: string;
  file: string;
  workspace: string;
  build: BuildOptions;
  tags: string[];
  labels: Record<string, string>;
  annotations?: string[];
  push: boolean;
  skipUnchanged: boolean;
  reuseMode?: 'relabel' | 'same-digest';
  lookupRefs: string[];
  cache: CacheMode;
  cacheMode: 'min' | 'max';
  cacheKeyPrefix: string;
  cacheScope: string;
  /** The store of a folder cache. */
  store?: CacheStore;
  /** `cache-backend: registry`: BuildKit's registry cache at this tagged reference, with our record beside it (`<tag>-record`). */
  registryCacheRef?: string;
  /** The `builder` input as given: a name, `current`, or nothing. */
  builder?: string;
  /** With no `builder` given, image-build may make its own where the current builder cannot export a cache (the action). */
  mayMakeOwnBuilder?: boolean;
  onOwnBuilder?: (name: string) => void;
  dryRun: boolean;
  logins: Credentials;
  tempDir: string;
  secretsDir?: string;
  env: NodeJS.ProcessEnv;
}

export function resolveSettings(request: SettingsRequest): PipelineSettings {
  return {
    source: { context: request.context, file: request.file, workspace: request.workspace },
    build: request.build,
    image: {
      tags: request.tags,
      labels: request.labels,
      annotations: request.annotations ?? [],
      push: request.push,
      skipUnchanged: request.skipUnchanged,
      reuseMode: request.reuseMode ?? 'relabel',
      lookupRefs: request.lookupRefs,
    },
    cache: cacheSettings(request),
    host: {
      env: request.env,
      tempDir: request.tempDir,
      secretsDir: request.secretsDir,
      logins: request.logins,
      // `builder: current` keeps the current builder even when it cannot export a cache.
      builder: request.builder === 'current' ? undefined : request.builder,
      ownBuilder: !!request.mayMakeOwnBuilder && !request.builder,
      onOwnBuilder: request.onOwnBuilder,
    },
    dryRun: request.dryRun,
  };
}

function cacheSettings(request: SettingsRequest): CacheSettings {
  const common = { mode: request.cache, exportMode: request.cacheMode, keyPrefix: request.cacheKeyPrefix, scope: request.cacheScope };
  if (request.cache === 'false') return { ...common, kind: 'off' };
  if (request.registryCacheRef) return { ...common, kind: 'registry', ref: request.registryCacheRef };
  return request.store ? { ...common, kind: 'folder', store: request.store } : { ...common, kind: 'off' };
}
