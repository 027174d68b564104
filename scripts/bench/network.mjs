// The networks the benchmark runs on. "loopback" is the machine as it is; "hosted"
// models what a GitHub-hosted runner sees: the cache service over a link of 50 MB/s
// down and 25 MB/s up shared by all streams, 50 ms a request (scripts/cache-service.mjs),
// and the registry 50 ms a request away (a small proxy in front of the stack's registry).
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { nodeBinary, root } from '../run-action.mjs';

export const PROFILES = {
  loopback: { id: 'loopback', label: 'loopback', downMBps: 0, upMBps: 0, latencyMs: 0, registryLatencyMs: 0, series: true },
  // The series of one-file changes (cache growth) runs on loopback only: it is about bytes stored, not time.
  hosted: { id: 'hosted', label: 'hosted model', downMBps: 50, upMBps: 25, latencyMs: 50, registryLatencyMs: 50, series: false },
};

/** One line for the report: what the network of `profile` is. */
export function describeProfile(profile) {
  if (!profile.downMBps && !profile.upMBps && !profile.latencyMs && !profile.registryLatencyMs) return 'cache service and registry on loopback';
  const speed = (mbps) => (mbps > 0 ? `${mbps} MB/s` : 'loopback speed');
  return `cache service behind one shared link of ${speed(profile.downMBps)} down and ${speed(profile.upMBps)} up, ${profile.latencyMs} ms a request; ` +
    `registry ${profile.registryLatencyMs} ms a request`;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A private instance of the stack's cache-service emulator behind `profile`'s link, in its own
 * process, listening on `host` (a builder in a container on a bridge needs its gateway).
 */
export async function startCacheService(profile, dir, logFile, host = '127.0.0.1') {
  const out = fs.openSync(logFile, 'a');
  const args = ['--port', '0', '--dir', dir, '--host', host];
  if (profile.downMBps > 0) args.push('--down-mbps', String(profile.downMBps));
  if (profile.upMBps > 0) args.push('--up-mbps', String(profile.upMBps));
  if (profile.latencyMs > 0) args.push('--latency-ms', String(profile.latencyMs));
  const child = spawn(nodeBinary(), [path.join(root, 'scripts/cache-service.mjs'), ...args], { stdio: ['ignore', out, out] });
  fs.closeSync(out);
  for (let waited = 0; waited < 10_000; waited += 50) {
    const url = /listening on (\S+)/.exec(fs.readFileSync(logFile, 'utf8'))?.[1];
    if (url) return { url, stop: () => child.kill('SIGTERM') };
    if (child.exitCode !== null) break;
    await sleep(50);
  }
  child.kill('SIGTERM');
  throw new Error(`the cache-service emulator did not start:\n${fs.readFileSync(logFile, 'utf8')}`);
}

/**
 * The registry `latencyMs` away: every request waits that long, then goes to
 * `target` (host:port) as it came, Host header included, so the registry's
 * upload locations point back through the proxy. Undefined latency: the registry itself.
 * `listen`: the address the proxy listens on (a bridge's gateway, for builders on it).
 */
export async function startRegistryProxy(target, latencyMs, listen = '127.0.0.1') {
  if (!(latencyMs > 0)) return { host: target, stop: () => {} };
  const [targetHost, targetPort] = target.split(':');
  const server = http.createServer((request, response) => {
    setTimeout(() => {
      const upstream = http.request({ host: targetHost, port: Number(targetPort), method: request.method, path: request.url, headers: request.headers }, (reply) => {
        response.writeHead(reply.statusCode ?? 502, reply.rawHeaders);
        reply.pipe(response);
      });
      upstream.on('error', () => {
        if (!response.headersSent) response.writeHead(502);
        response.end();
      });
      request.pipe(upstream);
    }, latencyMs);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, listen, resolve));
  return { host: `${listen}:${server.address().port}`, stop: () => { server.close(); server.closeAllConnections(); } };
}

/**
 * ACTIONS_RUNTIME_TOKEN as a runner hands it out: a JWT whose claims BuildKit's
 * gha backend reads (`ac`: the cache scopes as a JSON list of {Scope, Permission},
 * read 1 | write 2; `nbf`, `exp`). The signature is random: nobody here checks it.
 */
export function runtimeToken(scopes = ['refs/heads/main']) {
  const now = Math.floor(Date.now() / 1000);
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = { nameid: 'dddddddd-dddd-dddd-dddd-dddddddddddd', scp: 'Actions.Results:1001:1', iss: 'vstoken.actions.githubusercontent.com', aud: 'vstoken.actions.githubusercontent.com',
    ac: JSON.stringify(scopes.map((scope) => ({ Scope: scope, Permission: 3 }))), nbf: now - 60, iat: now - 60, exp: now + 6 * 3600 };
  return `${part({ typ: 'JWT', alg: 'RS256' })}.${part(claims)}.${crypto.randomBytes(32).toString('base64url')}`;
}
