/**
 * Where a builder can reach the restored cache that this machine serves over HTTP
 * (layout-server.ts), and how to check that it does:
 *
 * - the `docker` driver: BuildKit inside this machine's dockerd, on 127.0.0.1; the check
 *   is a `docker pull` of a unique name;
 * - a `docker-container` builder (docker/setup-buildx-action's): on the host network,
 *   127.0.0.1 too; on a bridge network (setup-buildx-action's default), the bridge's
 *   gateway, an address of this machine the container reaches, with
 *   `registry.insecure=true` on the import (the server speaks plain HTTP); the check is
 *   a tiny build on that builder whose cache import asks the server for a unique name;
 * - `remote` and `kubernetes` builders: 127.0.0.1, checked the same way (a builder on
 *   another machine never reaches it, and the build reads the folder instead).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { endpointFlags, type BuilderInfo } from '../buildx/builder-capabilities.ts';
import { docker } from '../buildx/docker.ts';

export interface CacheRoute {
  /** The address the server listens on, and the builder fetches from. */
  address: string;
  /** The import needs `registry.insecure=true` (plain HTTP on an address other than loopback). */
  insecure: boolean;
  /** Makes the builder fetch `ref`; undefined: the engine's own `docker pull`. */
  reach?: (ref: string) => Promise<unknown>;
  /** How the route reads in the log. */
  description: string;
}

export const LOOPBACK = '127.0.0.1';

/** The network mode and gateway of a docker-container builder's container, as `docker inspect` prints them. */
export function parseContainerNetwork(text: string): { mode: string; gateway?: string } {
  const [mode = '', gateway = ''] = text.trim().split(/\s+/);
  return { mode, ...(gateway ? { gateway } : {}) };
}

export async function cacheRoute(env: NodeJS.ProcessEnv, builder: BuilderInfo): Promise<CacheRoute | undefined> {
  if (builder.driver === 'docker') return { address: LOOPBACK, insecure: false, description: `builder "${builder.name}" (docker driver) on ${LOOPBACK}` };
  const reach = (insecure: boolean) => (ref: string) => probeBuild(env, builder.name, `type=registry,ref=${ref}${insecure ? ',registry.insecure=true' : ''}`);
  const hostNetwork = (): CacheRoute => ({ address: LOOPBACK, insecure: false, reach: reach(false), description: `builder "${builder.name}" (docker-container, host network) on ${LOOPBACK}` });
  if (builder.driver === 'docker-container' && builder.network === 'host') return hostNetwork();
  if (builder.driver === 'docker-container' && builder.node) {
    const inspected = await docker([...endpointFlags(builder.endpoint), 'inspect', '--format', '{{.HostConfig.NetworkMode}} {{range .NetworkSettings.Networks}}{{.Gateway}} {{end}}', `buildx_buildkit_${builder.node}`], { env });
    if (inspected.code !== 0) return undefined;
    const network = parseContainerNetwork(inspected.stdout);
    if (network.mode !== 'host' && network.gateway) {
      return { address: network.gateway, insecure: true, reach: reach(true), description: `builder "${builder.name}" (docker-container, ${network.mode} network) at its gateway ${network.gateway}` };
    }
    if (network.mode !== 'host') return undefined;
    return hostNetwork();
  }
  return { address: LOOPBACK, insecure: false, reach: reach(false), description: `builder "${builder.name}" (${builder.driver} driver) on ${LOOPBACK}` };
}

/** A build of one small file whose only use is the cache import it starts (`type=cacheonly`: nothing is exported). */
async function probeBuild(env: NodeJS.ProcessEnv, builder: string, cacheFrom: string): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'image-build-probe-'));
  try {
    await fs.writeFile(path.join(dir, 'probe'), 'probe\n');
    await fs.writeFile(path.join(dir, 'Dockerfile'), 'FROM scratch\nCOPY probe /probe\n');
    await docker(['buildx', 'build', '--builder', builder, '--progress', 'quiet', '--cache-from', cacheFrom, '--output', 'type=cacheonly', dir], { env });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
