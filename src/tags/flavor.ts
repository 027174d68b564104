/**
 * The `flavor` input: `latest=auto|true|false`, `prefix=<s>[,onlatest=<bool>]`,
 * `suffix=<s>[,onlatest=<bool>]`, one setting a line.
 */
import { UserError } from '../common/errors.ts';
import { inputLines, splitFields } from './list.ts';

export type LatestMode = 'auto' | 'true' | 'false';

export interface Flavor {
  latest: LatestMode;
  prefix: string;
  /** Also put the prefix on `latest`. */
  prefixLatest: boolean;
  suffix: string;
  /** Also put the suffix on `latest`. */
  suffixLatest: boolean;
}

export const DEFAULT_FLAVOR: Readonly<Flavor> = { latest: 'auto', prefix: '', prefixLatest: false, suffix: '', suffixLatest: false };

function fail(message: string): never {
  throw new UserError(`flavor: ${message}`, { input: 'flavor' });
}

export function parseFlavor(input: string): Flavor {
  const flavor: Flavor = { ...DEFAULT_FLAVOR };
  for (const line of inputLines(input)) {
    let fields: string[];
    try {
      fields = splitFields(line);
    } catch (error) {
      fail((error as Error).message);
    }
    let onLatestFor: 'prefix' | 'suffix' | undefined;
    for (const field of fields) {
      const at = field.indexOf('=');
      if (at < 0) fail(`"${field}" is not key=value in "${line}" (expected latest=, prefix=, suffix= or onlatest=)`);
      const key = field.slice(0, at).trim().toLowerCase();
      const value = field.slice(at + 1).trim();
      switch (key) {
        case 'latest':
          if (value !== 'auto' && value !== 'true' && value !== 'false') {
            fail(`latest must be auto, true or false, not "${value}"`);
          }
          flavor.latest = value;
          break;
        case 'prefix':
          flavor.prefix = value;
          onLatestFor = 'prefix';
          break;
        case 'suffix':
          flavor.suffix = value;
          onLatestFor = 'suffix';
          break;
        case 'onlatest':
          if (value !== 'true' && value !== 'false') fail(`onlatest must be true or false, not "${value}"`);
          if (onLatestFor === 'prefix') flavor.prefixLatest = value === 'true';
          else if (onLatestFor === 'suffix') flavor.suffixLatest = value === 'true';
          else fail(`onlatest must follow prefix= or suffix= on the same line in "${line}"`);
          break;
        default:
          fail(`unknown setting "${key}" in "${line}" (allowed: latest, prefix, suffix, onlatest)`);
      }
    }
  }
  return flavor;
}
