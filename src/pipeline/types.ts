/**
 * What the pipeline is given and what it gives back. The settings come in groups, each
 * handed to the phase or helper that uses it: the source (what is built), the build
 * inputs, the image (its names and metadata, what is pushed, where an equal image may
 * be), the cache (off, a folder and its store, or a registry reference) and the host
 * (environment, folders, logins, builder). resolveSettings (settings.ts) makes them.
 */
import type { BuildStep } from '../buildx/build-command.ts';
import type { CheckFinding } from '../buildx/build-checks.ts';
import type { Credentials } from '../buildx/credentials.ts';
import type { DockerfileModel } from '../buildx/dockerfile.ts';
import type { CacheHit, CacheStore, CacheTraffic } from '../cache/index.ts';
import type { CacheMode } from '../inputs/action-inputs.ts';
import type { BuildOptions } from '../inputs/build-inputs.ts';
import type { ContextManifest, ManifestDiff } from '../context/manifest.ts';
import type { ImageLayer } from './promoter.ts';

/** Why a partial hit missed: the context files that differ from the restored entry's, and the Dockerfile. */
export interface MissExplanation extends ManifestDiff {
  dockerfileChanged: boolean;
  /** The restored entry's platforms, when they differ from this build's (a matrix job's entry, say). */
  restoredPlatforms?: string[];
}

/** What is built: the context folder and the Dockerfile. */
export interface SourceSettings {
  context: string;
  file: string;
  /** Paths in messages and annotations are shown relative to this folder. */
  workspace: string;
}

/** The image: its names and metadata, whether it is pushed, and where an equal one may be. */
export interface ImageSettings {
  /** Full image references to produce. */
  tags: string[];
  labels: Record<string, string>;
  /** metadata-action's `level:key=value` annotations for the pushed manifest/index. */
  annotations: string[];
  /** The tags are pushed (with `outputs`, only when an image output pushes them). */
  push: boolean;
  /** An image of this fingerprint already in a registry stands in for the build. */
  skipUnchanged: boolean;
  /** `relabel` gives a reused image this run's labels and annotations; `same-digest` keeps it as built. */
  reuseMode: 'relabel' | 'same-digest';
  /** Extra references that may hold an image of this fingerprint (the commit's sha tag, the default branch's tag). */
  lookupRefs: string[];
}

interface CacheCommon {
  /** `true` reads and writes, `read-only` only reads; `false` is the `off` kind. */
  mode: CacheMode;
  /** BuildKit's cache export mode. */
  exportMode: 'min' | 'max';
  keyPrefix: string;
  scope: string;
}

/** The layer cache: off, a folder restored from and saved to a store, or BuildKit's registry cache at a reference. */
export type CacheSettings =
  | (CacheCommon & { kind: 'off' })
  | (CacheCommon & { kind: 'folder'; store: CacheStore })
  | (CacheCommon & { kind: 'registry'; ref: string });

/** Where the pipeline runs: the environment, its folders, the logins and the builder. */
export interface HostSettings {
  env: NodeJS.ProcessEnv;
  /** A folder that lives for the step (RUNNER_TEMP); the cache path under it must be the same on every run. */
  tempDir: string;
  /**
   * A private folder for a Docker config holding `logins`, removed when the
   * step ends; undefined keeps the user's own Docker config (the CLI).
   */
  secretsDir?: string;
  /** Per-registry credentials (the step's logins over the job's Docker config). */
  logins: Credentials;
  /** The Buildx builder named; undefined: the current one. */
  builder?: string;
  /** When the current builder cannot export a cache, image-build may make its own (own-builder.ts). */
  ownBuilder: boolean;
  /** Hears of a builder image-build made, for the post step to remove. */
  onOwnBuilder?: (name: string) => void;
}

export interface PipelineSettings {
  source: SourceSettings;
  /** Every build input of the table (src/inputs/build-inputs.ts), read and checked. */
  build: BuildOptions;
  image: ImageSettings;
  cache: CacheSettings;
  host: HostSettings;
  dryRun: boolean;
}

export interface Timings {
  hash: number;
  lookup: number;
  restore: number;
  build: number;
  save: number;
  total: number;
}

export interface PipelineResult {
  dockerfile: DockerfileModel;
  manifest: ContextManifest;
  contextHash: string;
  dockerfileHash: string;
  fingerprint?: string;
  cacheKey: string;
  restoreKeys: string[];
  cacheHit: CacheHit;
  restoredKey?: string;
  cacheBytes?: number;
  /** Bytes and requests to and from the cache service, when the store counts them. */
  cacheTraffic?: CacheTraffic;
  cacheSaved: boolean;
  /** How the cache reached the build (and left it): served, local, registry, inline. */
  cacheTravel?: string;
  /** Why a build saved no cache, when it saved none. */
  cacheNotSaved?: string;
  /** The builder that built, in words (name, driver, image store). */
  builder?: string;
  built: boolean;
  /** The reference an unchanged build's image was found under. */
  reusedFrom?: string;
  /** Of the tags a reused image was given, those that pointed at it already. */
  alreadyTagged?: string[];
  /** The platforms asked for (none: the builder's own). */
  platforms?: string[];
  digest?: string;
  imageId?: string;
  /** Buildx's metadata file of the build (build-push-action's `metadata` output); none when nothing was built. */
  buildxMetadata?: Record<string, unknown>;
  steps: BuildStep[];
  /** The pushed image's layers, bottom first. */
  layers?: ImageLayer[];
  changes?: MissExplanation;
  /** BuildKit build-check findings (`call: check`, or warnings the build reported). */
  checks?: CheckFinding[];
  /** Requests sent to registries (lookups, retags), for the summary. */
  registryRequests: number;
  /** Blobs a reused image needed copied to another registry (none within one registry). */
  copiedBlobs?: { blobs: number; bytes: number };
  timings: Timings;
}
