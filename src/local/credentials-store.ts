/**
 * Dev credentials of the local issuer, generated once per repository and kept in the git-ignored
 * `.eks-cognito-kit/local/` (owner-only files): client ids and secrets, the RS256 token signing key
 * and the ALB's ES256 key. Missing pieces are generated; existing ones are never replaced.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { IssuerConfigError } from './issuer-config-error';
import { IssuerSpec, LOCAL_CREDENTIALS_DIR } from './issuer-spec';
import { albKeyId, cognitoKeyId, randomClientId, randomClientSecret } from './private/cognito-ids';
import { createSecretFile, readIfExists, replaceSecretFile } from './private/secret-files';

/** An app client's local id and, for clients with `generateSecret`, its secret. */
export interface ClientCredentials {
  readonly clientId: string;
  readonly clientSecret?: string;
}

/** A private key with its public half and the `kid` verifiers look it up by. */
export interface SigningKey {
  readonly kid: string;
  readonly alg: 'RS256' | 'ES256';
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/** Everything secret the local issuer uses. */
export interface DevCredentials {
  /** By client name; includes the web client when the spec has `userAuth`. */
  readonly clients: ReadonlyMap<string, ClientCredentials>;
  /** Signs access tokens, like a user pool's RS256 key. */
  readonly signingKey: SigningKey;
  /** Signs `x-amzn-oidc-data`, like the ALB's regional ES256 key; only with `userAuth`. */
  readonly albKey?: SigningKey;
}

/** Loads the dev credentials of the repository at `dir`, generating whatever the spec needs and is missing. */
export function loadDevCredentials(dir: string, spec: IssuerSpec): DevCredentials {
  const folder = join(dir, LOCAL_CREDENTIALS_DIR);
  const wanted = new Map(spec.clients.map((c) => [c.name, c.generateSecret]));
  // The web client is confidential: the ALB authenticates to the token endpoint with its secret.
  if (spec.userAuth) wanted.set(spec.userAuth.webClientName, true);
  return {
    clients: loadClients(join(folder, 'clients.json'), wanted),
    signingKey: loadKey(join(folder, 'signing-key.pem'), 'RS256'),
    albKey: spec.userAuth ? loadKey(join(folder, 'alb-signing-key.pem'), 'ES256') : undefined,
  };
}

type StoredClients = Record<string, ClientCredentials>;

function loadClients(path: string, wanted: ReadonlyMap<string, boolean>): Map<string, ClientCredentials> {
  const existing = readIfExists(path);
  const stored = parseClients(existing ?? createSecretFile(path, serialize(complete({}, wanted))), path);
  const completed = complete(stored, wanted);
  if (completed !== stored) replaceSecretFile(path, serialize(completed));
  return new Map(Object.entries(completed));
}

/** Adds credentials for wanted clients that lack them; returns `stored` itself when nothing was missing. */
function complete(stored: StoredClients, wanted: ReadonlyMap<string, boolean>): StoredClients {
  const added: StoredClients = {};
  for (const [name, needsSecret] of wanted) {
    const current = stored[name];
    if (current && (!needsSecret || current.clientSecret)) continue;
    added[name] = {
      clientId: current?.clientId ?? randomClientId(),
      ...(needsSecret && { clientSecret: randomClientSecret() }),
    };
  }
  return Object.keys(added).length === 0 ? stored : { ...stored, ...added };
}

function parseClients(text: string, path: string): StoredClients {
  const broken = () => new IssuerConfigError(`${path} is not a client credentials file; delete it and run again to generate new dev credentials.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw broken();
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw broken();
  for (const entry of Object.values(value)) {
    if (typeof entry?.clientId !== 'string' || !['string', 'undefined'].includes(typeof entry.clientSecret)) throw broken();
  }
  return value as StoredClients;
}

function serialize(clients: StoredClients): string {
  return `${JSON.stringify(clients, null, 2)}\n`;
}

function loadKey(path: string, alg: SigningKey['alg']): SigningKey {
  const pem = readIfExists(path) ?? createSecretFile(path, generatePem(alg));
  const privateKey = parsePrivateKey(pem);
  const expected = alg === 'RS256' ? 'an RSA' : 'a P-256 EC';
  const fits = alg === 'RS256'
    ? privateKey?.asymmetricKeyType === 'rsa'
    : privateKey?.asymmetricKeyDetails?.namedCurve === 'prime256v1';
  if (!privateKey || !fits) {
    throw new IssuerConfigError(`${path} is not ${expected} private key in PEM form; delete it and run again to generate a new one.`);
  }
  const publicKey = createPublicKey(privateKey);
  return { kid: alg === 'RS256' ? cognitoKeyId(publicKey) : albKeyId(publicKey), alg, privateKey, publicKey };
}

function parsePrivateKey(pem: string): KeyObject | undefined {
  try {
    return createPrivateKey(pem);
  } catch {
    return undefined;
  }
}

function generatePem(alg: SigningKey['alg']): string {
  const { privateKey } = alg === 'RS256'
    ? generateKeyPairSync('rsa', { modulusLength: 2048 })
    : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
}
