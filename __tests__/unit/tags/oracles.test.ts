// The date formatter and the PEP 440 reader are written here (a small, exact subset, no
// time-zone database to ship); metadata-action uses moment-timezone and @renovate/pep440.
// Those libraries are the oracles: the same inputs must give the same answers.
import pep440 from '@renovate/pep440';
import moment from 'moment-timezone';
import { describe, expect, test } from 'vitest';
import { formatDate } from '../../../src/tags/datefmt.ts';
import { isUnstablePep440, isValidPep440, metadataActionPep440, parsePep440, pep440Major, pep440Minor, pep440Patch } from '../../../src/tags/pep440.ts';

describe('formatDate against moment-timezone', () => {
  const dates = [
    '2020-01-10T00:30:05.123Z', // a plain winter day
    '2021-01-01T12:00:00.000Z', // ISO week 53 of the year before
    '2024-02-29T23:59:59.999Z', // a leap day, the last millisecond
    '2024-03-31T01:30:00.000Z', // the hour Europe moves its clocks forward
    '2024-11-03T06:15:00.000Z', // the hour the US moves its clocks back
    '2026-12-31T23:00:00.000Z', // a new year somewhere east of UTC
  ];
  const zones = ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Asia/Tokyo', 'Australia/Lord_Howe', 'Pacific/Chatham'];
  const formats = [
    'YYYYMMDD',
    'YYYYMMDD-HHmmss',
    'YYYY-MM-DDTHH:mm:ss.SSSZ',
    'YY M MM MMM MMMM D DD Do DDD DDDD',
    'd dd ddd dddd e E',
    'w ww wo W WW Wo gggg GGGG GG',
    'H HH h hh k kk m mm s ss a A',
    'S SS SSS SSSS',
    'Q Qo X x',
    'Z ZZ',
    '[build] YYYY.MM.DD [at] HH[h]',
    'LT LTS L LL LLL LLLL l ll lll llll',
  ];
  const cases = dates.flatMap((date) => zones.flatMap((zone) => formats.map((format) => [date, zone, format] as const)));

  test.each(cases)('%s in %s as "%s"', (date, zone, format) => {
    expect(formatDate(new Date(date), format, zone)).toBe(moment(new Date(date)).tz(zone).format(format));
  });
});

describe('PEP 440 against @renovate/pep440', () => {
  const versions = [
    '1', '1.2', '1.2.3', '1.2.3.4', 'v1.2.3', 'V1.2', '01.02.03', '1!2.0', '2.0.0+local.7', '1.0+ubuntu-1',
    '1.0a1', '1.0-alpha.1', '1.0beta', '1.0.B2', '1.0c3', '1.0pre4', '1.0preview_5', '1.0RC1', '1.0rc1.post2.dev3',
    '1.0-1', '1.0post', '1.0.rev2', '1.0-r3', '1.0.dev', '1.0dev4', '1.0a.dev1',
    '1.0.0-', 'a1.0', '1.0..1', '1.0_', 'latest', '', '1.0+', '1.0+a..b',
  ];

  // PEP 440 allows blanks around a version (` 1.0 `) and @renovate/pep440 does not; no tag
  // value can carry them (refs have none, and list fields are trimmed), so none is listed here.
  test.each(versions)('"%s"', (input) => {
    const valid = pep440.valid(input) !== null;
    expect(isValidPep440(input), 'valid').toBe(valid);
    if (!valid) return;
    const ours = parsePep440(input)!;
    expect(metadataActionPep440(ours), 'clean').toBe(pep440.clean(input));
    const explained = pep440.explain(input)!;
    expect(isUnstablePep440(ours), 'pre-, post- or dev-release').toBe(explained.is_prerelease || explained.is_postrelease || explained.is_devrelease);
    if (!isUnstablePep440(ours)) {
      expect([pep440Major(ours), pep440Minor(ours), pep440Patch(ours)].map(Number), 'major.minor.patch').toEqual([pep440.major(input), pep440.minor(input), pep440.patch(input)]);
    }
  });
});
