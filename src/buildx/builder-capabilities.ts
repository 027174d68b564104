/**
 * What the chosen Buildx builder can do, checked before the build: any driver
 * (docker, docker-container, remote, kubernetes) may build, but only some can
 * export a build cache. The `docker` driver can only when its engine keeps
 * images in containerd (the containerd image store); a classic engine
 * (graphdriver) cannot, and `--cache-to` would fail the build. Such a builder
 * builds without exporting a cache, after one notice that says why.
 *
 * A Docker context is a builder too (driver docker, named after the context),
 * but Buildx takes `--builder <context>` only for the current context: such a
 * builder is reached by selecting its context (DOCKER_CONTEXT) instead.
 */
import { docker } from './docker.ts';

export interface BuilderInfo {
  /** The builder's name as Buildx reports it (`default`, a context name, a created builder). */
  name: string;
  driver: string;
  /** The first node's endpoint: a Docker context name or a URL (`unix://…`, `tcp://…`). */
  endpoint?: string;
  /** The first node's name: a docker-container builder runs it as container `buildx_buildkit_<node>`. */
  node?: string;
  /** A docker-container node's `network` driver option (`host` as setup-buildx-action's `driver-opts: network=host` sets it). */
  network?: string;
}

export interface BuilderCapabilities extends BuilderInfo {
  cacheExport: boolean;
  /** image-build's own builder (own-builder.ts), made because the current one cannot export a cache. */
  own?: boolean;
  /** Why the cache cannot be exported, for the notice. */
  reason?: string;
  /** Set when the builder is another Docker context's docker driver: build in that context, without `--builder`. */
  context?: string;
}

/** Name, driver, first endpoint and node from `docker buildx inspect [name]`. */
export function parseBuilderInspect(text: string): BuilderInfo {
  const [header, nodes = ''] = text.split(/^Nodes:/m);
  const info: BuilderInfo = {
    name: /^Name:\s*(\S+)/m.exec(header!)?.[1] ?? 'default',
    driver: /^Driver:\s*(\S+)/m.exec(header!)?.[1] ?? 'unknown',
    endpoint: /^Endpoint:\s*(\S+)/m.exec(nodes)?.[1],
  };
  const node = /^Name:\s*(\S+)/m.exec(nodes)?.[1];
  if (!node || info.driver !== 'docker-container') return info;
  // Saves a `docker inspect` of the container where the builder was made with its network named.
  const network = /^Driver Options:.*\bnetwork="([^"]+)"/m.exec(nodes)?.[1];
  return { ...info, node, ...(network ? { network } : {}) };
}

/**
 * Whether an engine with this `docker info` DriverStatus keeps images in
 * containerd: its status names the containerd snapshotter then
 * (`["driver-type", "io.containerd.snapshotter.v1"]`).
 */
export function usesContainerdStore(driverStatus: unknown): boolean {
  if (!Array.isArray(driverStatus)) return false;
  return driverStatus.some((entry) => Array.isArray(entry) && entry.some((value) => value === 'io.containerd.snapshotter.v1'));
}

/** The Docker CLI flags that reach a docker-driver endpoint: a context by name, or a daemon by URL. */
export function endpointFlags(endpoint: string | undefined): string[] {
  if (!endpoint) return [];
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? ['--host', endpoint] : ['--context', endpoint];
}

/**
 * The Docker context to build in when `requested` names a context's own builder
 * (driver docker, endpoint = the name). `default` stays as it is: with DOCKER_HOST
 * set, it is the engine DOCKER_HOST names.
 */
export function builderContext(info: BuilderInfo, requested: string | undefined): string | undefined {
  if (!requested || requested === 'default' || info.driver !== 'docker') return undefined;
  return info.endpoint === requested ? requested : undefined;
}

/** The environment that selects `context` (DOCKER_HOST would override it, so it goes). */
export function envForContext(env: NodeJS.ProcessEnv, context: string | undefined): NodeJS.ProcessEnv {
  if (!context) return env;
  const selected: NodeJS.ProcessEnv = { ...env, DOCKER_CONTEXT: context };
  for (const name of ['DOCKER_HOST', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH']) delete selected[name];
  return selected;
}

export function cannotExportReason(info: BuilderInfo): string {
  return (
    `builder "${info.name}" (driver docker, engine ${info.endpoint ?? 'default'}) cannot export a build cache: ` +
    'its Docker Engine does not use the containerd image store'
  );
}

/** The builder `buildx inspect` printed, with the Docker context to build in (see builderContext). */
export function describeBuilder(inspectOutput: string, requested: string | undefined): BuilderInfo & { context?: string } {
  const parsed = parseBuilderInspect(inspectOutput);
  return { ...parsed, context: builderContext(parsed, requested) };
}

/**
 * What the builder `describeBuilder` described can do. A check that cannot be
 * made (an engine that does not answer `info`) counts as "can export": the
 * build then says for itself what it cannot do.
 */
export async function builderCapabilities(env: NodeJS.ProcessEnv, info: BuilderInfo & { context?: string }): Promise<BuilderCapabilities> {
  if (info.driver !== 'docker') return { ...info, cacheExport: true };
  const engine = await docker([...endpointFlags(info.endpoint), 'info', '--format', '{{json .DriverStatus}}'], { env });
  if (engine.code !== 0) return { ...info, cacheExport: true };
  let status: unknown;
  try {
    status = JSON.parse(engine.stdout.trim() || 'null');
  } catch {
    return { ...info, cacheExport: true };
  }
  if (usesContainerdStore(status)) return { ...info, cacheExport: true };
  return { ...info, cacheExport: false, reason: cannotExportReason(info) };
}
