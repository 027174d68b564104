// The Actions cache store's settings (src/cache/options.ts): the shipped setup
// is the default, a caller's values replace it, the environment overrides both.
import { describe, expect, it } from 'vitest';
import { resolveDeltaOptions } from '../../src/cache/options.ts';

const MiB = 1024 * 1024;
const given = { tempRoot: '/runner/temp', warn: () => {} };

describe('the Actions cache store settings', () => {
  it('default to the setup the action ships', () => {
    expect(resolveDeltaOptions(given, {})).toMatchObject({
      keyPrefix: 'image-build',
      concurrency: 4,
      packTargetBytes: 120 * MiB,
      inlineBlobBytes: 64 * 1024,
      inlineBudgetBytes: 256 * 1024,
      inlineRootBytes: 2 * MiB,
      timeouts: { restore: 5 * 60_000, save: 10 * 60_000 },
      retryBudgetMs: 60_000,
    });
  });

  it('take the caller\'s values, kept in range', () => {
    const options = resolveDeltaOptions({ ...given, keyPrefix: 'app', concurrency: 0, packTargetBytes: 0, inlineRootBytes: -1, timeouts: { restore: 1000, save: 2000 } }, {});
    expect(options).toMatchObject({ keyPrefix: 'app', concurrency: 1, packTargetBytes: 1, inlineRootBytes: 0, timeouts: { restore: 1000, save: 2000 } });
  });

  it('let the environment override the timeouts (IMAGE_BUILD_CACHE_TIMEOUT) and the retry budget (IMAGE_BUILD_CACHE_RETRY_BUDGET)', () => {
    const env = { IMAGE_BUILD_CACHE_TIMEOUT: '2.5', IMAGE_BUILD_CACHE_RETRY_BUDGET: '5' };
    expect(resolveDeltaOptions({ ...given, timeouts: { restore: 1000, save: 1000 } }, env)).toMatchObject({ timeouts: { restore: 2500, save: 2500 }, retryBudgetMs: 5000 });
    expect(resolveDeltaOptions(given, { IMAGE_BUILD_CACHE_TIMEOUT: 'soon' }).timeouts).toEqual({ restore: 5 * 60_000, save: 10 * 60_000 });
  });
});
