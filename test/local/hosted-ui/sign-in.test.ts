import { authorizeQuery, Browser, CALLBACK, codeOf, HostedUiIssuer, signIn, startHostedUi } from './hosted-ui-fixture';

describe('hosted UI sign-in', () => {
  let ctx: HostedUiIssuer;
  let query: string;
  const browser = () => new Browser(ctx.issuer.url);

  beforeAll(async () => {
    ctx = await startHostedUi();
    query = authorizeQuery(ctx.clientId);
    await ctx.addUser('ana@example.com');
  });
  afterAll(() => ctx.close());

  describe('GET /oauth2/authorize', () => {
    describe('without a hosted-UI session', () => {
      test('redirects to /login with the same parameters', async () => {
        const res = await browser().request(`/oauth2/authorize?${query}`);
        expect(res.status).toBe(302);
        expect(res.location).toBe(`/login?${query}`);
      });
    });

    describe('with an unregistered redirect_uri', () => {
      test.each([
        ['another host', 'https://evil.example.com/oauth2/idpresponse'],
        ['another local port', 'http://localhost:8082/oauth2/idpresponse'],
        ['127.0.0.1 instead of localhost', 'http://127.0.0.1:8081/oauth2/idpresponse'],
        ['a longer path', `${CALLBACK}/x`],
        ['http for the real host', 'http://app.example.com/oauth2/idpresponse'],
      ])('%s answers a 400 page, never a redirect', async (_name, uri) => {
        const res = await browser().request(`/oauth2/authorize?${authorizeQuery(ctx.clientId, { redirect_uri: uri })}`);
        expect(res.status).toBe(400);
        expect(res.location).toBeUndefined();
        expect(res.text).toContain('redirect_mismatch');
      });
    });

    test('accepts the template\'s https callback URL', async () => {
      const res = await browser().request(`/oauth2/authorize?${authorizeQuery(ctx.clientId, { redirect_uri: 'https://app.example.com/oauth2/idpresponse' })}`);
      expect(res.status).toBe(302);
    });

    test('an unknown client_id answers a 400 page', async () => {
      const res = await browser().request(`/oauth2/authorize?${authorizeQuery('notaclient')}`);
      expect(res.status).toBe(400);
      expect(res.location).toBeUndefined();
    });

    describe('with a registered redirect_uri but a bad request', () => {
      test.each([
        ['response_type=token', { response_type: 'token' }, 'unsupported_response_type'],
        ['only scopes the client lacks', { scope: 'aws.cognito.signin.user.admin' }, 'invalid_scope'],
        ['a plain PKCE challenge', { code_challenge: 'a'.repeat(43), code_challenge_method: 'plain' }, 'invalid_request'],
        ['a PKCE challenge without a method', { code_challenge: 'a'.repeat(43) }, 'invalid_request'],
      ])('%s redirects back with error and state', async (_name, extra, error) => {
        const res = await browser().request(`/oauth2/authorize?${authorizeQuery(ctx.clientId, extra)}`);
        expect(res.status).toBe(302);
        const url = new URL(res.location!);
        expect(`${url.origin}${url.pathname}`).toBe(CALLBACK);
        expect(Object.fromEntries(url.searchParams)).toEqual({ error, state: 'opaque-state-1' });
      });
    });
  });

  describe('/login', () => {
    test('shows a labelled form with a CSRF field and the security headers', async () => {
      const res = await browser().request(`/login?${query}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      // Not no-referrer: under it browsers send Origin: null on the page's own POST, which the CSRF check refuses.
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toMatch(/default-src 'none'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toContain('form-action \'self\' https://app.example.com http://localhost:8081');
      expect(res.text).toMatch(/<label for="username">Email<\/label>/);
      expect(res.text).toMatch(/<label for="password">Password<\/label>/);
      expect(res.text).toMatch(/<button type="submit">Sign in<\/button>/);
      expect(res.text).not.toMatch(/<script|https?:\/\/(?!localhost)/);
      expect(res.headers.getSetCookie()).toEqual([expect.stringMatching(/^XSRF-TOKEN=[\w-]{43}; Path=\/; Max-Age=3600; HttpOnly; SameSite=Lax$/)]);
    });

    test('signs in with the right password: session cookie and a redirect with code and state', async () => {
      const b = browser();
      const res = await signIn(b, query, 'ana@example.com');
      expect(res.status).toBe(302);
      const url = new URL(res.location!);
      expect(`${url.origin}${url.pathname}`).toBe(CALLBACK);
      expect(url.searchParams.get('state')).toBe('opaque-state-1');
      expect(codeOf(res.location)).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers.getSetCookie()).toContainEqual(expect.stringMatching(/^cognito=[\w-]{43}; Path=\/; Max-Age=3600; HttpOnly; SameSite=Lax$/));
    });

    test('matches the e-mail address case-insensitively', async () => {
      const res = await signIn(browser(), query, 'ANA@Example.com');
      expect(res.status).toBe(302);
      expect(codeOf(res.location)).toBeDefined();
    });

    test('with the session, authorize redirects straight back with a new code', async () => {
      const b = browser();
      const first = await signIn(b, query, 'ana@example.com');
      const again = await b.request(`/oauth2/authorize?${authorizeQuery(ctx.clientId, { state: 'second' })}`);
      expect(again.status).toBe(302);
      expect(new URL(again.location!).searchParams.get('state')).toBe('second');
      expect(codeOf(again.location)).not.toBe(codeOf(first.location));
    });

    test('HTML-escapes what it echoes', async () => {
      const b = browser();
      const page = await b.request(`/login?${query}`);
      const res = await b.request(`/login?${query}`, { form: { _csrf: Browser.csrfOf(page.text), username: '"><script>x</script>', password: 'x' } });
      expect(res.status).toBe(400);
      expect(res.text).not.toContain('<script>');
      expect(res.text).toContain('&#34;&#62;&#60;script&#62;');
    });

    describe('refuses, signing no one in', () => {
      test('a wrong password: 400 with the error on the page', async () => {
        const res = await signIn(browser(), query, 'ana@example.com', 'Wrong-password-1');
        expect(res.status).toBe(400);
        expect(res.text).toContain('Incorrect username or password.');
        expect(res.headers.getSetCookie().some((c) => c.startsWith('cognito='))).toBe(false);
      });

      test('an unknown user, with the same message', async () => {
        const res = await signIn(browser(), query, 'nobody@example.com');
        expect(res.status).toBe(400);
        expect(res.text).toContain('Incorrect username or password.');
      });

      test('a POST without the CSRF field, or with one for another cookie: 403', async () => {
        const b = browser();
        const page = await b.request(`/login?${query}`);
        const missing = await b.request(`/login?${query}`, { form: { username: 'ana@example.com', password: 'Correct-Horse-7-battery' } });
        expect(missing.status).toBe(403);
        const other = browser();
        await other.request(`/login?${query}`);
        const swapped = await other.request(`/login?${query}`, { form: { _csrf: Browser.csrfOf(page.text), username: 'ana@example.com', password: 'Correct-Horse-7-battery' } });
        expect(swapped.status).toBe(403);
        expect(swapped.text).toContain('This form expired or was sent from another site');
      });

      test('a POST from another origin: 403', async () => {
        const b = browser();
        const page = await b.request(`/login?${query}`);
        const res = await b.request(`/login?${query}`, {
          form: { _csrf: Browser.csrfOf(page.text), username: 'ana@example.com', password: 'Correct-Horse-7-battery' },
          headers: { Origin: 'http://localhost:9999' },
        });
        expect(res.status).toBe(403);
      });

      test('a forged or edited session cookie: back to /login', async () => {
        const b = browser();
        await signIn(b, query, 'ana@example.com');
        const real = b.cookies.get('cognito')!;
        for (const forged of [`${real.slice(0, -1)}${real.endsWith('A') ? 'B' : 'A'}`, 'x'.repeat(43), `${real}x`]) {
          b.cookies.set('cognito', forged);
          const res = await b.request(`/oauth2/authorize?${query}`);
          expect(res.location).toBe(`/login?${query}`);
        }
      });

      test('an expired session: back to /login after an hour', async () => {
        const b = browser();
        await signIn(b, query, 'ana@example.com');
        ctx.advance(3601 * 1000);
        const res = await b.request(`/oauth2/authorize?${query}`);
        expect(res.location).toBe(`/login?${query}`);
      });

      test('an oversized form: 413', async () => {
        const b = browser();
        const page = await b.request(`/login?${query}`);
        const res = await b.request(`/login?${query}`, { form: { _csrf: Browser.csrfOf(page.text), username: 'ana@example.com', password: 'x'.repeat(20_000) } });
        expect(res.status).toBe(413);
      });

      test('a login page whose redirect_uri is not registered: 400, no form', async () => {
        const res = await browser().request(`/login?${authorizeQuery(ctx.clientId, { redirect_uri: 'https://evil.example.com/' })}`);
        expect(res.status).toBe(400);
        expect(res.text).not.toContain('<form');
      });
    });

    describe('after 5 wrong passwords for a user', () => {
      test('refuses even the right password with 429, for that user only', async () => {
        await ctx.addUser('bob@example.com');
        for (let i = 0; i < 5; i++) expect((await signIn(browser(), query, 'bob@example.com', `Wrong-password-${i}`)).status).toBe(400);
        const locked = await signIn(browser(), query, 'bob@example.com');
        expect(locked.status).toBe(429);
        expect(locked.text).toContain('Password attempts exceeded');
        expect((await signIn(browser(), query, 'ana@example.com')).status).toBe(302);
      });

      test('lets the user in again after the 15-minute cool-down', async () => {
        await ctx.addUser('cy@example.com');
        for (let i = 0; i < 5; i++) await signIn(browser(), query, 'cy@example.com', `Wrong-password-${i}`);
        expect((await signIn(browser(), query, 'cy@example.com')).status).toBe(429);
        ctx.advance(15 * 60 * 1000 + 1000);
        expect((await signIn(browser(), query, 'cy@example.com')).status).toBe(302);
      });
    });
  });

  describe('GET /logout', () => {
    test('ends the session and redirects to the registered local sign-out URL', async () => {
      const b = browser();
      await signIn(b, query, 'ana@example.com');
      const session = b.cookies.get('cognito')!;
      const res = await b.request(`/logout?${new URLSearchParams({ client_id: ctx.clientId, logout_uri: 'http://localhost:8081/' })}`);
      expect(res.status).toBe(302);
      expect(res.location).toBe('http://localhost:8081/');
      expect(res.headers.getSetCookie()).toContainEqual(expect.stringMatching(/^cognito=; .*Max-Age=0/));
      // The old cookie value, replayed, no longer signs anyone in.
      b.cookies.set('cognito', session);
      expect((await b.request(`/oauth2/authorize?${query}`)).location).toBe(`/login?${query}`);
    });

    test.each([
      ['an unregistered logout_uri', () => ({ client_id: ctx.clientId, logout_uri: 'https://evil.example.com/' })],
      ['another local port', () => ({ client_id: ctx.clientId, logout_uri: 'http://localhost:8082/' })],
      ['no logout_uri', () => ({ client_id: ctx.clientId })],
      ['an unknown client', () => ({ client_id: 'nope', logout_uri: 'http://localhost:8081/' })],
    ])('%s answers a 400 page, never a redirect', async (_name, params) => {
      const res = await browser().request(`/logout?${new URLSearchParams(params() as Record<string, string>)}`);
      expect(res.status).toBe(400);
      expect(res.location).toBeUndefined();
    });
  });

  describe('the log', () => {
    test('never holds a password, a code or a session id', async () => {
      const b = browser();
      const res = await signIn(b, query, 'ana@example.com');
      const all = ctx.logs.join('\n');
      expect(all).not.toContain('Correct-Horse-7-battery');
      expect(all).not.toContain(codeOf(res.location));
      expect(all).not.toContain(b.cookies.get('cognito'));
      expect(all).not.toContain('opaque-state-1');
    });
  });
});
