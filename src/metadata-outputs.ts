/**
 * docker/metadata-action's outputs, under its names and in its forms, so later
 * steps that read `steps.<id>.outputs.json` or `$DOCKER_METADATA_OUTPUT_JSON`
 * keep working when this step replaces it. Pure: the edge sets them.
 */
import type { Metadata } from './tags/index.ts';

export interface Separators {
  /** `sep-tags`: joins `tags` and `tag-names` (default a newline). */
  tags: string;
  /** `sep-labels`: joins `labels`. */
  labels: string;
  /** `sep-annotations`: joins `annotations`. */
  annotations: string;
}

export const DEFAULT_SEPARATORS: Separators = { tags: '\n', labels: '\n', annotations: '\n' };

/** metadata-action's outputs in the order it sets them. */
export function metadataActionOutputs(meta: Metadata, separators: Separators = DEFAULT_SEPARATORS): Array<[string, string]> {
  return [
    ['version', meta.version.main ?? ''],
    ['tags', meta.tags.join(separators.tags)],
    ['tag-names', meta.tagNames.join(separators.tags)],
    ['labels', Object.entries(meta.labels).map(([name, value]) => `${name}=${value}`).join(separators.labels)],
    ['annotations', meta.annotations.join(separators.annotations)],
    ['json', JSON.stringify(meta.json)],
  ];
}

/** The variable metadata-action exports an output as: `tag-names` → `DOCKER_METADATA_OUTPUT_TAG_NAMES`. */
export function outputEnvName(output: string): string {
  return `DOCKER_METADATA_OUTPUT_${output.replace(/\W/g, '_').toUpperCase()}`;
}
