import { FetchError } from 'aws-jwt-verify/error';
import { LocalKeyServer } from './local-key-server';
import { createKeyFetcher } from '../../../src/service/assets/src/kit/key-fetcher';

describe('createKeyFetcher', () => {
  let server: LocalKeyServer;
  beforeEach(async () => {
    server = await LocalKeyServer.start((_req, res) => res.end('{"keys":[]}'));
  });
  afterEach(() => server.close());

  test('fetches the override URL whatever aws-jwt-verify asks for', async () => {
    const fetcher = createKeyFetcher(`${server.url}/override.json`, () => undefined);
    const body = await fetcher.fetch('https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_x/.well-known/jwks.json');
    expect(Buffer.from(body).toString()).toBe('{"keys":[]}');
    expect(server.requests).toEqual(['/override.json']);
  });

  test('refuses plain http outside loopback without connecting', () => {
    expect(() => createKeyFetcher('http://example.com/jwks.json', () => undefined)).toThrow(/uses http for a non-loopback host/);
  });

  test('refuses a non-200 status without following redirects', async () => {
    server.behaviour = (_req, res) => res.writeHead(302, { location: `${server.url}/elsewhere` }).end();
    await expect(createKeyFetcher(undefined, () => undefined).fetch(`${server.url}/jwks.json`)).rejects.toThrow(/status 302, expected 200/);
    expect(server.requests).toEqual(['/jwks.json']);
  });

  test('refuses a body over the size limit', async () => {
    server.behaviour = (_req, res) => res.end('x'.repeat(70_000));
    await expect(createKeyFetcher(undefined, () => undefined).fetch(`${server.url}/big`)).rejects.toThrow(/larger than 65536 bytes/);
  });

  test('gives up on a server that does not answer in time', async () => {
    server.behaviour = () => undefined;
    await expect(createKeyFetcher(undefined, () => undefined).fetch(`${server.url}/slow`)).rejects.toThrow(/no complete response within 3000 ms/);
  });

  test('after a failure, fails at once during the cool-down, then tries again', async () => {
    server.behaviour = (_req, res) => res.writeHead(500).end();
    const fetcher = createKeyFetcher(undefined, () => undefined);
    await expect(fetcher.fetch(`${server.url}/jwks.json`)).rejects.toThrow(FetchError);
    await expect(fetcher.fetch(`${server.url}/jwks.json`)).rejects.toThrow(/skipped: a recent fetch failed/);
    expect(server.requests).toHaveLength(1);
    server.behaviour = (_req, res) => res.end('{}');
    // Past the one-second cool-down.
    await new Promise((resolve) => setTimeout(resolve, 1050));
    await expect(fetcher.fetch(`${server.url}/jwks.json`)).resolves.toBeInstanceOf(ArrayBuffer);
  });
});
