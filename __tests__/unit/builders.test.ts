// The builder capability check's pure parts: `buildx inspect` output, the engine's
// DriverStatus, and how another context's docker-driver builder is reached.
import { describe, expect, test } from 'vitest';
import { builderContext, endpointFlags, envForContext, parseBuilderInspect, usesContainerdStore } from '../../src/buildx/builder-capabilities.ts';
import { cacheRoute, parseContainerNetwork } from '../../src/cache/builder-route.ts';

const inspect = (name: string, driver: string, endpoint: string) => `Name:          ${name}
Driver:        ${driver}
Last Activity: 2026-11-28 22:28:27 +0000 UTC

Nodes:
Name:             ${name}0
Endpoint:         ${endpoint}
Status:           running
BuildKit version: v0.13.2
Platforms:        linux/amd64
`;

describe('builders', () => {
  test('name, driver and first endpoint from buildx inspect', () => {
    expect(parseBuilderInspect(inspect('default', 'docker', 'default'))).toEqual({ name: 'default', driver: 'docker', endpoint: 'default' });
    expect(parseBuilderInspect(inspect('shared', 'remote', 'tcp://buildkitd:1234'))).toEqual({ name: 'shared', driver: 'remote', endpoint: 'tcp://buildkitd:1234' });
  });

  test('the containerd image store shows in DriverStatus', () => {
    expect(usesContainerdStore([['driver-type', 'io.containerd.snapshotter.v1']])).toBe(true);
    expect(usesContainerdStore([['Backing Filesystem', 'extfs'], ['Supports d_type', 'true']])).toBe(false);
    expect(usesContainerdStore(null)).toBe(false);
  });

  test('a context endpoint is reached with --context, a URL with --host', () => {
    expect(endpointFlags('build-box')).toEqual(['--context', 'build-box']);
    expect(endpointFlags('unix:///run/docker.sock')).toEqual(['--host', 'unix:///run/docker.sock']);
    expect(endpointFlags(undefined)).toEqual([]);
  });

  test('another context’s docker builder is reached by selecting the context; others by --builder', () => {
    expect(builderContext({ name: 'build-box', driver: 'docker', endpoint: 'build-box' }, 'build-box')).toBe('build-box');
    expect(builderContext({ name: 'default', driver: 'docker', endpoint: 'default' }, 'default')).toBeUndefined();
    expect(builderContext({ name: 'shared', driver: 'docker-container', endpoint: 'build-box' }, 'shared')).toBeUndefined();
    expect(builderContext({ name: 'default', driver: 'docker', endpoint: 'default' }, undefined)).toBeUndefined();
  });

  test('selecting a context drops DOCKER_HOST, which would override it', () => {
    const env = envForContext({ DOCKER_HOST: 'unix:///x.sock', DOCKER_TLS_VERIFY: '1', PATH: '/bin' }, 'build-box');
    expect(env).toEqual({ DOCKER_CONTEXT: 'build-box', PATH: '/bin' });
    const same = { DOCKER_HOST: 'unix:///x.sock' };
    expect(envForContext(same, undefined)).toBe(same);
  });
});

describe('the route a builder takes to the served cache', () => {
  test('a docker-container builder names its node, whose container is buildx_buildkit_<node>', () => {
    expect(parseBuilderInspect(inspect('ci', 'docker-container', 'unix:///var/run/docker.sock'))).toEqual({ name: 'ci', driver: 'docker-container', endpoint: 'unix:///var/run/docker.sock', node: 'ci0' });
  });

  test('a docker-container builder made with network=host says so in its driver options: no docker inspect, still a probe', async () => {
    const text = inspect('ci', 'docker-container', 'unix:///var/run/docker.sock').replace('Status:', 'Driver Options:   image="moby/buildkit:buildx-stable-1" network="host"\nStatus:');
    const info = parseBuilderInspect(text);
    expect(info).toEqual({ name: 'ci', driver: 'docker-container', endpoint: 'unix:///var/run/docker.sock', node: 'ci0', network: 'host' });
    // No Docker on PATH here: a `docker inspect` would fail and leave no route.
    const route = await cacheRoute({ PATH: '' }, info);
    expect(route).toMatchObject({ address: '127.0.0.1', insecure: false });
    expect(route?.reach).toBeTypeOf('function');
  });

  test.each([
    ['host ', { mode: 'host' }],
    ['bridge 172.17.0.1 ', { mode: 'bridge', gateway: '172.17.0.1' }],
    ['setup-buildx-net 10.0.9.1 \n', { mode: 'setup-buildx-net', gateway: '10.0.9.1' }],
  ])('docker inspect %j', (text, network) => {
    expect(parseContainerNetwork(text)).toEqual(network);
  });

  test('the docker driver is served on 127.0.0.1 and checked by the engine itself', async () => {
    const route = await cacheRoute({}, { name: 'default', driver: 'docker' });
    expect(route).toMatchObject({ address: '127.0.0.1', insecure: false });
    expect(route?.reach).toBeUndefined();
  });
});
