// Shared set-up for the registry client's nock tests.
import nock from 'nock';
import { afterEach, beforeEach } from 'vitest';
import { RegistryClient, type RegistryClientOptions } from '../../../src/registry/client.ts';

/** An https registry (not loopback) and its token service. */
export const REGISTRY = 'registry.test';
export const REGISTRY_URL = 'https://registry.test';
export const AUTH_URL = 'https://auth.test';
/** A loopback registry: spoken to over plain http. */
export const LOCAL_REGISTRY = '127.0.0.1:5000';
export const LOCAL_URL = 'http://127.0.0.1:5000';

export const USER = 'ci-user';
export const PASSWORD = 's3cret-Passw0rd';
export const BASIC = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

export const BEARER_CHALLENGE = `Bearer realm="${AUTH_URL}/token",service="registry.test"`;

/** Fails the test on any request nock was not told about, and checks all were made. */
export function useNock(): void {
  beforeEach(() => {
    nock.disableNetConnect();
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    nock.enableNetConnect();
    if (pending.length > 0) throw new Error(`requests not made: ${pending.join(', ')}`);
  });
}

/** A client whose retry waits are recorded instead of slept. */
export function testClient(options: RegistryClientOptions = {}): { client: RegistryClient; waits: number[]; logs: string[] } {
  const waits: number[] = [];
  const logs: string[] = [];
  const client = new RegistryClient({
    retries: 2,
    timeoutMs: 2_000,
    retryBaseDelayMs: 100,
    sleep: async (ms) => {
      waits.push(ms);
    },
    log: (line) => logs.push(line),
    ...options,
  });
  return { client, waits, logs };
}

export function withCredentials(registry = REGISTRY): RegistryClientOptions['credentials'] {
  return new Map([[registry, { username: USER, password: PASSWORD }]]);
}

/** Catches what `promise` rejects with (failing if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}
