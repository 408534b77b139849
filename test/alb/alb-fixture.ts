/**
 * A generated service repository with user sign-in, synthesized to disk, behind the local ALB, with
 * a test IdP and a backend that echoes what reaches it; and a cookie-keeping HTTP client.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, IncomingHttpHeaders, request, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as YAML from 'yaml';
import { TestIdp } from './test-idp';
import { RunningLocalAlb, startLocalAlb } from '../../src/alb';
import { DevCredentials, IssuerSpec, LOCAL_CREDENTIALS_DIR, loadDevCredentials, readIssuerSpec } from '../../src/local';
import { synthToDisk, tempDir, TestProjectOptions } from '../util';

/** Routes of every kind: bearer and open ones on the API Ingress, alb-user ones on the sign-in Ingress. */
export const ROUTES: TestProjectOptions['routes'] = [
  { method: 'GET', path: '/api/demo/protectedRole/{name}', scopes: ['demo.read'] },
  { method: 'POST', path: '/api/demo/protectedUpload', scopes: ['demo.write'] },
  { method: 'GET', path: '/status', auth: 'none' },
  { method: 'GET', path: '/app/profile', auth: 'alb-user' },
  { method: 'POST', path: '/app/orders/{id}', auth: 'alb-user' },
  { method: 'GET', path: '/app/logout', auth: 'alb-user' },
];

/** A synthesized repository whose web client has a secret in the dev credentials store. */
export function createSignInRepo(options: TestProjectOptions = {}): { dir: string; spec: IssuerSpec; credentials: DevCredentials } {
  const dir = tempDir();
  synthToDisk(dir, { userAuth: { host: 'app.example.com' }, routes: ROUTES, ...options });
  const spec = readIssuerSpec(dir);
  loadDevCredentials(dir, spec);
  // The web client gets a secret as Cognito's ALB clients have one; the store keeps a stored secret.
  const path = join(dir, LOCAL_CREDENTIALS_DIR, 'clients.json');
  const clients = JSON.parse(readFileSync(path, 'utf8'));
  const web = spec.userAuth!.webClientName;
  clients[web] = { clientSecret: 'websecret0123456789abcdefghijklmnopqrstuvwxyz0123456', ...clients[web] };
  writeFileSync(path, JSON.stringify(clients), { mode: 0o600 });
  return { dir, spec, credentials: loadDevCredentials(dir, spec) };
}

/** What the echo backend saw. */
export interface Echo {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/**
 * A backend that answers every request with JSON of what it received; `/app/logout` expires the
 * session cookie. It takes 64 KB of headers like the ALB: session cookie shards plus the signed
 * claims of a large user exceed Node's default 16 KB.
 */
export async function startEchoBackend(): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer({ maxHeaderSize: 64 * 1024 }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const echo: Echo = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString() };
      const logout = req.url === '/app/logout'
        ? { 'Set-Cookie': [0, 1, 2].map((i) => `AWSELBAuthSessionCookie-${i}=; Max-Age=0; Path=/; Secure; HttpOnly`) } : {};
      res.writeHead(200, { 'Content-Type': 'application/json', ...logout }).end(JSON.stringify(echo));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, server, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Everything a sign-in test needs, started. */
export interface SignInRig {
  readonly dir: string;
  readonly spec: IssuerSpec;
  readonly credentials: DevCredentials;
  readonly idp: TestIdp;
  readonly alb: RunningLocalAlb;
  readonly log: string[];
  close(): Promise<void>;
}

/** Starts the IdP, the echo backend and the local ALB for a fresh repository, after `editWeb` changed the sign-in Ingress on disk. */
export async function startRig(options: TestProjectOptions = {}, editWeb?: (ingress: any) => void): Promise<SignInRig> {
  const { dir, spec, credentials } = createSignInRepo(options);
  if (editWeb) {
    const path = join(dir, 'k8s', 'ingress-web.yaml');
    const ingress = YAML.parse(readFileSync(path, 'utf8'));
    editWeb(ingress);
    writeFileSync(path, YAML.stringify(ingress));
  }
  const web = credentials.clients.get(spec.userAuth!.webClientName)!;
  const idp = await TestIdp.start(spec, web);
  const backend = await startEchoBackend();
  const log: string[] = [];
  const alb = await startLocalAlb({ dir, port: 0, backendUrl: backend.url, issuerUrl: idp.url, log: (l) => log.push(l) });
  idp.redirectUri = `${alb.url}/oauth2/idpresponse`;
  return {
    dir,
    spec,
    credentials,
    idp,
    alb,
    log,
    close: async () => {
      await alb.close();
      await idp.close();
      await backend.close();
    },
  };
}

/** An answer as the client saw it. */
export interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly url: string;
}

/** A minimal browser: keeps cookies per host (Max-Age=0 deletes), connects to 127.0.0.1 whatever the host name. */
export class Browser {
  public readonly jar = new Map<string, Map<string, string>>();

  /** One request, no redirects followed. */
  public request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
    const u = new URL(url);
    const cookies = [...(this.jar.get(u.host) ?? new Map())].map(([k, v]) => `${k}=${v}`).join('; ');
    return new Promise((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: u.port,
        method: init.method ?? 'GET',
        // The raw path, not the URL parser's normalized one, so tests can send dot segments and backslashes.
        path: url.replace(/^http:\/\/[^/]+/, '') || '/',
        headers: { host: u.host, ...(cookies && { cookie: cookies }), ...init.headers },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          this.store(u.host, res.headers['set-cookie'] ?? []);
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString(), url });
        });
      });
      req.on('error', reject);
      req.end(init.body);
    });
  }

  /** GETs the URL and follows redirects; every hop is returned, the last one is the final answer. */
  public async follow(url: string, headers: Record<string, string> = {}): Promise<Answer[]> {
    const hops: Answer[] = [];
    let next: string | undefined = url;
    while (next && hops.length < 10) {
      const answer = await this.request(next, { headers });
      hops.push(answer);
      next = answer.status === 302 ? new URL(answer.headers.location!, next).toString() : undefined;
    }
    return hops;
  }

  private store(host: string, setCookies: string[]): void {
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    for (const c of setCookies) {
      const [pair] = c.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      if (/;\s*Max-Age=0/i.test(c)) cookies.delete(name);
      else cookies.set(name, pair.slice(pair.indexOf('=') + 1));
    }
    this.jar.set(host, cookies);
  }
}

/** The echo body of the final answer. */
export function echoOf(answer: Answer): Echo {
  return JSON.parse(answer.body) as Echo;
}
