/**
 * Tag and image-name hygiene.
 *
 * metadata-action replaces each run of characters outside `[A-Za-z0-9_.-]`
 * with `-` and lower-cases image names. image-build does the same, and then
 * also makes every tag valid for OCI (first character not `.` or `-`, at most
 * 128 characters) and rejects image names that no registry would accept.
 */

/** metadata-action's tag sanitising: every run of disallowed characters becomes `-`. */
export function replaceInvalidTagChars(tag: string): string {
  return tag.replace(/[^a-zA-Z0-9._-]+/g, '-');
}

export const MAX_TAG_LENGTH = 128;

/**
 * A valid OCI tag from any string: disallowed runs become `-`, leading `.` and
 * `-` are dropped, and the result is cut to 128 characters. May return `''`.
 */
export function toOciTag(tag: string): string {
  return replaceInvalidTagChars(tag).replace(/^[.-]+/, '').slice(0, MAX_TAG_LENGTH);
}

/** True when `tag` is a valid OCI tag as it stands. */
export function isOciTag(tag: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag);
}

const DOMAIN_COMPONENT = '(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])';
const DOMAIN = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-f:]+\\])(?::[0-9]+)?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

/**
 * Checks an image name (`ghcr.io/org/app`, `org/app`, `localhost:5000/app`)
 * after lower-casing it, and returns the lower-cased name. Throws an Error
 * that says what is wrong.
 */
export function normalizeImageName(name: string): string {
  const lower = name.trim().toLowerCase();
  if (lower === '') throw new Error('image name is empty');
  if (lower.includes('@')) throw new Error(`image name "${name}" must not include a digest`);
  if (/\s/.test(lower)) throw new Error(`image name "${name}" must not contain spaces`);
  if (lower.length > 255) throw new Error(`image name "${name}" is longer than 255 characters`);
  const parts = lower.split('/');
  let first = 0;
  if (parts.length > 1 && (parts[0]!.includes('.') || parts[0]!.includes(':') || parts[0] === 'localhost')) {
    if (!DOMAIN.test(parts[0]!)) throw new Error(`image name "${name}" has an invalid registry host "${parts[0]}"`);
    first = 1;
  }
  for (let i = first; i < parts.length; i++) {
    const component = parts[i]!;
    if (component.includes(':')) {
      throw new Error(`image name "${name}" must not include a tag (":${component.split(':')[1]}"); tags come from the tags input`);
    }
    if (!PATH_COMPONENT.test(component)) {
      throw new Error(
        `image name "${name}" has an invalid path component "${component}" (lowercase letters, digits and single separators . _ __ - only)`,
      );
    }
  }
  return lower;
}
