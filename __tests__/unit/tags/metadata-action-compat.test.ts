/**
 * Agreement with docker/metadata-action on its own published test cases
 * (transcribed as data in __tests__/fixtures/tags/metadata-action-cases.json).
 * Prints every differing case and asserts agreement on every case outside the
 * deviations documented in docs/tags.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { gitContextFromEnv, metadataSwitchesFromEnv, resolveCommitDate } from '../../../src/github/git-context.ts';
import { bakeDefinitions, metadataActionOutputs, outputEnvName } from '../../../src/github/metadata-outputs.ts';
import type { RepositoryInfo } from '../../../src/github/git-context.ts';
import {
  computeMetadata,
  labelLines,
  METADATA_ACTION_DEFAULT_TAGS,
  parseFlavor,
  parseImages,
  parseTags,
  parseTagSpec,
} from '../../../src/tags/index.ts';

interface Case {
  id: string;
  env: string;
  vars?: Record<string, string>;
  images?: string[];
  tags?: string[];
  flavor?: string[];
  labels?: string[];
  version?: { main: string | null; partial: string[]; latest: boolean };
  tags_out: string[];
  labels_out?: string[];
  revision?: string;
  version_label?: string;
  /** Set when a documented deviation explains a difference. */
  deviation?: string;
  /** From the bakeFile table: the args of bake-file-tags. */
  bake_args?: Record<string, string>;
}

interface Data {
  conventions: { mockedTime: string; repo: RepositoryInfo };
  envs: Record<string, { vars: Record<string, string>; payload: Record<string, unknown> | null }>;
  cases: Case[];
  tagParse: Array<{ input: string; type?: string; priority?: number; attrs?: Record<string, string>; error?: boolean }>;
  tagOrder: Array<{ input: string[]; order: string[] }>;
  flavor: Array<{ input: string[]; expect?: Record<string, unknown>; error?: boolean }>;
  images: Array<{ input: string[]; expect?: Array<{ name: string; enable: boolean }>; error?: boolean }>;
  sepTags: Array<{ id: string; env: string; images: string[]; tags: string[]; sep: string; expect: string }>;
}

const data = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/tags/metadata-action-cases.json'), 'utf8'),
) as Data;
const MOCKED = new Date(data.conventions.mockedTime);
const REPO = data.conventions.repo;

function standardLabels(revision: string, version: string): string[] {
  return [
    `org.opencontainers.image.created=${data.conventions.mockedTime}`,
    `org.opencontainers.image.description=${REPO.description}`,
    `org.opencontainers.image.licenses=${REPO.license}`,
    `org.opencontainers.image.revision=${revision}`,
    `org.opencontainers.image.source=${REPO.htmlUrl}`,
    `org.opencontainers.image.title=${REPO.name}`,
    `org.opencontainers.image.url=${REPO.htmlUrl}`,
    `org.opencontainers.image.version=${version}`,
  ];
}

/**
 * The commit date as metadata-action's getContext finds it: the push payload's commits,
 * else `GET /repos/{repo}/commits/{sha}` (answered here as its suite's mocks do, with the
 * mocked instant). A case whose commit date would fall back to the build time differs.
 */
async function commitDateOf(ctx: ReturnType<typeof gitContextFromEnv>, env: Record<string, string>, problems: string[]): Promise<void> {
  const apiCalls: string[] = [];
  const fakeApi = (async (url: string) => {
    apiCalls.push(String(url));
    return new Response(JSON.stringify({ sha: ctx.sha, commit: { committer: { date: data.conventions.mockedTime } } }), { status: 200 });
  }) as typeof fetch;
  const resolved = await resolveCommitDate(ctx, {
    workspace: '/nonexistent',
    apiUrl: env.GITHUB_API_URL ?? '',
    token: 'token',
    fetch: fakeApi,
    gitShow: async () => undefined,
    warn: () => {},
    now: new Date(0),
  });
  if (ctx.sha && resolved.source === 'now') problems.push('commit date: fell back to the build time');
  if (resolved.source === 'api' && apiCalls[0] !== `${env.GITHUB_API_URL}/repos/${env.GITHUB_REPOSITORY}/commits/${ctx.sha}`) {
    problems.push(`commit date: asked ${apiCalls[0]}`);
  }
  // Every date renders as the mocked instant in metadata-action's suite (toISOString and moment are mocked).
  ctx.commitDate = MOCKED;
}

async function runCase(c: Case): Promise<string[]> {
  const fixture = data.envs[c.env]!;
  const env: Record<string, string> = { ...fixture.vars, ...(c.vars ?? {}) };
  if (fixture.payload) env.GITHUB_EVENT_PATH = `/fixtures/${c.env}.json`;
  const ctx = gitContextFromEnv(env, () => JSON.stringify(fixture.payload));
  const switches = metadataSwitchesFromEnv(env);
  const problems: string[] = [];
  await commitDateOf(ctx, env, problems);
  let result;
  try {
    result = computeMetadata(
      ctx,
      {
        images: (c.images ?? []).join('\n'),
        tags: (c.tags ?? []).join('\n'),
        flavor: (c.flavor ?? []).join('\n'),
        labels: (c.labels ?? []).join('\n'),
        repo: REPO,
      },
      { now: MOCKED, defaultTags: METADATA_ACTION_DEFAULT_TAGS, shortShaLength: switches.shortShaLength, annotationLevels: switches.annotationsLevels },
    );
  } catch (error) {
    return [`threw ${(error as Error).message}`];
  }
  if (c.version) {
    const got = { main: result.version.main ?? null, partial: result.version.partial, latest: result.version.latest };
    if (JSON.stringify(got) !== JSON.stringify(c.version)) {
      problems.push(`version: expected ${JSON.stringify(c.version)}, got ${JSON.stringify(got)}`);
    }
  }
  if (JSON.stringify(result.tags) !== JSON.stringify(c.tags_out)) {
    problems.push(`tags: expected ${JSON.stringify(c.tags_out)}, got ${JSON.stringify(result.tags)}`);
  }
  const expectedLabels =
    c.labels_out ?? standardLabels(c.revision ?? env.GITHUB_SHA ?? '', c.version?.main ?? c.version_label ?? '');
  const gotLabels = labelLines(result.labels);
  if (JSON.stringify(gotLabels) !== JSON.stringify(expectedLabels)) {
    problems.push(`labels: expected ${JSON.stringify(expectedLabels)}, got ${JSON.stringify(gotLabels)}`);
  }
  // Annotations are the OCI defaults (the custom labels are not among them), at each level; json holds all three.
  const labelValue = (key: string) => expectedLabels.find((line) => line.startsWith(`org.opencontainers.image.${key}=`))?.split('=').slice(1).join('=') ?? '';
  const standard = standardLabels(labelValue('revision'), labelValue('version'));
  const expectedAnnotations = switches.annotationsLevels.flatMap((level) => standard.map((line) => `${level}:${line}`));
  const expectedJson = { tags: c.tags_out, labels: Object.fromEntries(expectedLabels.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])), annotations: expectedAnnotations };
  const expectedOutputs: Record<string, string> = {
    tags: c.tags_out.join('\n'),
    labels: expectedLabels.join('\n'),
    annotations: expectedAnnotations.join('\n'),
    json: JSON.stringify(expectedJson),
  };
  if (c.version) expectedOutputs.version = c.version.main ?? '';
  if (c.bake_args) problems.push(...bakeProblems(c, env, expectedJson));
  const outputs = Object.fromEntries(metadataActionOutputs(result).map(([name, value]) => [outputEnvName(name), value]));
  for (const [name, value] of Object.entries(expectedOutputs)) {
    if (outputs[outputEnvName(name)] !== value) problems.push(`${outputEnvName(name)}: expected ${JSON.stringify(value)}, got ${JSON.stringify(outputs[outputEnvName(name)])}`);
  }
  return problems;
}

/** The bake files of a bakeFile-table case: its annotations are asked for at `index,manifest-descriptor`. */
function bakeProblems(c: Case, env: Record<string, string>, json: { tags: string[]; labels: Record<string, string> }): string[] {
  const fixture = data.envs[c.env]!;
  const ctx = gitContextFromEnv({ ...env, DOCKER_METADATA_ANNOTATIONS_LEVELS: 'index,manifest-descriptor' }, () => JSON.stringify(fixture.payload));
  ctx.commitDate = MOCKED;
  const meta = computeMetadata(
    ctx,
    { images: (c.images ?? []).join('\n'), tags: (c.tags ?? []).join('\n'), flavor: (c.flavor ?? []).join('\n'), labels: (c.labels ?? []).join('\n'), repo: REPO },
    { now: MOCKED, defaultTags: METADATA_ACTION_DEFAULT_TAGS, annotationLevels: ['index', 'manifest-descriptor'] },
  );
  const standard = standardLabels(json.labels['org.opencontainers.image.revision'] ?? '', json.labels['org.opencontainers.image.version'] ?? '');
  const target = (body: unknown) => ({ target: { 'docker-metadata-action': body } });
  const expected = {
    tags: target({ tags: json.tags, args: c.bake_args }),
    labels: target({ labels: json.labels }),
    annotations: target({ annotations: ['index', 'manifest-descriptor'].flatMap((level) => standard.map((line) => `${level}:${line}`)) }),
    tagsLabels: target({ tags: json.tags, labels: json.labels, args: c.bake_args }),
  };
  const got = bakeDefinitions(meta);
  return (Object.keys(expected) as Array<keyof typeof expected>).flatMap((kind) =>
    JSON.stringify(got[kind]) === JSON.stringify(expected[kind]) ? [] : [`bake ${kind}: expected ${JSON.stringify(expected[kind])}, got ${JSON.stringify(got[kind])}`],
  );
}

function throws(fn: () => unknown): boolean {
  try {
    fn();
    return false;
  } catch {
    return true;
  }
}

function runParseCases(): Array<{ id: string; problems: string[] }> {
  const out: Array<{ id: string; problems: string[] }> = [];
  for (const p of data.tagParse) {
    const id = `tag.test parse ${p.input}`;
    if (p.error) {
      out.push({ id, problems: throws(() => parseTagSpec(p.input)) ? [] : ['expected an error'] });
      continue;
    }
    let problems: string[] = [];
    try {
      const spec = parseTagSpec(p.input);
      const got = { type: spec.type, priority: spec.priority, attrs: spec.attrs };
      const expected = { type: p.type, priority: p.priority, attrs: p.attrs };
      const sortKeys = (o: Record<string, string> | undefined) => JSON.stringify(Object.entries(o ?? {}).sort());
      if (got.type !== expected.type || got.priority !== expected.priority || sortKeys(got.attrs) !== sortKeys(expected.attrs)) {
        problems = [`expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`];
      }
    } catch (error) {
      problems = [`threw ${(error as Error).message}`];
    }
    out.push({ id, problems });
  }
  for (const t of data.tagOrder) {
    const got = parseTags(t.input.join('\n')).map((s) => (s.type === 'ref' ? `ref:${s.attrs.event}` : s.type));
    out.push({
      id: `tag.test transform ${t.input.length} rules`,
      problems: JSON.stringify(got) === JSON.stringify(t.order) ? [] : [`expected ${t.order.join(',')}, got ${got.join(',')}`],
    });
  }
  for (const f of data.flavor) {
    const id = `flavor.test ${JSON.stringify(f.input)}`;
    if (f.error) {
      out.push({ id, problems: throws(() => parseFlavor(f.input.join('\n'))) ? [] : ['expected an error'] });
      continue;
    }
    try {
      const got = parseFlavor(f.input.join('\n'));
      out.push({ id, problems: JSON.stringify(got) === JSON.stringify(f.expect) ? [] : [`expected ${JSON.stringify(f.expect)}, got ${JSON.stringify(got)}`] });
    } catch (error) {
      out.push({ id, problems: [`threw ${(error as Error).message}`] });
    }
  }
  for (const t of data.sepTags) {
    const fixture = data.envs[t.env]!;
    const ctx = gitContextFromEnv({ ...fixture.vars }, () => JSON.stringify(fixture.payload));
    ctx.commitDate = MOCKED;
    const meta = computeMetadata(ctx, { images: t.images.join('\n'), tags: t.tags.join('\n'), flavor: '', labels: '', repo: REPO }, { now: MOCKED, defaultTags: METADATA_ACTION_DEFAULT_TAGS });
    const got = Object.fromEntries(metadataActionOutputs(meta, { tags: t.sep, labels: '\n', annotations: '\n' })).tags;
    out.push({ id: `meta.test ${t.id}`, problems: got === t.expect ? [] : [`expected ${JSON.stringify(t.expect)}, got ${JSON.stringify(got)}`] });
  }
  for (const i of data.images) {
    const id = `image.test ${JSON.stringify(i.input)}`;
    if (i.error) {
      out.push({ id, problems: throws(() => parseImages(i.input.join('\n'))) ? [] : ['expected an error'] });
      continue;
    }
    try {
      const got = parseImages(i.input.join('\n'));
      // metadata-action keeps the name's case here and lower-cases it when making tags; image-build lower-cases on input.
      const expected = i.expect!.map((e) => ({ name: e.name.toLowerCase(), enable: e.enable }));
      out.push({ id, problems: JSON.stringify(got) === JSON.stringify(expected) ? [] : [`expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`] });
    } catch (error) {
      out.push({ id, problems: [`threw ${(error as Error).message}`] });
    }
  }
  return out;
}

describe('metadata-action compatibility', () => {
  test('agrees on every one of metadata-action’s published cases outside the documented deviations', async () => {
    const results = [
      ...(await Promise.all(data.cases.map(async (c) => ({ id: `meta.test ${c.id} (${c.env})`, problems: await runCase(c), deviation: c.deviation })))),
      ...runParseCases().map((r) => ({ ...r, deviation: undefined as string | undefined })),
    ];
    const counted = results.filter((r) => r.deviation === undefined);
    const agreeing = counted.filter((r) => r.problems.length === 0);
    const differing = results.filter((r) => r.problems.length > 0);
    const percent = (100 * agreeing.length) / counted.length;
    const lines = [
      `metadata-action compatibility: ${agreeing.length}/${counted.length} cases agree (${percent.toFixed(1)}%)` +
        ` — ${data.cases.length} meta.test cases, ${results.length - data.cases.length} tag/flavor/image parser cases` +
        `, ${results.length - counted.length} excluded as documented deviations`,
      ...differing.map((r) => `  DIFF ${r.id}${r.deviation ? ` [deviation: ${r.deviation}]` : ''}\n    ${r.problems.join('\n    ')}`),
    ];
    console.log(lines.join('\n'));
    expect(counted.length).toBeGreaterThanOrEqual(100);
    expect(differing.filter((r) => r.deviation === undefined).map((r) => r.id)).toEqual([]);
    expect(percent).toBe(100);
  });
});
