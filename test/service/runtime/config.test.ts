import { loadConfig, type LoadConfigOptions } from '../../../src/service/assets/src/kit/config';
import { ConfigError } from '../../../src/service/assets/src/kit/errors';

const BASE = { COGNITO_USER_POOL_ID: 'ap-southeast-1_AbCdEf123', COGNITO_CLIENT_IDS: 'client1,client2' };

function problemsOf(env: NodeJS.ProcessEnv, options: LoadConfigOptions = {}): readonly string[] {
  try {
    loadConfig(env, options);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  describe('with a valid environment', () => {
    test('derives region and issuer from the pool id, and defaults PORT to 8080', () => {
      expect(loadConfig(BASE)).toEqual({
        userPoolId: 'ap-southeast-1_AbCdEf123',
        region: 'ap-southeast-1',
        issuer: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_AbCdEf123',
        clientIds: ['client1', 'client2'],
        port: 8080,
      });
    });

    test('accepts * only as an explicit value, a loopback http JWKS URI, PORT=0 and a matching AWS_REGION', () => {
      const config = loadConfig({ ...BASE, COGNITO_CLIENT_IDS: '*', COGNITO_JWKS_URI: 'http://127.0.0.1:9999/jwks.json', PORT: '0', AWS_REGION: 'ap-southeast-1' });
      expect(config).toMatchObject({ clientIds: '*', jwksUri: 'http://127.0.0.1:9999/jwks.json', port: 0 });
    });

    test('reads the ALB settings when present', () => {
      const albArn = 'arn:aws:elasticloadbalancing:ap-southeast-1:123456789012:loadbalancer/app/demo/50dc6c495c0c9188';
      const config = loadConfig({ ...BASE, ALB_ARN: albArn, ALB_CLIENT_ID: 'albclient', ALB_PUBLIC_KEYS_URI: 'http://localhost:8081' }, { requireAlbUser: true });
      expect(config.albUser).toEqual({ albArn, clientId: 'albclient', publicKeysUri: 'http://localhost:8081' });
    });
  });

  describe('with problems', () => {
    test('lists every missing variable at once, each with its fix', () => {
      const problems = problemsOf({});
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/^COGNITO_USER_POOL_ID is not set: set it to the user pool id/);
      expect(problems[1]).toMatch(/^COGNITO_CLIENT_IDS is not set: .* or to \* to accept any client/);
    });

    test.each([
      [{ COGNITO_USER_POOL_ID: 'local_abc' }, 'COGNITO_USER_POOL_ID="local_abc" is not a user pool id'],
      [{ AWS_REGION: 'eu-west-1' }, 'AWS_REGION="eu-west-1" disagrees with the region of COGNITO_USER_POOL_ID (ap-southeast-1)'],
      [{ COGNITO_CLIENT_IDS: 'a,,b' }, 'COGNITO_CLIENT_IDS="a,,b" has invalid client ids ("")'],
      [{ COGNITO_CLIENT_IDS: '*,client1' }, 'COGNITO_CLIENT_IDS="*,client1" has invalid client ids ("*")'],
      [{ COGNITO_JWKS_URI: 'http://jwks.example.com/jwks.json' }, 'COGNITO_JWKS_URI="http://jwks.example.com/jwks.json" uses http for a non-loopback host'],
      [{ COGNITO_JWKS_URI: 'jwks.json' }, 'COGNITO_JWKS_URI="jwks.json" is not an absolute URL'],
      [{ COGNITO_JWKS_URI: 'file:///etc/passwd' }, 'COGNITO_JWKS_URI="file:///etc/passwd" uses the unsupported protocol file:'],
      [{ PORT: '80a' }, 'PORT="80a" is not a TCP port'],
      [{ PORT: '70000' }, 'PORT="70000" is not a TCP port'],
    ])('%o names the variable and the value', (env, message) => {
      const problems = problemsOf({ ...BASE, ...env });
      expect(problems).toEqual([expect.stringContaining(message)]);
    });

    const ALB = { ALB_ARN: 'arn:aws:elasticloadbalancing:ap-southeast-1:123456789012:loadbalancer/app/demo/50dc6c495c0c9188', ALB_CLIENT_ID: 'albclient' };
    test.each([
      [{ ALB_ARN: 'arn:aws:s3:::bucket' }, 'ALB_ARN="arn:aws:s3:::bucket" is not an application load balancer ARN'],
      [{ ALB_CLIENT_ID: 'no spaces' }, 'ALB_CLIENT_ID="no spaces" is not an app client id'],
      [{ ALB_PUBLIC_KEYS_URI: 'http://10.0.0.1' }, 'ALB_PUBLIC_KEYS_URI="http://10.0.0.1" uses http for a non-loopback host'],
    ])('with alb-user routes, %o names the variable and the value', (env, message) => {
      expect(problemsOf({ ...BASE, ...ALB, ...env }, { requireAlbUser: true })).toEqual([expect.stringContaining(message)]);
    });

    test('ignores the ALB settings when no route authenticates users at the ALB', () => {
      expect(loadConfig({ ...BASE, ALB_CLIENT_ID: 'albclient', ALB_ARN: '' }).albUser).toBeUndefined();
    });

    test('requires ALB_ARN and ALB_CLIENT_ID when a route authenticates users at the ALB', () => {
      const problems = problemsOf(BASE, { requireAlbUser: true });
      expect(problems).toEqual([
        expect.stringMatching(/^ALB_CLIENT_ID is not set but a route authenticates users at the ALB/),
        expect.stringMatching(/^ALB_ARN is not set but a route authenticates users at the ALB: set it to the load balancer ARN/),
      ]);
    });

    test('the error message lists the problems one per line', () => {
      expect(() => loadConfig({})).toThrow(/^Invalid configuration:\n {2}- COGNITO_USER_POOL_ID is not set.*\n {2}- COGNITO_CLIENT_IDS is not set/);
    });
  });
});
