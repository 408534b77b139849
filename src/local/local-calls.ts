/**
 * What a generated repository's tests of outbound calls run against: its local issuer and an upstream
 * API that accepts the issuer's tokens, both on 127.0.0.1.
 */
import { verify } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startIssuer } from './start-issuer';

/** Which clients and calls to configure, as src/calls.ts names them. */
export interface LocalCallsOptions {
  /** Root of the service repository (where `.eks-cognito-kit/issuer.json` is). */
  readonly dir: string;
  /** `CLIENT_ID_<key>` suffix -> the app client's name in .projenrc.ts. */
  readonly clients: Readonly<Record<string, string>>;
  /** The `CALL_<env>_BASE_URL` suffixes; each points at the upstream. */
  readonly calls: readonly string[];
}

/** The local issuer of this repository and an upstream API, both on 127.0.0.1. */
export interface LocalCalls {
  /** TOKEN_ENDPOINT, CLIENT_ID_*, CLIENT_SECRET_* (the issuer's dev credentials) and CALL_*_BASE_URL. */
  readonly env: Readonly<Record<string, string>>;
  /** Every bearer token the upstream received, in order. */
  readonly upstreamTokens: readonly string[];
  /** Token requests the issuer has answered with 200. */
  tokenRequests(): number;
  /** The upstream answers 401 to its next `count` requests, whatever their token. */
  refuseNext(count: number): void;
  /** Stops the upstream and the issuer. */
  close(): Promise<void>;
}

/**
 * Starts the local issuer (from .eks-cognito-kit/issuer.json, on a free port) and an upstream that
 * answers 200 with JSON to a bearer token the issuer signed, 401 to anything else.
 */
export async function startLocalCalls(options: LocalCallsOptions): Promise<LocalCalls> {
  let answered = 0;
  const issuer = await startIssuer({
    dir: options.dir,
    port: 0,
    log: (line: string) => {
      if (/^POST \/oauth2\/token 200 /.test(line)) answered++;
    },
  });
  const upstreamTokens: string[] = [];
  let refusals = 0;
  const upstream = createServer((req, res) => {
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    upstreamTokens.push(token);
    const [header, payload, signature] = token.split('.');
    const signed = signature !== undefined
      && verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), issuer.credentials.signingKey.publicKey, Buffer.from(signature, 'base64url'));
    const refuse = refusals > 0 || !signed;
    if (refusals > 0) refusals--;
    res.writeHead(refuse ? 401 : 200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(refuse ? { error: 'invalid_token' } : { upstream: true, path: req.url }));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  const env: Record<string, string> = { TOKEN_ENDPOINT: `${issuer.url}/oauth2/token` };
  for (const [key, name] of Object.entries(options.clients)) {
    const credentials = issuer.credentials.clients.get(name);
    env[`CLIENT_ID_${key}`] = credentials?.clientId ?? '';
    env[`CLIENT_SECRET_${key}`] = credentials?.clientSecret ?? '';
  }
  for (const call of options.calls) env[`CALL_${call}_BASE_URL`] = upstreamUrl;
  return {
    env,
    tokenRequests: () => answered,
    upstreamTokens,
    refuseNext: (count) => {
      refusals = count;
    },
    close: async () => {
      upstream.closeAllConnections();
      await new Promise<void>((resolve) => upstream.close(() => resolve()));
      await issuer.close();
    },
  };
}
