import { authorizeQuery, Browser, CALLBACK, codeOf, HostedUiIssuer, PASSWORD, startHostedUi } from './hosted-ui-fixture';

async function postForm(b: Browser, path: string, fields: Record<string, string>) {
  const page = await b.request(path);
  return b.request(path, { form: { _csrf: Browser.csrfOf(page.text), ...fields } });
}

describe('hosted UI sign-up', () => {
  describe('with userAuth.selfSignUp', () => {
    let ctx: HostedUiIssuer;
    let query: string;
    beforeAll(async () => {
      ctx = await startHostedUi({ selfSignUp: true });
      query = authorizeQuery(ctx.clientId);
    });
    afterAll(() => ctx.close());

    const codeFromLog = (email: string) => {
      const line = ctx.logs.find((l) => l.startsWith(`confirmation code for ${email}: `));
      return /: (\d{6}) /.exec(line ?? '')?.[1];
    };

    test('shows labelled Email and Password fields, the policy and a Sign up button', async () => {
      const res = await new Browser(ctx.issuer.url).request(`/signup?${query}`);
      expect(res.status).toBe(200);
      expect(res.text).toMatch(/<label for="username">Email<\/label>[\s\S]*<label for="password">Password<\/label>/);
      expect(res.text).toContain('At least 12 characters');
      expect(res.text).toContain('<button type="submit">Sign up</button>');
    });

    test('signs up, logs the code, confirms, marks the email verified and signs in', async () => {
      const b = new Browser(ctx.issuer.url);
      const signedUp = await postForm(b, `/signup?${query}`, { username: 'dee@example.com', password: PASSWORD });
      expect(signedUp.status).toBe(302);
      expect(signedUp.location).toMatch(/^\/confirm\?/);
      expect(ctx.users.findByEmail('dee@example.com')).toMatchObject({ confirmed: false, emailVerified: false });
      const code = codeFromLog('dee@example.com');
      expect(code).toMatch(/^\d{6}$/);
      const page = await b.request(signedUp.location!);
      expect(page.text).toMatch(/<label for="code">Confirmation code<\/label>/);
      expect(page.text).toContain('value="dee@example.com"');
      const confirmed = await b.request(signedUp.location!, { form: { _csrf: Browser.csrfOf(page.text), username: 'dee@example.com', code: code! } });
      expect(confirmed.status).toBe(302);
      expect(confirmed.location!.startsWith(`${CALLBACK}?code=`)).toBe(true);
      expect(codeOf(confirmed.location)).toBeDefined();
      expect(ctx.users.findByEmail('dee@example.com')).toMatchObject({ confirmed: true, emailVerified: true });
    });

    test('an unconfirmed user cannot sign in: the right password leads to /confirm', async () => {
      const b = new Browser(ctx.issuer.url);
      await postForm(b, `/signup?${query}`, { username: 'eve@example.com', password: PASSWORD });
      const res = await postForm(b, `/login?${query}`, { username: 'eve@example.com', password: PASSWORD });
      expect(res.status).toBe(302);
      expect(res.location).toMatch(/^\/confirm\?/);
      expect(res.headers.getSetCookie().some((c) => c.startsWith('cognito='))).toBe(false);
    });

    test('refuses a wrong code, and a code older than 24 hours', async () => {
      const b = new Browser(ctx.issuer.url);
      await postForm(b, `/signup?${query}`, { username: 'fay@example.com', password: PASSWORD });
      const code = codeFromLog('fay@example.com')!;
      const wrong = await postForm(b, `/confirm?${query}`, { username: 'fay@example.com', code: code === '000000' ? '000001' : '000000' });
      expect(wrong.status).toBe(400);
      expect(wrong.text).toContain('Invalid verification code');
      ctx.advance(24 * 60 * 60 * 1000 + 1000);
      const stale = await postForm(b, `/confirm?${query}`, { username: 'fay@example.com', code });
      expect(stale.status).toBe(400);
      expect(ctx.users.findByEmail('fay@example.com')!.confirmed).toBe(false);
    });

    test('locks confirmation after 5 wrong codes', async () => {
      const b = new Browser(ctx.issuer.url);
      await postForm(b, `/signup?${query}`, { username: 'gus@example.com', password: PASSWORD });
      const code = codeFromLog('gus@example.com')!;
      for (let i = 0; i < 5; i++) await postForm(b, `/confirm?${query}`, { username: 'gus@example.com', code: code === '999999' ? '999998' : '999999' });
      expect((await postForm(b, `/confirm?${query}`, { username: 'gus@example.com', code })).status).toBe(429);
    });

    test.each([
      ['a weak password', { username: 'hal@example.com', password: 'short' }, 'Password must have at least 12 characters.'],
      ['a bad email', { username: 'not-an-email', password: PASSWORD }, 'Enter a valid email address.'],
      ['a taken email', { username: 'DEE@example.com', password: PASSWORD }, 'An account with the given email already exists.'],
    ])('refuses %s with 400 and the reason on the page', async (_name, fields, message) => {
      const res = await postForm(new Browser(ctx.issuer.url), `/signup?${query}`, fields);
      expect(res.status).toBe(400);
      expect(res.text).toContain(message);
    });
  });

  describe('without userAuth.selfSignUp (the default)', () => {
    let ctx: HostedUiIssuer;
    beforeAll(async () => { ctx = await startHostedUi(); });
    afterAll(() => ctx.close());

    test('GET explains sign-up is off and how to add a user; POST is refused with 403', async () => {
      const b = new Browser(ctx.issuer.url);
      const query = authorizeQuery(ctx.clientId);
      const page = await b.request(`/signup?${query}`);
      expect(page.status).toBe(403);
      expect(page.text).toContain('issuer users add');
      expect(page.text).not.toContain('<form');
      const login = await b.request(`/login?${query}`);
      expect(login.text).not.toContain('/signup');
      const post = await b.request(`/signup?${query}`, { form: { _csrf: Browser.csrfOf(login.text), username: 'x@example.com', password: PASSWORD } });
      expect(post.status).toBe(403);
      expect(ctx.users.list()).toEqual([]);
    });
  });
});
