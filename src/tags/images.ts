/**
 * The `images` input: one image a line, either a bare name or
 * `name=<image>,enable=<true|false>`. As in metadata-action, a single line of
 * bare names separated by commas (`org/app,ghcr.io/org/app`) is also a list.
 */
import { UserError } from '../common/errors.ts';
import { inputLines, splitFields, splitKeyValue } from './list.ts';
import { normalizeImageName } from './sanitize.ts';

export interface ImageSpec {
  /** Lower-cased image name. */
  name: string;
  enable: boolean;
}

function fields(line: string): string[] {
  try {
    return splitFields(line);
  } catch (error) {
    throw new UserError(`images: ${(error as Error).message}`, { input: 'images' });
  }
}

function checkedName(name: string): string {
  try {
    return normalizeImageName(name);
  } catch (error) {
    throw new UserError(`images: ${(error as Error).message}`, { input: 'images' });
  }
}

export function parseImages(input: string): ImageSpec[] {
  const lines = inputLines(input);
  if (lines.length === 1) {
    const only = fields(lines[0]!);
    if (only.every((f) => splitKeyValue(f).key === undefined)) {
      return only.map((name) => ({ name: checkedName(name), enable: true }));
    }
  }
  const images: ImageSpec[] = [];
  for (const line of lines) {
    let name: string | undefined;
    let enable = true;
    for (const field of fields(line)) {
      const { key, value } = splitKeyValue(field);
      if (key === undefined || key === 'name') {
        if (name !== undefined) {
          throw new UserError(`images: "${line}" names more than one image; use one line per image`, { input: 'images' });
        }
        name = value;
      } else if (key === 'enable') {
        if (value !== 'true' && value !== 'false') {
          throw new UserError(`images: enable must be true or false, not "${value}" in "${line}"`, { input: 'images' });
        }
        enable = value === 'true';
      } else {
        throw new UserError(`images: unknown attribute "${key}" in "${line}" (allowed: name, enable)`, { input: 'images' });
      }
    }
    if (name === undefined || name === '') {
      throw new UserError(`images: no image name in "${line}"`, { input: 'images' });
    }
    images.push({ name: checkedName(name), enable });
  }
  return images;
}
