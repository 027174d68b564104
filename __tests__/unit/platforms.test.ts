// Platforms in a build: step names as BuildKit writes them, the automatic platform
// ARGs in FROM lines, what each platform's build pulls, and how platforms enter the
// fingerprint and the cache key.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adviseDockerfile } from '../../src/report/advice.ts';
import type { BuildStep } from '../../src/buildx/build-command.ts';
import { cacheKeys } from '../../src/cache/keys.ts';
import { baseImagesFor, parseDockerfile } from '../../src/buildx/dockerfile.ts';
import { computeFingerprint, type FingerprintInputs } from '../../src/pipeline/fingerprint.ts';
import { buildPlatform, normalizePlatform, parseStepName, platformArgs, platformCell, targetPlatforms } from '../../src/buildx/platforms.ts';
import { instructionForStep } from '../../src/buildx/steps.ts';

describe('step names', () => {
  it.each([
    ['[2/4] RUN make', { index: 2, total: 4, text: 'RUN make' }],
    ['[ 3/12] COPY . .', { index: 3, total: 12, text: 'COPY . .' }],
    ['[build 2/5] RUN go build', { stage: 'build', index: 2, total: 5, text: 'RUN go build' }],
    ['[linux/arm64 3/6] RUN make', { platform: 'linux/arm64', index: 3, total: 6, text: 'RUN make' }],
    ['[linux/arm64  3/12] RUN make', { platform: 'linux/arm64', index: 3, total: 12, text: 'RUN make' }],
    ['[linux/arm/v7 stage-1 2/3] COPY --from=0 /a /a', { platform: 'linux/arm/v7', stage: 'stage-1', index: 2, total: 3, text: 'COPY --from=0 /a /a' }],
    ['[linux/amd64->arm64 build 2/3] RUN go build', { platform: 'linux/arm64', runsOn: 'linux/amd64', stage: 'build', index: 2, total: 3, text: 'RUN go build' }],
    ['[linux/amd64->arm/v7 build 1/3] FROM golang', { platform: 'linux/arm/v7', runsOn: 'linux/amd64', stage: 'build', index: 1, total: 3, text: 'FROM golang' }],
    ['[linux/amd64->windows/amd64 1/1] FROM x', { platform: 'windows/amd64', runsOn: 'linux/amd64', index: 1, total: 1, text: 'FROM x' }],
  ])('%s', (name, expected) => {
    expect(parseStepName(name)).toEqual(expected);
  });

  it.each(['[internal] load build definition from Dockerfile', '[linux/amd64 internal] load metadata for x', 'exporting to image'])('%s is not a Dockerfile step', (name) => {
    expect(parseStepName(name)).toBeUndefined();
  });

  it('names a cross stage by where it runs and what it builds for', () => {
    expect(platformCell(parseStepName('[linux/amd64->arm64 build 2/3] RUN go build'))).toBe('linux/amd64→arm64');
    expect(platformCell(parseStepName('[linux/arm64 2/3] RUN x'))).toBe('linux/arm64');
    expect(platformCell(parseStepName('[2/3] RUN x'))).toBe('');
  });

  it('ties a platform step to its instruction, padded indexes included', () => {
    const model = parseDockerfile(Buffer.from(['FROM a', ...Array.from({ length: 10 }, (_, i) => `RUN echo ${i}`)].join('\n')), [], 'Dockerfile');
    expect(instructionForStep('[linux/arm64  3/11] RUN echo 1', model)?.line).toBe(3);
    expect(instructionForStep('[ 3/11] RUN echo 1', model)?.line).toBe(3);
  });

  // Step names as Docker 28.5's BuildKit printed them for this Dockerfile: a stage on
  // scratch or on another stage has no FROM step, so its first step is numbered 1.
  it.each([
    ['[one 1/1] COPY a /a', 2],
    ['[two 1/1] COPY b /b', 4],
    ['[stage-2 1/2] COPY --from=two /b /c', 6],
    ['[stage-2 2/2] COPY a /d', 7],
    ['[base 1/2] FROM docker.io/library/busybox:1', 8],
    ['[base 2/2] COPY a /e', 9],
  ])('stages on scratch, on another stage and on an image: %s is line %i', (step, line) => {
    const model = parseDockerfile(Buffer.from('FROM scratch AS one\nCOPY a /a\nFROM one AS two\nCOPY b /b\nFROM scratch\nCOPY --from=two /b /c\nCOPY a /d\nFROM busybox:1 AS base\nCOPY a /e\n'), [], 'Dockerfile');
    expect(instructionForStep(step, model)?.line).toBe(line);
  });
});

describe('platform names', () => {
  it.each([
    [{ RUNNER_ARCH: 'X64' }, 'linux/amd64'],
    [{ RUNNER_ARCH: 'ARM64' }, 'linux/arm64'],
    [{ RUNNER_ARCH: 'ARM' }, 'linux/arm/v7'],
  ])('the build platform of runner %o is %s', (env, platform) => {
    expect(buildPlatform(env)).toBe(platform);
  });

  it.each([
    ['linux/arm64/v8', 'linux/arm64'],
    ['linux/arm', 'linux/arm/v7'],
    ['linux/arm/v6', 'linux/arm/v6'],
    ['linux/amd64', 'linux/amd64'],
  ])('%s is %s', (text, normal) => {
    expect(normalizePlatform(text)).toBe(normal);
  });

  it('builds the builder platform when none is requested', () => {
    expect(targetPlatforms([], 'linux/amd64')).toEqual(['linux/amd64']);
    expect(targetPlatforms(['linux/amd64', 'linux/arm64/v8'], 'linux/amd64')).toEqual(['linux/amd64', 'linux/arm64']);
  });

  it('defines the automatic platform ARGs', () => {
    expect(Object.fromEntries(platformArgs('linux/arm/v7', 'linux/amd64'))).toEqual({
      TARGETPLATFORM: 'linux/arm/v7', TARGETOS: 'linux', TARGETARCH: 'arm', TARGETVARIANT: 'v7',
      BUILDPLATFORM: 'linux/amd64', BUILDOS: 'linux', BUILDARCH: 'amd64', BUILDVARIANT: '',
    });
  });
});

describe('what each platform pulls', () => {
  const model = (text: string, args: { name: string; value: string }[] = []) => parseDockerfile(Buffer.from(text), args, 'Dockerfile');

  it.each([
    ['FROM busybox\n', ['busybox linux/amd64', 'busybox linux/arm64']],
    ['FROM --platform=$BUILDPLATFORM golang AS build\nFROM busybox\nCOPY --from=build /a /a\n', ['golang linux/amd64', 'busybox linux/amd64', 'busybox linux/arm64']],
    ['FROM --platform=linux/amd64 tool AS t\nFROM busybox\n', ['tool linux/amd64', 'busybox linux/amd64', 'busybox linux/arm64']],
    ['ARG TARGETARCH\nFROM base-${TARGETARCH}:1\n', ['base-amd64:1 linux/amd64', 'base-arm64:1 linux/arm64']],
    ['FROM base-${TARGETARCH}:1\n', ['base-amd64:1 linux/amd64', 'base-arm64:1 linux/arm64']],
    ['FROM scratch AS s\nFROM busybox\nCOPY --from=s / /\n', ['busybox linux/amd64', 'busybox linux/arm64']],
  ])('%j', (text, expected) => {
    const uses = baseImagesFor(model(text), ['linux/amd64', 'linux/arm64'], 'linux/amd64');
    expect(uses.map((use) => `${use.ref} ${use.platform}`)).toEqual(expected);
  });

  it('a build argument still decides the image', () => {
    const uses = baseImagesFor(model('ARG BASE=a\nFROM ${BASE}\n', [{ name: 'BASE', value: 'b' }]), ['linux/arm64'], 'linux/amd64');
    expect(uses).toEqual([{ ref: 'b', platform: 'linux/arm64' }]);
  });
});

describe('fingerprint of a multi-platform base', () => {
  const inputs: FingerprintInputs = {
    contextHash: 'sha256:c', dockerfileHash: 'sha256:d', buildArgs: [], platforms: ['linux/amd64', 'linux/arm64'],
    baseImages: [{ ref: 'base:1', digest: 'sha256:index', platforms: { 'linux/amd64': 'sha256:a1', 'linux/arm64': 'sha256:b1' } }],
  };

  it('changes when one platform of the base moves', () => {
    const moved = { ...inputs, baseImages: [{ ...inputs.baseImages[0]!, platforms: { 'linux/amd64': 'sha256:a1', 'linux/arm64': 'sha256:b2' } }] };
    expect(computeFingerprint(moved)).not.toBe(computeFingerprint(inputs));
  });

  it('does not depend on the order platforms resolved in', () => {
    const reordered = { ...inputs, baseImages: [{ ...inputs.baseImages[0]!, platforms: { 'linux/arm64': 'sha256:b1', 'linux/amd64': 'sha256:a1' } }] };
    expect(computeFingerprint(reordered)).toBe(computeFingerprint(inputs));
  });

  it('keeps a single-platform base in the form it always had', () => {
    const single = { ...inputs, baseImages: [{ ref: 'base:1', digest: 'sha256:m' }] };
    const canonical = { context: 'sha256:c', dockerfile: 'sha256:d', buildArgs: [], target: '', platforms: ['linux/amd64', 'linux/arm64'], baseImages: [['base:1', 'sha256:m']] };
    expect(computeFingerprint(single)).toBe(`sha256:${createHash('sha256').update(JSON.stringify(canonical)).digest('hex')}`);
  });
});

describe('cache key of a platform set', () => {
  const parts = { prefix: 'p', os: 'linux', arch: 'x64', scope: 'org_app', dockerfileHash: 'sha256:' + 'd'.repeat(64), contextHash: 'sha256:' + 'c'.repeat(64) };

  it('is the key it always was without platforms', () => {
    expect(cacheKeys(parts)).toEqual({ key: `p-linux-x64-org_app-${'d'.repeat(16)}-${'c'.repeat(16)}`, restoreKeys: [`p-linux-x64-org_app-${'d'.repeat(16)}-`, 'p-linux-x64-org_app-'] });
  });

  it('names the platform set, in any order, and restores any set of the scope last', () => {
    const both = cacheKeys({ ...parts, platforms: ['linux/arm64', 'linux/amd64'] });
    expect(both.key).toBe(`p-linux-x64-org_app-linux_amd64+linux_arm64-${'d'.repeat(16)}-${'c'.repeat(16)}`);
    expect(both.restoreKeys).toEqual([`p-linux-x64-org_app-linux_amd64+linux_arm64-${'d'.repeat(16)}-`, 'p-linux-x64-org_app-linux_amd64+linux_arm64-', 'p-linux-x64-org_app-']);
    expect(cacheKeys({ ...parts, platforms: ['linux/amd64', 'linux/arm64'] }).key).toBe(both.key);
  });

  it('one platform is not a prefix of a set that holds it', () => {
    const arm = cacheKeys({ ...parts, platforms: ['linux/arm64'] });
    const both = cacheKeys({ ...parts, platforms: ['linux/amd64', 'linux/arm64'] });
    expect(both.key.startsWith(arm.restoreKeys[1]!)).toBe(false);
    expect(arm.key.startsWith(both.restoreKeys[1]!)).toBe(false);
  });

  it('a long set is hashed', () => {
    const many = ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/arm/v6', 'linux/ppc64le', 'linux/s390x', 'linux/386'];
    expect(cacheKeys({ ...parts, platforms: many }).key).toMatch(/^p-linux-x64-org_app-platforms_[0-9a-f]{16}-/);
  });
});

describe('advice cost per platform', () => {
  it('counts what the bad order cost on each platform', () => {
    const text = 'FROM node\nWORKDIR /app\nCOPY . .\nRUN npm ci\n';
    const model = parseDockerfile(Buffer.from(text), [], 'Dockerfile');
    const step = (name: string, seconds: number, cached = false): BuildStep => ({ name, seconds, cached, output: [] });
    const steps = [
      step('[linux/amd64 2/4] WORKDIR /app', 0, true),
      step('[linux/arm64 2/4] WORKDIR /app', 0, true),
      step('[linux/amd64 3/4] COPY . .', 0.1),
      step('[linux/arm64 3/4] COPY . .', 0.1),
      step('[linux/amd64 4/4] RUN npm ci', 2.0),
      step('[linux/arm64 4/4] RUN npm ci', 31.5),
    ];
    const advice = adviseDockerfile(model, { steps, changedFiles: ['src/a.js'], contextFiles: ['package.json', 'package-lock.json', 'src/a.js'] });
    const message = advice.map((item) => item.message).join('\n');
    expect(message).toContain('re-ran in 2.0 s on linux/amd64 and 31.5 s on linux/arm64 because');
  });
});
