/**
 * The build fingerprint: two builds with one fingerprint are the
 * same build. It covers everything that decides the image's content: the
 * context, the Dockerfile, the build arguments, target and platforms, the
 * digests the base image tags pointed at when the build ran (for an index, also
 * the manifest digest of each platform the build pulls from it), and the other
 * build inputs whose role is `fingerprint` (src/inputs/build-inputs.ts).
 */
import crypto from 'node:crypto';
import type { BuildArg } from '../inputs/action-inputs.ts';

/** The image label that carries the fingerprint. */
export const FINGERPRINT_LABEL = 'dev.image-build.fingerprint';

export interface FingerprintInputs {
  contextHash: string;
  dockerfileHash: string;
  buildArgs: BuildArg[];
  target?: string;
  platforms: string[];
  /** Each base image reference with the digest it resolved to. */
  baseImages: ResolvedBase[];
  /**
   * The set build inputs that change what is built (src/inputs/build-inputs.ts, role
   * `fingerprint`), by input name. Left out when empty, so that a build
   * without them keeps the fingerprint it always had.
   */
  options?: Record<string, unknown>;
}

export interface ResolvedBase {
  ref: string;
  /** The digest the tag points at (an index's own digest for a multi-platform image). */
  digest: string;
  /** For an index: each pulled platform's manifest digest (`absent` when the index lacks it). */
  platforms?: Record<string, string>;
}

export function computeFingerprint(inputs: FingerprintInputs): string {
  // The last value of a repeated build arg wins, as in `docker build`; order does not count.
  const buildArgs = Object.fromEntries(inputs.buildArgs.map((arg) => [arg.name, arg.value]));
  const canonical = {
    context: inputs.contextHash,
    dockerfile: inputs.dockerfileHash,
    buildArgs: Object.keys(buildArgs).sort().map((name) => [name, buildArgs[name]]),
    target: inputs.target ?? '',
    platforms: [...inputs.platforms].sort(),
    // A single-platform base keeps the [ref, digest] form, so such fingerprints are unchanged.
    baseImages: [...inputs.baseImages]
      .sort((a, b) => a.ref.localeCompare(b.ref))
      .map((base) => (base.platforms ? [base.ref, base.digest, Object.entries(base.platforms).sort(([a], [b]) => a.localeCompare(b))] : [base.ref, base.digest])),
    ...(inputs.options && Object.keys(inputs.options).length ? { options: Object.keys(inputs.options).sort().map((name) => [name, inputs.options![name]]) } : {}),
  };
  return `sha256:${crypto.createHash('sha256').update(JSON.stringify(canonical)).digest('hex')}`;
}
