/**
 * docker/metadata-action's `images`, `tags`, `flavor` and `labels` language,
 * as a pure function of a GitContext and the input strings. See docs/tags.md.
 */
import type { GitContext, RepositoryInfo } from '../github/git-context.ts';
import { DEFAULT_SHORT_SHA_LENGTH, evaluate, globalScope } from './expressions.ts';
import { isLeveledAnnotation } from './annotation-levels.ts';
import { parseFlavor } from './flavor.ts';
import type { Flavor } from './flavor.ts';
import { parseImages } from './images.ts';
import type { ImageSpec } from './images.ts';
import { computeLabels, labelLines, resolveRepositoryInfo } from './labels.ts';
import { repositoryOf, splitTagsInput, tagOf } from './references.ts';
import { toOciTag } from './sanitize.ts';
import { IMAGE_BUILD_DEFAULT_TAGS, parseTags } from './tag-spec.ts';
import type { TagSpec } from './tag-spec.ts';
import { computeVersion } from './version.ts';
import type { Version } from './version.ts';

export type { Flavor, ImageSpec, TagSpec, Version };
export { IMAGE_BUILD_DEFAULT_TAGS, METADATA_ACTION_DEFAULT_TAGS, parseTags, parseTagSpec, DEFAULT_PRIORITIES } from './tag-spec.ts';
export { parseFlavor } from './flavor.ts';
export { parseImages } from './images.ts';
export { labelLines } from './labels.ts';
export { formatDate } from './datefmt.ts';
export { normalizePep440, isValidPep440 } from './pep440.ts';
export { toOciTag, isOciTag, normalizeImageName } from './sanitize.ts';

export interface MetadataSpec {
  /** `images` input (may be empty: tag names are still computed). */
  images: string;
  /** `tags` input; empty means `options.defaultTags`. */
  tags: string;
  flavor: string;
  labels: string;
  /** `annotations` input (same form as labels). */
  annotations?: string;
  /** Repository facts from the GitHub API, when fetched; else the event payload is used. */
  repo?: RepositoryInfo;
}

export interface MetadataOptions {
  /** Build time for `{{date}}` (and `created` when the commit time is unknown). Default: now. */
  now?: Date;
  /** `DOCKER_METADATA_SHORT_SHA_LENGTH`; default 7. */
  shortShaLength?: number;
  /** Rules used when `tags` is empty; default image-build's. */
  defaultTags?: readonly string[];
  /** `DOCKER_METADATA_ANNOTATIONS_LEVELS`; default `['manifest']`. */
  annotationLevels?: readonly string[];
}

export interface MetadataJson {
  tags: string[];
  labels: Record<string, string>;
  annotations: string[];
}

export interface Metadata {
  version: Version;
  /** The `tags` output: `pushRefs`, or the bare tag names when there is no reference. */
  tags: string[];
  /** Full references to push: those given in `tags`, then `image:tag` for each enabled image and rule tag. */
  pushRefs: string[];
  /** Tag names without image, in order, without duplicates (the rules', then the given references'). */
  tagNames: string[];
  /** Enabled image names (lower-cased). */
  images: string[];
  /** The repositories pushed to: the images, then those of the references given in `tags`. */
  repositories: string[];
  labels: Record<string, string>;
  /** `level:key=value` lines. */
  annotations: string[];
  /** The `json` output, shaped like metadata-action's. */
  json: MetadataJson;
  /** Things the user may want to know (skipped rules, changed tags); the edge logs them. */
  warnings: string[];
}

function uniq(values: string[]): string[] {
  return [...new Set(values)];
}

function latestName(flavor: Flavor, render: (text: string) => string): string {
  const prefix = flavor.prefixLatest ? render(flavor.prefix) : '';
  const suffix = flavor.suffixLatest ? render(flavor.suffix) : '';
  return toOciTag(`${prefix}latest${suffix}`) || 'latest';
}

/** Computes tags, version and labels. Pure: no environment, no I/O. */
export function computeMetadata(ctx: GitContext, spec: MetadataSpec, options: MetadataOptions = {}): Metadata {
  const warnings: string[] = [];
  const now = options.now ?? new Date();
  const shortShaLength = options.shortShaLength ?? DEFAULT_SHORT_SHA_LENGTH;
  const images: ImageSpec[] = parseImages(spec.images);
  const flavor = parseFlavor(spec.flavor);
  const given = splitTagsInput(spec.tags);
  // `tags` of references only (a pasted build-push-action block) means no rules, not the default rules.
  const onlyReferences = given.references.length > 0 && given.rules.length === 0;
  const specs = onlyReferences ? [] : parseTags(given.rules.join('\n'), options.defaultTags ?? IMAGE_BUILD_DEFAULT_TAGS, warnings);
  const repo = resolveRepositoryInfo(ctx, spec.repo);
  const env = { ctx, now, shortShaLength };
  const scope = globalScope(env);

  const version = computeVersion(specs, {
    ...env,
    flavor,
    defaultBranch: ctx.defaultBranch ?? repo.defaultBranch,
    warnings,
  });

  let tagNames: string[] = [];
  if (version.main !== undefined) {
    tagNames = [version.main, ...version.partial];
    if (version.latest) tagNames.push(latestName(flavor, (t) => evaluate(t, scope, 'flavor')));
    tagNames = uniq(tagNames);
  }
  const imageNames = uniq(images.filter((i) => i.enable).map((i) => i.name));
  const pushRefs = uniq([...given.references, ...imageNames.flatMap((image) => tagNames.map((t) => `${image}:${t}`))]);
  if (imageNames.length === 0 && given.references.length > 0 && tagNames.length > 0) {
    warnings.push(`tags: the rules give ${tagNames.map((t) => `"${t}"`).join(', ')}, but there is no image in "images" to put them on; they are not pushed`);
  }
  const tags = pushRefs.length > 0 ? pushRefs : [...tagNames];
  const allTagNames = uniq([...tagNames, ...given.references.map(tagOf)]);

  const created = ctx.commitDate ?? now;
  const labels = computeLabels({ ctx, repo, version: version.main, created, extra: spec.labels, inputName: 'labels', scope });
  // A line that names its level (metadata-action's `annotations` output, handed on as
  // build-push-action takes it) is used as written; the others get the levels.
  const annotationLines = (spec.annotations ?? '').split(/\r?\n/);
  const leveled = annotationLines.map((line) => line.trim()).filter(isLeveledAnnotation);
  const annotationLabels = computeLabels({
    ctx,
    repo,
    version: version.main,
    created,
    extra: annotationLines.filter((line) => !isLeveledAnnotation(line)).join('\n'),
    inputName: 'annotations',
    scope,
  });
  const levels = options.annotationLevels ?? ['manifest'];
  const givenKeys = new Set(leveled.map((line) => line.slice(0, line.indexOf('='))));
  const annotations = uniq([
    ...levels.flatMap((level) => labelLines(annotationLabels).map((line) => `${level}:${line}`)).filter((line) => !givenKeys.has(line.slice(0, line.indexOf('=')))),
    ...leveled,
  ]);

  return {
    version,
    tags,
    pushRefs,
    tagNames: allTagNames,
    images: imageNames,
    repositories: uniq([...imageNames, ...given.references.map(repositoryOf)]),
    labels,
    annotations,
    json: { tags, labels, annotations },
    // A rule's expression may be rendered more than once (its value, then its affix): said once.
    warnings: uniq(warnings),
  };
}
