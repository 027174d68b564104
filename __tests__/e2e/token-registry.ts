// A registry with Bearer-token auth for credential tests, started by the test itself:
// Debian's docker-registry (distribution 2.8) configured for `auth: token`, and a
// small token service of our own on 127.0.0.1 beside it. The service signs JWTs
// (RS256, the certificate in `x5c`, the registry trusting that certificate) for one
// user, and speaks both token protocols Docker uses: GET with Basic credentials
// (with `offline_token=true` it also hands out a refresh token, which `docker login`
// stores as `identitytoken`), and the OAuth2 POST with `grant_type=refresh_token` or
// `password`. Requests are recorded so a test can tell which protocol was used.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { closedPort } from '../net.ts';

export interface TokenRequestRecord {
  method: string;
  grant: 'basic' | 'refresh_token' | 'password' | 'anonymous' | 'rejected';
  /** `docker` from the Docker daemon and BuildKit's clients, `image-build` from the action's own registry client. */
  clientId: string;
  scopes: string[];
  offline: boolean;
}

export interface TokenRegistry {
  /** `127.0.0.1:<port>`, the registry part of image names. */
  host: string;
  user: string;
  password: string;
  requests: TokenRequestRecord[];
  /** Refresh tokens handed out so far (identity tokens once `docker login` stores them). */
  refreshTokens(): string[];
  /** The registry's digest for a tag, read with a token of our own; undefined when absent. */
  digest(ref: string): Promise<string | undefined>;
  close(): Promise<void>;
}

const SERVICE = 'image-build-token-test';
const ISSUER = 'image-build-token-issuer';

export async function startTokenRegistry(options: { user?: string; password?: string } = {}): Promise<TokenRegistry> {
  const user = options.user ?? 'token-user';
  const password = options.password ?? crypto.randomBytes(12).toString('base64url');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'image-build-token-registry-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=image-build-token-test'], { stdio: 'ignore' });
  const key = crypto.createPrivateKey(fs.readFileSync(path.join(dir, 'key.pem')));
  const certDer = new crypto.X509Certificate(fs.readFileSync(path.join(dir, 'cert.pem'))).raw.toString('base64');
  const refresh = new Map<string, string>();
  const requests: TokenRequestRecord[] = [];

  const sign = (subject: string, scopes: string[]): string => {
    const now = Math.floor(Date.now() / 1000);
    const access = scopes.flatMap((scope) => {
      const [type, name, actions] = scope.split(':');
      return type && name && actions !== undefined ? [{ type, name, actions: subject ? actions.split(',') : [] }] : [];
    });
    const header = { typ: 'JWT', alg: 'RS256', x5c: [certDer] };
    const claims = { iss: ISSUER, sub: subject, aud: SERVICE, exp: now + 300, nbf: now - 10, iat: now, jti: crypto.randomUUID(), access };
    const body = `${b64(header)}.${b64(claims)}`;
    return `${body}.${crypto.sign('sha256', Buffer.from(body), key).toString('base64url')}`;
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://token');
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const params = req.method === 'POST' ? form : url.searchParams;
      const scopes = params.getAll('scope').flatMap((scope) => scope.split(' ')).filter(Boolean);
      const offline = params.get('offline_token') === 'true' || params.get('access_type') === 'offline';
      const record: TokenRequestRecord = { method: req.method ?? '', grant: 'anonymous', clientId: params.get('client_id') ?? '', scopes, offline };
      requests.push(record);
      let subject = '';
      if (req.method === 'POST') {
        const grant = form.get('grant_type');
        if (grant === 'refresh_token' && refresh.has(form.get('refresh_token') ?? '')) {
          subject = refresh.get(form.get('refresh_token')!)!;
          record.grant = 'refresh_token';
        } else if (grant === 'password' && form.get('username') === user && form.get('password') === password) {
          subject = user;
          record.grant = 'password';
        } else {
          record.grant = 'rejected';
          return reply(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: 'bad grant' }] });
        }
      } else {
        const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
        if (basic) {
          const decoded = Buffer.from(basic, 'base64').toString('utf8');
          if (decoded !== `${user}:${password}`) {
            record.grant = 'rejected';
            return reply(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: 'bad credentials' }] });
          }
          subject = user;
          record.grant = 'basic';
        }
      }
      const token = sign(subject, scopes);
      const answer: Record<string, unknown> = { token, access_token: token, expires_in: 300, issued_at: new Date().toISOString() };
      if (subject && offline) {
        const refreshToken = crypto.randomBytes(18).toString('base64url');
        refresh.set(refreshToken, subject);
        answer.refresh_token = refreshToken;
      }
      reply(res, 200, answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const tokenPort = (server.address() as AddressInfo).port;

  const port = await closedPort();
  fs.writeFileSync(
    path.join(dir, 'config.yml'),
    [
      'version: 0.1',
      'log: {level: warn, accesslog: {disabled: true}}',
      `storage: {filesystem: {rootdirectory: ${path.join(dir, 'data')}}, delete: {enabled: true}}`,
      `http: {addr: '127.0.0.1:${port}', secret: token-test}`,
      `auth: {token: {realm: 'http://127.0.0.1:${tokenPort}/token', service: ${SERVICE}, issuer: ${ISSUER}, rootcertbundle: ${path.join(dir, 'cert.pem')}}}`,
      '',
    ].join('\n'),
  );
  const registry: ChildProcess = spawn('docker-registry', ['serve', path.join(dir, 'config.yml')], { stdio: ['ignore', 'ignore', fs.openSync(path.join(dir, 'registry.log'), 'a')] });
  await waitForRegistry(`http://127.0.0.1:${port}/v2/`, registry, path.join(dir, 'registry.log'));

  return {
    host: `127.0.0.1:${port}`,
    user,
    password,
    requests,
    refreshTokens: () => [...refresh.keys()],
    async digest(ref: string) {
      const match = /^[^/]+\/(.+):([^:/]+)$/.exec(ref);
      if (!match) throw new Error(`not a tagged reference: ${ref}`);
      const token = sign(user, [`repository:${match[1]}:pull`]);
      const response = await fetch(`http://127.0.0.1:${port}/v2/${match[1]}/manifests/${match[2]}`, {
        method: 'HEAD',
        headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json, application/vnd.docker.distribution.manifest.list.v2+json' },
      });
      if (response.status === 404) return undefined;
      if (!response.ok) throw new Error(`HEAD ${ref}: ${response.status}`);
      return response.headers.get('docker-content-digest') ?? undefined;
    },
    async close() {
      registry.kill('SIGTERM');
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function waitForRegistry(url: string, child: ChildProcess, log: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited: ${fs.readFileSync(log, 'utf8')}`);
    try {
      const response = await fetch(url);
      if (response.status === 401) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`docker-registry did not answer on ${url}: ${fs.readFileSync(log, 'utf8')}`);
}
