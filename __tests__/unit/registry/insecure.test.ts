// Registries the engine trusts as insecure: HTTPS first, plain HTTP once the server shows
// it speaks only that and the engine's registry config allows it. The servers are real
// plain-HTTP servers on an address of this machine other than loopback.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { afterEach, describe, expect, test } from 'vitest';
import { isInsecureRegistry } from '../../../src/buildx/engine-registries.ts';
import { RegistryClient } from '../../../src/registry/client.ts';

const DIGEST = `sha256:${'2'.repeat(64)}`;

/** An IPv4 address of this machine that is not loopback (a bridge's, an interface's). */
const LOCAL_ADDRESS = Object.values(os.networkInterfaces()).flat().find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A plain-HTTP registry that knows one manifest; `challenge` makes its /v2/ ask for a Bearer token. */
async function plainRegistry(host: string, handler?: http.RequestListener): Promise<{ host: string; requests: string[] }> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    if (handler) return handler(request, response);
    if (request.url === '/v2/') return response.writeHead(200).end('{}');
    response.writeHead(200, { 'docker-content-digest': DIGEST, 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'content-length': '2' }).end();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { host: `${host}:${(server.address() as AddressInfo).port}`, requests };
}

function client(asked: string[], answer: boolean, log: string[] = []) {
  return new RegistryClient({
    retries: 0,
    log: (line) => log.push(line),
    insecure: async (host) => {
      asked.push(host);
      return answer;
    },
  });
}

describe('the engine says which registries may go without TLS', () => {
  const config = {
    IndexConfigs: { 'docker.io': { Secure: true }, 'registry.lan:5000': { Secure: false }, '10.1.2.3:5000': { Secure: true } },
    InsecureRegistryCIDRs: ['127.0.0.0/8', '::1/128', '10.0.0.0/8', 'fd00::/8'],
  };

  test('a registry named in the engine config is what its Secure says, whatever its address', () => {
    expect(isInsecureRegistry(config, 'registry.lan:5000', [])).toBe(true);
    expect(isInsecureRegistry(config, 'docker.io', ['10.9.9.9'])).toBe(false);
    expect(isInsecureRegistry(config, '10.1.2.3:5000', ['10.1.2.3'])).toBe(false);
  });

  test('any other registry is insecure when an address of its host lies in an insecure range', () => {
    expect(isInsecureRegistry(config, '10.4.5.6:5000', ['10.4.5.6'])).toBe(true);
    expect(isInsecureRegistry(config, 'builds.lan', ['192.168.1.2', '10.0.0.7'])).toBe(true);
    expect(isInsecureRegistry(config, '[fd12::1]:5000', ['fd12::1'])).toBe(true);
    expect(isInsecureRegistry(config, 'registry.lan:5001', ['192.168.1.2'])).toBe(false);
    expect(isInsecureRegistry(config, 'unknown.lan', [])).toBe(false);
    expect(isInsecureRegistry({ InsecureRegistryCIDRs: null }, '10.4.5.6:5000', ['10.4.5.6'])).toBe(false);
  });
});

describe.skipIf(!LOCAL_ADDRESS)(`a plain-HTTP registry on ${LOCAL_ADDRESS ?? 'an address other than loopback (none here)'}`, () => {
  test('is tried in HTTPS, then spoken to in plain HTTP for the rest of the run, the engine asked once', async () => {
    const registry = await plainRegistry(LOCAL_ADDRESS!);
    const asked: string[] = [];
    const log: string[] = [];
    const registryClient = client(asked, true, log);
    expect((await registryClient.headManifest(`${registry.host}/org/app:1`))?.digest).toBe(DIGEST);
    expect((await registryClient.headManifest(`${registry.host}/org/app:2`))?.digest).toBe(DIGEST);
    expect(asked).toEqual([registry.host]);
    // The HTTPS attempt reached the server as an unreadable request; then the ping and both HEADs in HTTP.
    expect(registry.requests.filter((line) => line.startsWith('HEAD'))).toEqual(['HEAD /v2/org/app/manifests/1', 'HEAD /v2/org/app/manifests/2']);
    expect(log.join('\n')).toContain(`registry ${registry.host} does not speak HTTPS, and the engine lists it as insecure`);
  });

  test('stays refused when the engine does not list it, with what to do', async () => {
    const registry = await plainRegistry(LOCAL_ADDRESS!);
    const asked: string[] = [];
    const error = await client(asked, false).headManifest(`${registry.host}/org/app:1`).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^TLS to registry \S+ failed: the server speaks plain HTTP \(an insecure registry: list it in the engine's insecure-registries to use it without TLS\)$/);
    expect(asked).toEqual([registry.host]);
    expect(registry.requests.some((line) => line.startsWith('HEAD'))).toBe(false);
  });

  test('a failure that is not plain HTTP asks the engine nothing', async () => {
    const gone = await plainRegistry(LOCAL_ADDRESS!);
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const asked: string[] = [];
    const error = await client(asked, true).headManifest(`${gone.host}/org/app:1`).catch((caught: Error) => caught);
    expect((error as Error).message).toMatch(/connection refused/);
    expect(asked).toEqual([]);
  });

  test('a registry on loopback is plain HTTP from the start, the engine never asked', async () => {
    const registry = await plainRegistry('127.0.0.1');
    const asked: string[] = [];
    expect((await client(asked, true).headManifest(`${registry.host}/org/app:1`))?.digest).toBe(DIGEST);
    expect(asked).toEqual([]);
  });

  test('a plain-HTTP token service is used only where the engine lists its host as insecure', async () => {
    const tokens = await plainRegistry(LOCAL_ADDRESS!, (_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"token":"t"}'));
    const registry = await plainRegistry('127.0.0.1', (request, response) => {
      if (request.headers.authorization !== 'Bearer t') return response.writeHead(401, { 'www-authenticate': `Bearer realm="http://${tokens.host}/token",service="reg"` }).end();
      response.writeHead(200, { 'docker-content-digest': DIGEST, 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'content-length': '2' }).end();
    });
    const refusedBy: string[] = [];
    const refused = await client(refusedBy, false).headManifest(`${registry.host}/org/app:1`).catch((caught: Error) => caught);
    expect((refused as Error).message).toMatch(/refusing anything but https for a host that is neither loopback nor an insecure registry of the engine/);
    expect(refusedBy).toEqual([tokens.host]);
    expect(tokens.requests).toEqual([]);

    const allowedBy: string[] = [];
    expect((await client(allowedBy, true).headManifest(`${registry.host}/org/app:1`))?.digest).toBe(DIGEST);
    expect(allowedBy).toEqual([tokens.host]);
    expect(tokens.requests).toHaveLength(1);
  });
});
