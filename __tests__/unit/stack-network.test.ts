// The addresses of a stack by its port base (scripts/stack/lib.sh: stack_network), so
// that stacks of several clones run side by side: base 15000 keeps the original names
// and subnets, every other base gets ports, bridges and pools no other base shares.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const lib = path.resolve(import.meta.dirname, '../../scripts/stack/lib.sh');
const FIELDS = ['OPEN_PORT', 'AUTH_PORT', 'CACHE_PORT', 'BRIDGE', 'BRIDGE_IP', 'POOL', 'REMOTE_BRIDGE', 'REMOTE_BRIDGE_IP', 'REMOTE_POOL'] as const;

function network(base: string): { code: number | null; values: Record<string, string>; stderr: string } {
  const script = `SAY_AS=stack; . "$1"; stack_network "$2"; ${FIELDS.map((field) => `echo "${field}=$${field}"`).join('; ')}`;
  const result = spawnSync('bash', ['-c', script, 'bash', lib, base], { encoding: 'utf8' });
  const values = Object.fromEntries(result.stdout.split('\n').filter(Boolean).map((line) => line.split('=') as [string, string]));
  return { code: result.status, values, stderr: result.stderr };
}

/** 172.31.16.0/20 → [first, last] as 32-bit numbers. */
function range(cidr: string): [number, number] {
  const [ip, bits] = cidr.split('/') as [string, string];
  const start = ip.split('.').reduce((sum, octet) => sum * 256 + Number(octet), 0);
  return [start, start + 2 ** (32 - Number(bits)) - 1];
}
const inRange = (ip: string, cidr: string) => {
  const [value] = range(`${ip}/32`);
  const [first, last] = range(cidr);
  return value >= first && value <= last;
};

describe('stack_network', () => {
  it.each([
    ['15000', { OPEN_PORT: '15000', AUTH_PORT: '15001', CACHE_PORT: '15002', BRIDGE: 'ibstack0', BRIDGE_IP: '172.30.255.1', POOL: '172.30.0.0/16', REMOTE_BRIDGE: 'ibremote0', REMOTE_BRIDGE_IP: '172.29.255.1', REMOTE_POOL: '172.29.0.0/16' }],
    ['16000', { OPEN_PORT: '16000', AUTH_PORT: '16001', CACHE_PORT: '16002', BRIDGE: 'ibstack1', BRIDGE_IP: '172.31.15.1', POOL: '172.31.0.0/20', REMOTE_BRIDGE: 'ibremote1', REMOTE_BRIDGE_IP: '172.31.31.1', REMOTE_POOL: '172.31.16.0/20' }],
    ['23000', { OPEN_PORT: '23000', AUTH_PORT: '23001', CACHE_PORT: '23002', BRIDGE: 'ibstack8', BRIDGE_IP: '172.31.239.1', POOL: '172.31.224.0/20', REMOTE_BRIDGE: 'ibremote8', REMOTE_BRIDGE_IP: '172.31.255.1', REMOTE_POOL: '172.31.240.0/20' }],
  ])('port base %s', (base, expected) => {
    const { code, values } = network(base);
    expect(code).toBe(0);
    expect(values).toEqual(expected);
  });

  it('gives every base bridges and pools of its own, each bridge inside its pool, none routed beyond 172.29-172.31', () => {
    const all = ['15000', '16000', '17000', '18000', '19000', '20000', '21000', '22000', '23000'].map((base) => network(base).values);
    const pools = all.flatMap((values) => [values.POOL!, values.REMOTE_POOL!]);
    for (const [i, a] of pools.entries()) {
      for (const b of pools.slice(i + 1)) {
        const [a1, a2] = range(a);
        const [b1, b2] = range(b);
        expect(a2 < b1 || b2 < a1, `${a} overlaps ${b}`).toBe(true);
      }
      const [first, last] = range(a);
      expect(first >= range('172.29.0.0/16')[0] && last <= range('172.31.0.0/16')[1], `${a} outside 172.29.0.0-172.31.255.255`).toBe(true);
    }
    for (const values of all) {
      expect(inRange(values.BRIDGE_IP!, values.POOL!)).toBe(true);
      expect(inRange(values.REMOTE_BRIDGE_IP!, values.REMOTE_POOL!)).toBe(true);
    }
    expect(new Set(all.flatMap((values) => [values.BRIDGE, values.REMOTE_BRIDGE])).size).toBe(all.length * 2);
  });

  it.each(['15500', '14000', '24000', 'abc', ''])('refuses port base %j with one message naming the variable', (base) => {
    const { code, stderr } = network(base);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/IMAGE_BUILD_STACK_PORT_BASE must be/);
  });
});
