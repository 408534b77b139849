import { readConfig, type ServiceConfig } from '../../../src/service/assets/src/kit/config';

const BASE = { COGNITO_USER_POOL_ID: 'ap-southeast-1_AbCdEf123', COGNITO_CLIENT_IDS: 'client1,client2' };

// As startServer reads the environment: trimmed, an empty value counts as unset.
function read(env: NodeJS.ProcessEnv): { config?: ServiceConfig; problems: string[] } {
  const problems: string[] = [];
  const config = readConfig((name) => env[name]?.trim() || undefined, problems);
  return { config, problems };
}

describe('readConfig', () => {
  describe('with a valid environment', () => {
    test('derives the issuer from the pool id, and defaults PORT to 8080', () => {
      expect(read(BASE)).toEqual({
        config: {
          userPoolId: 'ap-southeast-1_AbCdEf123',
          issuer: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_AbCdEf123',
          clientIds: ['client1', 'client2'],
          port: 8080,
        },
        problems: [],
      });
    });

    test('accepts * only as an explicit value, a loopback http JWKS URI and PORT=0', () => {
      const { config } = read({ ...BASE, COGNITO_CLIENT_IDS: '*', COGNITO_JWKS_URI: 'http://127.0.0.1:9999/jwks.json', PORT: '0' });
      expect(config).toMatchObject({ clientIds: '*', jwksUri: 'http://127.0.0.1:9999/jwks.json', port: 0 });
    });

    test('trims values and treats an empty one as unset', () => {
      expect(read({ ...BASE, COGNITO_CLIENT_IDS: ' client1 ', PORT: '' }).config).toMatchObject({ clientIds: ['client1'], port: 8080 });
    });
  });

  describe('with problems', () => {
    test('lists every missing variable at once, each with its fix', () => {
      const { config, problems } = read({});
      expect(config).toBeUndefined();
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/^COGNITO_USER_POOL_ID is not set: set it to the user pool id/);
      expect(problems[1]).toMatch(/^COGNITO_CLIENT_IDS is not set: .* or to \* to accept any client/);
    });

    test.each([
      [{ COGNITO_USER_POOL_ID: 'local_abc' }, 'COGNITO_USER_POOL_ID="local_abc" is not a user pool id'],
      [{ COGNITO_CLIENT_IDS: 'a,,b' }, 'COGNITO_CLIENT_IDS="a,,b" has invalid client ids ("")'],
      [{ COGNITO_CLIENT_IDS: '*,client1' }, 'COGNITO_CLIENT_IDS="*,client1" has invalid client ids ("*")'],
      [{ COGNITO_JWKS_URI: 'http://jwks.example.com/jwks.json' }, 'COGNITO_JWKS_URI="http://jwks.example.com/jwks.json" uses http for a non-loopback host'],
      [{ COGNITO_JWKS_URI: 'jwks.json' }, 'COGNITO_JWKS_URI="jwks.json" is not an absolute URL'],
      [{ COGNITO_JWKS_URI: 'file:///etc/passwd' }, 'COGNITO_JWKS_URI="file:///etc/passwd" uses the unsupported protocol file:'],
      [{ COGNITO_JWKS_URI: 'https://user:pw@example.com/jwks.json' }, 'must not carry credentials'],
      [{ PORT: '80a' }, 'PORT="80a" is not a TCP port'],
      [{ PORT: '70000' }, 'PORT="70000" is not a TCP port'],
    ])('%o names the variable and the value', (env, message) => {
      const { config, problems } = read({ ...BASE, ...env });
      expect(config).toBeUndefined();
      expect(problems).toEqual([expect.stringContaining(message)]);
    });

    test('adds to the problems already found', () => {
      const problems = ['an earlier problem'];
      expect(readConfig(() => undefined, problems)).toBeUndefined();
      expect(problems).toHaveLength(3);
    });
  });
});
