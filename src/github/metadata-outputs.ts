/**
 * docker/metadata-action's outputs, under its names and in its forms, so later
 * steps that read `steps.<id>.outputs.json` or `$DOCKER_METADATA_OUTPUT_JSON`
 * keep working when this step replaces it. Pure: the edge sets them.
 */
import { UserError } from '../common/errors.ts';
import type { Metadata } from '../tags/index.ts';

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

/**
 * BuildKit refuses `index:` annotations on a single-platform image (there is no index):
 * said up front, with what to change, instead of after the build.
 */
export function checkAnnotationLevels(annotations: string[], platforms: string[]): void {
  if (platforms.length > 1 || !annotations.some((line) => /^index(-descriptor)?[:[]/.test(line))) return;
  throw new UserError(
    'index annotations need a multi-platform image, and this build has one platform: ' +
      'set DOCKER_METADATA_ANNOTATIONS_LEVELS=manifest (or drop the index: lines of "annotations"), or build two or more "platforms"',
    { input: 'annotations' },
  );
}

/** Bake's target name metadata-action writes its definitions under, unless `bake-target` says otherwise. */
export const DEFAULT_BAKE_TARGET = 'docker-metadata-action';

export interface BakeDefinitions {
  /** `bake-file-tags`: the tags, with DOCKER_META_IMAGES and DOCKER_META_VERSION as args. */
  tags: unknown;
  /** `bake-file-labels`. */
  labels: unknown;
  /** `bake-file-annotations`: the annotations at every level. */
  annotations: unknown;
  /** `bake-file` (metadata-action's older, combined one): tags, labels and args. */
  tagsLabels: unknown;
}

/** The JSON of metadata-action's bake files, for docker/bake-action in a later step (pure). */
export function bakeDefinitions(meta: Metadata, target = DEFAULT_BAKE_TARGET): BakeDefinitions {
  const args = { DOCKER_META_IMAGES: meta.images.join(','), DOCKER_META_VERSION: meta.version.main ?? '' };
  const define = (body: Record<string, unknown>) => ({ target: { [target]: body } });
  return {
    tags: define({ tags: meta.tags, args }),
    labels: define({ labels: meta.labels }),
    annotations: define({ annotations: meta.annotations }),
    tagsLabels: define({ tags: meta.tags, labels: meta.labels, args }),
  };
}
