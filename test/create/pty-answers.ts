/**
 * Scripted answers to create's prompts, shared by the terminal test and the end-to-end test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEYS, PtyStep } from './pty';
import { projenrcOptions } from './run-cli';
import { resolveSpec } from '../../src/spec';
import { KNOWN_REGIONS } from '../../src/spec/private/rules';

/** The answers a person types; the host is first mistyped, refused with its fix, then corrected. */
export const SCRIPTED_ANSWERS: readonly PtyStep[] = [
  { prompt: /Service name/, keys: KEYS.enter },
  { prompt: /AWS region/, keys: KEYS.down + KEYS.enter },
  { prompt: /API host name/, keys: `bad host${KEYS.enter}` },
  { prompt: /"bad host" must be a lower-case DNS name/, keys: `${KEYS.ctrlU}orders.example.com${KEYS.enter}` },
  { prompt: /EKS cluster name/, keys: KEYS.enter },
  { prompt: /Scopes/, keys: `orders.read,orders.write${KEYS.enter}` },
  { prompt: /App clients/, keys: `reader=orders.read,writer=orders.read+orders.write${KEYS.enter}` },
  { prompt: /Inbound CIDRs/, keys: KEYS.enter },
  { prompt: /User sign-in host/, keys: `app.example.com${KEYS.enter}` },
  { prompt: /sign themselves up/, keys: `y${KEYS.enter}` },
];

/** What those answers must give. */
export function expectScriptedSpec(repo: string, name: string): void {
  const options = projenrcOptions(repo);
  const model = resolveSpec(options as any);
  expect(model).toMatchObject({ name, region: KNOWN_REGIONS[KNOWN_REGIONS.indexOf(resolveSpec({ name }).region) + 1], host: 'orders.example.com' });
  expect(model.cognito.clients.map((c) => [c.name, c.scopes.map((s) => s.name)])).toEqual([['reader', ['orders.read']], ['writer', ['orders.read', 'orders.write']]]);
  expect(model.userAuth).toMatchObject({ host: 'app.example.com', selfSignUp: true });
  expect(readFileSync(join(repo, 'README.md'), 'utf8')).toContain('`https://app.example.com` through the Cognito hosted UI');
}

