// What the guard around @actions/cache makes of the annotations it printed during
// one call: the reason for the store's one warning, whether the service is left
// alone for the rest of the run; an empty reason named by the operation instead.
import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../src/cache/actions-cache.ts';

describe('a failed cache call, from what @actions/cache printed', () => {
  const cases: [string, string[], { message: string; unavailable: boolean }][] = [
    [
      '429 on the lookup, with Retry-After: the rate-limit notice is folded into the reason',
      ["You've hit a rate limit, your rate limit will reset in 30 seconds", 'Failed to restore: Rate limited: Failed request: (429) Too Many Requests'],
      { message: 'Rate limited: Failed request: (429) Too Many Requests', unavailable: true },
    ],
    [
      '429 on the reservation (@actions/cache only prints the notice)',
      ["You've hit a rate limit, your rate limit will reset in 5 seconds"],
      { message: "You've hit a rate limit, your rate limit will reset in 5 seconds", unavailable: true },
    ],
    [
      '5xx after every retry',
      ['Failed to save: Failed to CreateCacheEntry: Failed to make request after 5 attempts: Failed request: (503) Service Unavailable'],
      { message: 'Failed to CreateCacheEntry: Failed to make request after 5 attempts: Failed request: (503) Service Unavailable', unavailable: true },
    ],
    [
      'nothing listens: only the first line of the long network message',
      ['Failed to restore: Unable to make request: ECONNREFUSED\nIf you are using self-hosted runners, please make sure…'],
      { message: 'Unable to make request: ECONNREFUSED', unavailable: true },
    ],
    [
      'a 400 is about this request, not the service: later calls still go',
      ['Failed to restore: Failed to GetCacheEntryDownloadURL: Received non-retryable error: Failed request: (400) Bad Request'],
      { message: 'Failed to GetCacheEntryDownloadURL: Received non-retryable error: Failed request: (400) Bad Request', unavailable: false },
    ],
  ];
  it.each(cases)('%s', (_name, messages, expected) => {
    expect(describeFailure(messages)).toEqual(expected);
  });

  it('a failure with no reason (the Azure SDK says nothing for a 404) names the operation, never an empty reason', () => {
    const { message, unavailable } = describeFailure(['Failed to restore: '], 'the restore of image-build-linux-x64-app-0123');
    expect(message).toMatch(/^the restore of image-build-linux-x64-app-0123 failed and @actions\/cache gave no reason \(.*HTTP 404\)$/);
    expect(unavailable).toBe(false);
    expect(describeFailure(['Failed to save:'], 'the save of k').message).toMatch(/^the save of k failed/);
  });
});
