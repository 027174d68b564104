// The engine's word on which registries may go without TLS: daemon.json's
// `insecure-registries`, as `docker info` reports them (host entries in `IndexConfigs`
// with `Secure: false`, address ranges in `InsecureRegistryCIDRs`, which always hold
// 127.0.0.0/8 and ::1). image-build's registry client follows it, so that a registry the
// engine pushes to in plain HTTP is one image-build reaches too.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import type { InsecureRegistryCheck } from '../registry/schemes.ts';
import { hostnameOf } from '../registry/schemes.ts';
import { docker } from './docker.ts';

export interface EngineRegistryConfig {
  IndexConfigs?: Record<string, { Secure?: boolean } | undefined>;
  InsecureRegistryCIDRs?: string[] | null;
}

/**
 * Docker's rule: a registry named in `IndexConfigs` is what its `Secure` says; any other
 * is insecure when one of the addresses its host resolves to (or the host itself, when it
 * is an address) lies in one of `InsecureRegistryCIDRs`.
 */
export function isInsecureRegistry(config: EngineRegistryConfig, host: string, addresses: string[]): boolean {
  const named = config.IndexConfigs?.[host];
  if (named) return named.Secure === false;
  const ranges = new BlockList();
  for (const cidr of config.InsecureRegistryCIDRs ?? []) {
    const [network = '', bits = ''] = cidr.split('/');
    const family = isIP(network);
    if (family && /^\d+$/.test(bits)) ranges.addSubnet(network, Number(bits), family === 4 ? 'ipv4' : 'ipv6');
  }
  return addresses.some((address) => isIP(address) !== 0 && ranges.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6'));
}

/** The addresses `host` resolves to; an address stands for itself, an unknown name for none. */
async function addressesOf(host: string): Promise<string[]> {
  const name = hostnameOf(host);
  if (isIP(name)) return [name];
  try {
    return (await lookup(name, { all: true })).map((entry) => entry.address);
  } catch {
    return [];
  }
}

/**
 * A check for the registry client, reading the engine's registry config the first time a
 * registry needs it (one `docker info` per run at most). An engine that does not answer
 * lists nothing: every registry other than loopback stays on HTTPS.
 */
export function engineInsecureRegistries(env: NodeJS.ProcessEnv): InsecureRegistryCheck {
  let config: Promise<EngineRegistryConfig | undefined> | undefined;
  return async (host) => {
    config ??= docker(['info', '--format', '{{json .RegistryConfig}}'], { env }).then(
      (run) => (run.code === 0 ? (JSON.parse(run.stdout) as EngineRegistryConfig | null) ?? undefined : undefined),
      () => undefined,
    );
    const known = await config.catch(() => undefined);
    return known ? isInsecureRegistry(known, host, await addressesOf(host)) : false;
  };
}
