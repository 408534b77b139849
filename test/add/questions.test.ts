/**
 * `add` on a terminal: the words its command line lacks are asked for, closed sets offered as choices,
 * typed paths and names checked by the spec's own validation until valid; the answers become the
 * command line `parseAddArgs` reads.
 */
import { AddTerminal, askMissingWords, clientNameProblem, MissingWordsError, parseAddArgs, routePathProblem, scopeNameProblem } from '../../src/add';

/** A terminal that types `lines` in order and records what was printed. */
function scripted(lines: string[]): AddTerminal & { printed: () => string; left: () => number } {
  let printed = '';
  const queue = [...lines];
  return {
    ask: async (prompt) => {
      printed += prompt;
      if (queue.length === 0) throw new Error(`asked "${prompt}" with no scripted answer left:\n${printed}`);
      const line = queue.shift()!;
      printed += `${line}\n`;
      return line;
    },
    say: (text) => { printed += text; },
    printed: () => printed,
    left: () => queue.length,
  };
}

/** What parseAddArgs refused, as the terminal would receive it. */
function missing(argv: string[]) {
  try {
    parseAddArgs(argv);
  } catch (e) {
    if (e instanceof MissingWordsError) return e.given;
    throw e;
  }
  throw new Error(`${argv.join(' ')} lacks nothing`);
}

const DECLARED = () => ['demo.read', 'demo.write'];

describe('add on a terminal', () => {
  test('a route with no method or path: choices for the method and protection, the path checked as typed, scopes from those declared', async () => {
    const term = scripted(['9', 'post', 'api/orders', '/api/*', '/api/orders/{id}', '', 'demo.admin', '2']);
    const argv = await askMissingWords(missing(['route', '--dry-run']), DECLARED, term);
    expect(term.left()).toBe(0);
    expect(argv).toEqual(['route', 'POST', '/api/orders/{id}', '--auth=bearer', '--scopes=demo.write', '--dry-run']);
    expect(parseAddArgs(argv).request).toEqual({ kind: 'route', route: { method: 'POST', path: '/api/orders/{id}', scopes: ['demo.write'] } });
    const printed = term.printed();
    expect(printed).toContain('HTTP method:\n  1) GET\n  2) POST');
    expect(printed).toContain('"9" is not one of the choices; type a number from 1 to 5');
    expect(printed).toContain('"api/orders" does not start with "/"; write it from the root, for example "/api/orders".');
    expect(printed).toContain(routePathProblem('/api/*'));
    expect(printed).toContain('Protection:\n  1) bearer\n  2) alb-user\n  3) none');
    expect(printed).toContain('"demo.admin" is not declared; choose from the list');
  });

  test('an open route is not offered scopes, and the flags given are kept', async () => {
    const term = scripted(['/health/deep']);
    const argv = await askMissingWords(missing(['route', 'GET', '--auth', 'none', '--dir', 'svc']), () => { throw new Error('scopes read'); }, term);
    expect(argv).toEqual(['route', 'GET', '/health/deep', '--auth=none', '--dir=svc']);
  });

  test('nothing to add: the kind is chosen, then a scope name is checked by the spec', async () => {
    const term = scripted(['2', 'orders read', 'orders.read']);
    const argv = await askMissingWords(missing([]), DECLARED, term);
    expect(argv).toEqual(['scope', 'orders.read']);
    expect(term.printed()).toContain(scopeNameProblem('orders read'));
  });

  test('a client: its name checked, its scopes chosen by number', async () => {
    const term = scripted(['bad name!', 'ordersReader', '1, 2']);
    const argv = await askMissingWords(missing(['client']), DECLARED, term);
    expect(argv).toEqual(['client', 'ordersReader', '--scopes=demo.read,demo.write']);
    expect(term.printed()).toContain(clientNameProblem('bad name!'));
  });

  test('the validators are the spec\'s: what they accept, resolveSpec accepts', () => {
    expect(routePathProblem('/api/orders/{id}')).toBeUndefined();
    expect(routePathProblem('/readyz')).toMatch(/^"\/readyz" is reserved for the health probes/);
    expect(scopeNameProblem('orders.read')).toBeUndefined();
    expect(scopeNameProblem('orders read')).toMatch(/^"orders read" must be printable ASCII without spaces/);
    expect(clientNameProblem('ordersReader')).toBeUndefined();
    expect(clientNameProblem('bad name!')).toMatch(/^"bad name!" /);
  });
});
