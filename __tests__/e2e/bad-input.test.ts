// Bad input → one clear error. Each row runs the bundled action (dist/index.cjs,
// then dist/post.cjs) as a runner does, and checks: a non-zero exit, exactly one
// `::error` annotation that names the input (title `input <name>`) or the file and
// line, says what is wrong or what is accepted, and no stack trace anywhere.
// All but the last rows fail before Docker is touched.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotations, buildStarted, stackFrames } from './annotations.ts';
import { docker, exampleWorkspace, runAction, stack } from './helpers.ts';

interface BadInput {
  name: string;
  inputs?: Record<string, string>;
  /** Files written into the workspace (the example app) before the run; null deletes. */
  files?: Record<string, string | null>;
  /** What the one `::error` must say. */
  error: { input?: string; file?: string; line?: number; says: RegExp };
  /** Rows that only fail once BuildKit runs. */
  reachesBuild?: boolean;
  /** Extra environment of the run. */
  env?: Record<string, string>;
}

const BOOLEAN = /is not a boolean; use "true" or "false"/;

const cases: BadInput[] = [
  // Values of the closed inputs.
  { name: 'push: unknown value', inputs: { push: 'maybe' }, error: { input: 'push', says: /push: "maybe" is not one of "true", "false", "auto"/ } },
  { name: 'cache: unknown value', inputs: { cache: 'yes' }, error: { input: 'cache', says: /cache: "yes" is not one of "true", "false", "read-only"/ } },
  { name: 'cache-mode: unknown value', inputs: { 'cache-mode': 'all' }, error: { input: 'cache-mode', says: /"all" is not one of "max", "min"/ } },
  { name: 'cache-backend: unknown value', inputs: { 'cache-backend': 's3' }, error: { input: 'cache-backend', says: /"s3" is not one of "actions", .*"local"/ } },
  { name: 'skip-unchanged: not a boolean', inputs: { 'skip-unchanged': 'yes' }, error: { input: 'skip-unchanged', says: BOOLEAN } },
  { name: 'dry-run: not a boolean', inputs: { 'dry-run': '1' }, error: { input: 'dry-run', says: BOOLEAN } },
  { name: 'advice: not a boolean', inputs: { advice: 'maybe' }, error: { input: 'advice', says: BOOLEAN } },
  { name: 'cache-backend local without cache-dir', inputs: { 'cache-backend': 'local' }, error: { input: 'cache-dir', says: /needs "cache-dir"/ } },
  { name: 'cache-key-prefix with a space', inputs: { 'cache-key-prefix': 'my prefix' }, error: { input: 'cache-key-prefix', says: /only letters, digits, "\.", "_" and "-"/ } },
  { name: 'build-args line that is not NAME=value', inputs: { 'build-args': '1BAD=x' }, error: { input: 'build-args', says: /"1BAD=x" is not NAME=value/ } },
  { name: 'password without username', inputs: { password: 'not-a-real-secret' }, error: { input: 'username', says: /"password" is set but "username" is not/ } },
  { name: 'logins line without a password', inputs: { logins: 'registry=quay.io,username=bot' }, error: { input: 'logins', says: /logins: line 1 needs registry=, username= and password=/ } },
  { name: 'logins line with an unknown field', inputs: { logins: 'registry=quay.io,user=bot,password=not-a-real-secret' }, error: { input: 'logins', says: /^logins: line 1 has a field other than registry=, username=, password=$/ } },
  { name: 'index annotations on a single-platform image', env: { DOCKER_METADATA_ANNOTATIONS_LEVELS: 'manifest,index' }, error: { input: 'annotations', says: /index annotations need a multi-platform image.*DOCKER_METADATA_ANNOTATIONS_LEVELS=manifest/ } },
  { name: 'SOURCE_DATE_EPOCH that is not seconds', env: { SOURCE_DATE_EPOCH: '2024-01-01' }, error: { says: /SOURCE_DATE_EPOCH must be whole seconds since 1970, not "2024-01-01"/ } },
  { name: 'context {{defaultContext}} with a path but no colon', inputs: { context: '{{defaultContext}}/app' }, error: { input: 'context', says: /only ":<folder>" may follow/ } },

  // build-push-action's build inputs (src/inputs/build-inputs.ts).
  { name: 'load: not a boolean', inputs: { load: 'yes' }, error: { input: 'load', says: BOOLEAN } },
  { name: 'no-cache: not a boolean', inputs: { 'no-cache': 'sometimes' }, error: { input: 'no-cache', says: BOOLEAN } },
  { name: 'platforms: not a platform', inputs: { platforms: 'linux/amd64,linux/nope' }, error: { input: 'platforms', says: /"linux\/nope" is not a platform; use os\/arch/ } },
  { name: 'outputs: unknown type', inputs: { outputs: 'type=s3' }, error: { input: 'outputs', says: /type "s3" is not one of image, registry/ } },
  { name: 'outputs: oci without dest', inputs: { outputs: 'type=oci' }, error: { input: 'outputs', says: /needs dest=<path>/ } },
  { name: 'outputs: push-by-digest without a name', inputs: { outputs: 'type=image,push-by-digest=true,push=true' }, error: { input: 'outputs', says: /names no repository; add name=/ } },
  { name: 'secret-files: missing file', inputs: { 'secret-files': 'token=no-such-file' }, error: { input: 'secret-files', says: /the file of secret "token" .* does not exist/ } },
  { name: 'secrets: not KEY=value, its text kept out', inputs: { secrets: 'not-a-real-secret-value' }, error: { input: 'secrets', says: /an entry is not KEY=value \(its text is not shown/ } },
  { name: 'build-contexts: not name=value', inputs: { 'build-contexts': '../lib' }, error: { input: 'build-contexts', says: /"\.\.\/lib" is not name=value/ } },
  { name: 'cache-from: unclosed quote', inputs: { 'cache-from': '"type=registry,ref=x' }, error: { input: 'cache-from', says: /a quoted field is not closed/ } },
  { name: 'merge-digests: not a digest', inputs: { 'merge-digests': 'latest' }, error: { input: 'merge-digests', says: /"latest" is not a digest \(sha256:<64 hex>/ } },

  // Paths.
  { name: 'missing context folder', inputs: { context: 'no-such-folder' }, error: { input: 'context', says: /context folder "no-such-folder" does not exist/ } },
  { name: 'context is a file', inputs: { context: 'deps.txt' }, error: { input: 'context', says: /context folder "deps.txt" is not a folder/ } },
  { name: 'missing Dockerfile (file input)', inputs: { file: 'docker/Dockerfile.prod' }, error: { input: 'file', says: /Dockerfile "docker\/Dockerfile.prod" does not exist; set "file"/ } },
  { name: 'missing Dockerfile (default in context)', files: { Dockerfile: null }, error: { input: 'file', says: /Dockerfile "Dockerfile" does not exist/ } },

  // Image names.
  { name: 'image name with spaces', inputs: { images: 'my app' }, error: { input: 'images', says: /"my app" must not contain spaces/ } },
  { name: 'image name with an empty path component', inputs: { images: `${stack.IMAGE_BUILD_REGISTRY}/org//app` }, error: { input: 'images', says: /invalid path component "".*\(lowercase letters, digits and single separators/ } },
  { name: 'image name starting with a dash', inputs: { images: '-org/app' }, error: { input: 'images', says: /invalid path component "-org"/ } },
  { name: 'image name with a tag', inputs: { images: `${stack.IMAGE_BUILD_REGISTRY}/org/app:v1` }, error: { input: 'images', says: /must not include a tag \(":v1"\); tags come from the tags input/ } },
  { name: 'images entry without a name', inputs: { images: 'name=,enable=true' }, error: { input: 'images', says: /no image name in "name=,enable=true"/ } },
  { name: 'images enable not a boolean', inputs: { images: 'name=org/app,enable=maybe' }, error: { input: 'images', says: /enable must be true or false, not "maybe"/ } },

  // The tags and flavor language.
  { name: 'tags: unknown type', inputs: { tags: 'type=bogus' }, error: { input: 'tags', says: /unknown type "bogus".*\(allowed: .*semver.*\)/ } },
  { name: 'tags: semver without pattern', inputs: { tags: 'type=semver' }, error: { input: 'tags', says: /type=semver needs a pattern, e\.g\. pattern=\{\{version\}\}/ } },
  { name: 'tags: ref without event', inputs: { tags: 'type=ref' }, error: { input: 'tags', says: /type=ref needs event=branch, event=tag or event=pr/ } },
  { name: 'tags: raw without value', inputs: { tags: 'type=raw' }, error: { input: 'tags', says: /type=raw needs a value/ } },
  { name: 'tags: match without pattern', inputs: { tags: 'type=match' }, error: { input: 'tags', says: /type=match needs a pattern/ } },
  { name: 'tags: enable not a boolean', inputs: { tags: 'type=raw,value=x,enable=perhaps' }, error: { input: 'tags', says: /enable must be true or false, not "perhaps"/ } },
  { name: 'tags: unclosed expression', inputs: { tags: "type=raw,value={{date 'YYYY'" }, error: { input: 'tags', says: /missing "\}\}"/ } },
  { name: 'tags: sha format unknown', inputs: { tags: 'type=sha,format=weird' }, error: { input: 'tags', says: /format must be short or long, not "weird"/ } },
  { name: 'flavor: bad latest', inputs: { flavor: 'latest=perhaps' }, error: { input: 'flavor', says: /latest must be auto, true or false, not "perhaps"/ } },
  { name: 'flavor: unknown setting', inputs: { flavor: 'nonsense=1' }, error: { input: 'flavor', says: /unknown setting "nonsense".*\(allowed: latest, prefix, suffix, onlatest\)/ } },

  // Files: .dockerignore and the Dockerfile, reported at file and line.
  { name: '.dockerignore: bad pattern', files: { '.dockerignore': '.git\n*.log\n[a-\n' }, error: { file: '.dockerignore', line: 3, says: /bad pattern "\[a-"/ } },
  { name: '.dockerignore: lone "!"', files: { '.dockerignore': '# comment\n!\n' }, error: { file: '.dockerignore', line: 2, says: /illegal exclusion pattern: "!"/ } },
  { name: 'Dockerfile.dockerignore: bad pattern', files: { 'Dockerfile.dockerignore': 'src/\\' }, error: { file: 'Dockerfile.dockerignore', line: 1, says: /bad pattern/ } },
  { name: 'Dockerfile: unknown instruction', files: { Dockerfile: 'FROM scratch\nFROBNICATE x\n' }, error: { file: 'Dockerfile', line: 2, says: /unknown instruction "FROBNICATE"/ } },
  { name: 'Dockerfile: empty', files: { Dockerfile: '# nothing here\n' }, error: { file: 'Dockerfile', line: 1, says: /no FROM instruction/ } },
  { name: 'Dockerfile: RUN before FROM', files: { Dockerfile: 'RUN true\nFROM scratch\n' }, error: { file: 'Dockerfile', line: 1, says: /the first instruction must be FROM \(or ARG before FROM\), not RUN/ } },
  { name: 'Dockerfile: FROM without image', files: { Dockerfile: '# base\nFROM\n' }, error: { file: 'Dockerfile', line: 2, says: /FROM needs an image/ } },
  { name: 'Dockerfile: FROM an unset ARG', files: { Dockerfile: 'ARG IMAGE\nFROM ${IMAGE}\n' }, error: { file: 'Dockerfile', line: 2, says: /names no image; declare the ARG before FROM with a default, or pass it in build-args/ } },

  // Failures only BuildKit finds: one error at the Dockerfile.
  {
    name: 'failing RUN',
    files: { Dockerfile: 'ARG BASE\nFROM ${BASE}\nRUN echo "about to fail" && exit 3\n' },
    inputs: { push: 'false' },
    error: { file: 'Dockerfile', line: 3, says: /RUN echo "about to fail" && exit 3 failed: .*exit code: 3\nabout to fail/s },
    reachesBuild: true,
  },
  { name: 'unknown target stage', inputs: { target: 'nostage' }, error: { input: 'target', says: /target "nostage" is not a stage of Dockerfile; it names no stage/ } },
];

// Buildx before 0.15 has no --call: `call` then fails with one error naming it (newer ones run the check).
if (buildxBefore(0, 15)) {
  cases.push({ name: 'call on a Buildx without --call', inputs: { call: 'check', push: 'false' }, error: { input: 'call', says: /call: this Buildx has no --call \(it came with Buildx 0\.15\)/ }, reachesBuild: true });
}

function buildxBefore(major: number, minor: number): boolean {
  const [, a = '0', b = '0'] = /(\d+)\.(\d+)\./.exec(docker('buildx', 'version')) ?? [];
  return Number(a) < major || (Number(a) === major && Number(b) < minor);
}

describe('bad input: one clear error, no stack trace', () => {
  it.concurrent.each(cases)('$name', async ({ inputs = {}, files = {}, error, reachesBuild = false, env = {} }) => {
    const workspace = exampleWorkspace();
    for (const [file, text] of Object.entries(files)) {
      if (text === null) fs.rmSync(path.join(workspace, file));
      else fs.writeFileSync(path.join(workspace, file), text);
    }
    const run = await runAction({
      workspace,
      inputs: {
        images: `${stack.IMAGE_BUILD_REGISTRY}/e2e/bad-input`,
        'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`,
        cache: 'false',
        ...inputs,
      },
      env,
    });
    const log = run.stdout + run.stderr;
    expect(run.code, log).not.toBe(0);
    const errors = annotations(run.stdout, 'error');
    expect(errors, log).toHaveLength(1);
    const [only] = errors;
    if (error.input) expect(only!.props.title).toBe(`input ${error.input}`);
    if (error.file) expect(only!.props.file).toBe(error.file);
    if (error.line) expect(only!.props.line).toBe(String(error.line));
    expect(only!.message).toMatch(error.says);
    expect(stackFrames(run.stdout, run.stderr, run.post.stdout, run.post.stderr)).toEqual([]);
    expect(buildStarted(run.stdout)).toBe(reachesBuild);
    expect(run.post.code).toBe(0);
    fs.rmSync(workspace, { recursive: true, force: true });
  });
});
