// `docker-credential-<name> get` run as real child processes (small shell scripts on a
// PATH of the test's own): the answer, "not found", a helper that never answers (stopped
// at the time limit, the event loop running all the while), and a cancel of the step.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { HelperCancelled, HelperError, runCredentialHelper } from '../../src/buildx/credentials.ts';
import { alive, until } from '../processes.ts';

/** A folder with `docker-credential-<name>` scripts; each writes its pid to `<name>.pid` first. */
function helpers(scripts: Record<string, string>): { env: NodeJS.ProcessEnv; pidOf(name: string): number } {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-helper-unit-'));
  for (const [name, body] of Object.entries(scripts)) {
    fs.writeFileSync(path.join(bin, `docker-credential-${name}`), `#!/bin/sh\necho $$ > '${bin}/${name}.pid'\n${body}\n`, { mode: 0o755 });
  }
  return {
    env: { PATH: `${bin}:/usr/bin:/bin` },
    pidOf: (name) => Number(fs.readFileSync(path.join(bin, `${name}.pid`), 'utf8')),
  };
}

describe('a credential helper', () => {
  test('its answer, and "not found" as nothing for that server', async () => {
    const { env } = helpers({
      store: `read server\n[ "$server" = reg.example ] && echo '{"ServerURL":"reg.example","Username":"u","Secret":"s3cret"}' && exit 0\necho 'credentials not found in native keychain'; exit 1`,
    });
    const run = runCredentialHelper(env);
    expect(await run('store', 'reg.example')).toEqual({ username: 'u', secret: 's3cret' });
    expect(await run('store', 'other.example')).toBeUndefined();
  });

  test('a failure names the helper and never what it printed', async () => {
    const { env } = helpers({ noisy: "echo 'leaked-secret-value' >&2; exit 3" });
    const failure = await runCredentialHelper(env)('noisy', 'reg.example').catch((error: Error) => error);
    expect(failure).toBeInstanceOf(HelperError);
    expect((failure as Error).message).toBe('docker-credential-noisy get failed for reg.example (exit status 3)');
  });

  test('one that never answers is stopped at the time limit, with the event loop running meanwhile', async () => {
    // It ignores SIGINT: killed with its children once the grace period is over.
    const { env, pidOf } = helpers({ hang: "trap '' INT\nsleep 60 &\nwait" });
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 50);
    const started = Date.now();
    const failure = await runCredentialHelper({ ...env, IMAGE_BUILD_CREDENTIAL_HELPER_TIMEOUT: '1' })('hang', 'reg.example').catch((error: Error) => error);
    clearInterval(ticker);
    expect(failure).toBeInstanceOf(HelperError);
    expect((failure as Error).message).toBe('docker-credential-hang get did not answer for reg.example within 1 s and was stopped');
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(ticks).toBeGreaterThan(10);
    expect(alive(pidOf('hang'))).toBe(false);
  });

  test("the step's cancel stops it at once", async () => {
    const { env, pidOf } = helpers({ slow: 'exec sleep 60' });
    const cancel = new AbortController();
    const lookup = runCredentialHelper(env, { signal: cancel.signal })('slow', 'reg.example').catch((error: Error) => error);
    const pidFile = () => {
      try {
        return pidOf('slow') > 0;
      } catch {
        return false;
      }
    };
    await until(pidFile);
    const started = Date.now();
    cancel.abort();
    const failure = await lookup;
    expect(failure).toBeInstanceOf(HelperCancelled);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(alive(pidOf('slow'))).toBe(false);
  });

  test('a helper that is not on PATH', async () => {
    await expect(runCredentialHelper({ PATH: '/nonexistent' })('absent', 'reg.example')).rejects.toThrow('credential helper docker-credential-absent is not on PATH');
  });
});
