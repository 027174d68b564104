// The cache-service emulator (scripts/cache-service.mjs) for tests in this
// process: its types, and the environment that points the real @actions/cache
// at it (@actions/cache reads these variables at call time).
// @ts-expect-error: plain JavaScript, shared with the stack script
import { startCacheService as startJs } from '../scripts/cache-service.mjs';

export interface RouteStats {
  requests: number;
  bytesUp: number;
  bytesDown: number;
  statuses: Record<string, number>;
}

export interface Fault {
  status?: number;
  /** Sent as Retry-After (seconds) with `status`. */
  retryAfter?: number;
  delayMs?: number;
  routes?: string[];
  count?: number;
  /** Only every Nth matching request (a service throttling a share of its traffic). */
  every?: number;
}

export interface CacheService {
  url: string;
  port: number;
  close(): Promise<void>;
  /** `faulted`: requests a fault was applied to, counted on arrival. */
  stats: { routes: Record<string, RouteStats>; faulted: Record<string, number>; reset(): void };
  setFault(fault: Fault | Fault[] | null): void;
  entries(): { id: number; key: string; version: string; finalized: boolean; uploadedSize: number | null }[];
  /** With Azurite: the blob store refuses connections (after `afterRequests` more blob requests), and takes them again. */
  blobsDown(afterRequests?: number): void;
  blobsUp(): Promise<void>;
}

export const startCacheService = startJs as (options: { port: number; dir: string; host?: string; log?: (line: string) => void; downMBps?: number; upMBps?: number; latencyMs?: number; azurite?: string }) => Promise<CacheService>;

const CACHE_ENV = ['ACTIONS_CACHE_SERVICE_V2', 'ACTIONS_RESULTS_URL', 'ACTIONS_RUNTIME_TOKEN', 'RUNNER_TEMP', 'GITHUB_WORKSPACE'] as const;
// v2 is used only off GHES (an unset server URL counts as github.com); the others would change what @actions/cache does.
const CLEARED_ENV = ['GITHUB_SERVER_URL', 'ACTIONS_CACHE_URL', 'ACTIONS_CACHE_MODE', 'RUNNER_DEBUG'] as const;

/** Points @actions/cache in this process at `url`; returns a function that puts the environment back. */
export function useCacheService(url: string, runnerTemp: string, workspace: string): () => void {
  const saved = new Map([...CACHE_ENV, ...CLEARED_ENV].map((key) => [key, process.env[key]]));
  Object.assign(process.env, { ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: url, ACTIONS_RUNTIME_TOKEN: 'test-runtime-token', RUNNER_TEMP: runnerTemp, GITHUB_WORKSPACE: workspace });
  for (const key of CLEARED_ENV) delete process.env[key];
  return () => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}
