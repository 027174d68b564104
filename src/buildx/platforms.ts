/**
 * Platforms as BuildKit sees them in a build: the platform the builder runs on
 * (BUILDPLATFORM), the ones requested (TARGETPLATFORM, one per image of an
 * index), the automatic ARGs a Dockerfile's FROM lines can use, and the
 * platform part of a step name (`[linux/arm64 3/6] RUN …`).
 */
import { formatPlatform, parsePlatform } from '../registry/manifest.ts';

/** Node's and the runner's architecture names → OCI's. */
const ARCHITECTURES: Record<string, string> = {
  x64: 'amd64', amd64: 'amd64', arm64: 'arm64', aarch64: 'arm64', arm: 'arm/v7', x86: '386', ia32: '386', '386': '386',
  ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64',
};

/**
 * The platform the builder runs on: the runner's own (RUNNER_ARCH on GitHub,
 * the process's elsewhere). A remote builder of another architecture is not
 * asked (that would wait for Docker before the lookup); its FROM
 * --platform=$BUILDPLATFORM stages then resolve to the runner's platform.
 */
export function buildPlatform(env: NodeJS.ProcessEnv): string {
  const arch = (env.RUNNER_ARCH ?? process.arch).toLowerCase();
  return `linux/${ARCHITECTURES[arch] ?? arch}`;
}

/** The platforms a build makes: the requested ones, else the builder's own. */
export function targetPlatforms(requested: string[], build: string): string[] {
  return requested.length ? [...new Set(requested.map(normalizePlatform))] : [build];
}

/** `linux/arm64/v8` → `linux/arm64`, as BuildKit normalises (arm64's v8 is implied). */
export function normalizePlatform(text: string): string {
  const platform = parsePlatform(text.trim());
  if (platform.architecture === 'arm64' && platform.variant === 'v8') delete platform.variant;
  if (platform.architecture === 'arm' && !platform.variant) platform.variant = 'v7';
  return formatPlatform(platform);
}

/** The ARGs BuildKit defines for a target and build platform (Dockerfile reference, "Automatic platform ARGs"). */
export function platformArgs(target: string, build: string): Map<string, string> {
  const args = new Map<string, string>();
  for (const [prefix, text] of [['TARGET', target], ['BUILD', build]] as const) {
    const platform = parsePlatform(text);
    args.set(`${prefix}PLATFORM`, text);
    args.set(`${prefix}OS`, platform.os);
    args.set(`${prefix}ARCH`, platform.architecture);
    args.set(`${prefix}VARIANT`, platform.variant ?? '');
  }
  return args;
}

export interface StepLabel {
  /** The platform the step's result is for (`linux/arm64`); undefined in a single-platform build. */
  platform?: string;
  /** The platform a cross stage runs on, when it differs (`[linux/amd64->arm64 build 2/3]`). */
  runsOn?: string;
  stage?: string;
  index: number;
  total: number;
  /** The instruction as BuildKit shows it, e.g. `RUN make`. */
  text: string;
}

// BuildKit pads the index to the width of the total (`[ 3/12]`) and puts the platform
// (with `->arch` for a stage on another platform than its target) before the stage name.
const STEP_NAME = /^\[(?:([^\s\]]+\/[^\s\]]+) +)?(?:([^\s/\]]+) +)?(\d+)\/(\d+)\] (.*)$/s;
const OSES = new Set(['linux', 'windows', 'darwin', 'freebsd', 'netbsd', 'openbsd', 'solaris', 'illumos', 'aix', 'plan9']);

export function parseStepName(name: string): StepLabel | undefined {
  const match = STEP_NAME.exec(name.replace(/^\[ +/, '['));
  if (!match) return undefined;
  const [, platformText, stage, index, total, text] = match;
  const label: StepLabel = { index: Number(index), total: Number(total), text: text! };
  if (stage !== undefined) label.stage = stage;
  if (platformText !== undefined) {
    const [runsOn, targetArch] = platformText.split('->');
    if (targetArch === undefined) label.platform = runsOn!;
    else {
      label.runsOn = runsOn!;
      // `->arm64`, `->arm/v7` on the same OS; `->windows/amd64` across OSes.
      label.platform = OSES.has(targetArch.split('/')[0]!) ? targetArch : `${runsOn!.split('/')[0]}/${targetArch}`;
    }
  }
  return label;
}

/** How the step table names a step's platform: `linux/arm64`, or `linux/amd64→arm64` for a cross stage. */
export function platformCell(label: StepLabel | undefined): string {
  if (!label?.platform) return '';
  return label.runsOn ? `${label.runsOn}→${label.platform.split('/').slice(1).join('/')}` : label.platform;
}

/** Why a cache entry of another platform set missed steps: `the restored entry was built for linux/arm64`. */
export function restoredPlatformsLine(restored: string[] | undefined): string | undefined {
  if (!restored) return undefined;
  return `the restored entry was built for ${restored.length ? restored.join(', ') : "the builder's own platform"}, not for this build's platforms`;
}
