/**
 * The questions create asks on a terminal: a closed set is a choice, and every typed answer is checked,
 * as it is typed, by the same validation the synth runs (resolveSpec through the project type).
 */
import { answersFromFlags, completeAnswers, answersFromModel, kitPackage, kitProjectType, nameQuestion, parseCreateArgs, resolveAnswers, specQuestions } from '../../src/create';
import { resolveSpec, SpecError } from '../../src/spec';
import { KNOWN_REGIONS } from '../../src/spec/private/rules';

const projectType = kitProjectType(kitPackage());
const baseline = resolveSpec({ name: 'demo-api' });
const questions = (given: Record<string, unknown> = {}) => specQuestions(projectType, baseline, { name: 'demo-api', ...given });
const find = (name: string, given: Record<string, unknown> = {}) => questions(given).find((q) => q.name === name)!;

describe('the questions', () => {
  test('are asked in flag order for what no flag gave, keyed by answer', () => {
    expect(questions().map((q) => [q.name, q.type])).toEqual([
      ['region', 'select'], ['host', 'input'], ['cluster', 'input'], ['scopes', 'input'], ['clients', 'input'],
      ['inboundCidrs', 'input'], ['userAuthHost', 'input'], ['selfSignUp', 'confirm'],
    ]);
    const given = answersFromFlags(parseCreateArgs(['svc', '--region', 'eu-west-1', '--scopes', 'a.read']).values);
    expect(questions(given).map((q) => q.name)).not.toEqual(expect.arrayContaining(['region', 'scopes']));
  });

  test('the region is a choice among exactly the regions the spec accepts, the default first selected', () => {
    const region = find('region');
    expect(region.choices).toEqual(KNOWN_REGIONS);
    expect(region.default).toBe(baseline.region);
    for (const r of region.choices!) expect(resolveSpec({ name: 'demo-api', region: r }).region).toBe(r);
    expect(() => resolveSpec({ name: 'demo-api', region: 'mars-1' })).toThrow(SpecError);
  });

  test('the name is checked by the project type', () => {
    const q = nameQuestion(projectType, 'My_Service');
    expect(q.default).toBe('My_Service');
    expect(q.validate!('orders-api')).toBe(true);
    expect(q.validate!('My_Service')).toMatch(/^"My_Service" must be a DNS-1123 label/);
  });

  test('each input answer shows only its own problem, with the value and the fix', () => {
    expect(find('host').validate!('orders.example.com')).toBe(true);
    expect(find('host').validate!('not a host')).toMatch(/^"not a host" /);
    expect(find('inboundCidrs').validate!('10.0.0.0/8, 192.168.0.0/16')).toBe(true);
    expect(find('inboundCidrs').validate!('10.0.0.0/8,10.1.2.3')).toMatch(/^"10.1.2.3" is not a CIDR; write an address and a prefix length/);
    expect(find('scopes').validate!('orders.read,orders.write')).toBe(true);
    expect(find('userAuthHost').validate!('')).toBe(true);
  });

  test('clients are checked against the scopes answered before them', () => {
    const clients = find('clients');
    const answers = { scopes: ['orders.read', 'orders.write'] };
    expect(clients.validate!('reader=orders.read,svc=', answers)).toBe(true);
    expect(clients.validate!('reader=demo.read', answers)).toMatch(/^"demo.read" is not a scope of the resource server \(declared: orders.read, orders.write\)/);
    // the default follows renamed scopes, so pressing enter gives a valid answer
    const fallback = (clients.default as (a: object) => string)(answers);
    expect(fallback).toBe('readClient=orders.read,writeClient=orders.write,microService=');
    expect(clients.validate!(fallback, answers)).toBe(true);
  });

  test('a typed answer is parsed into the typed value the spec options are built from, with no text in between', () => {
    const typed = {
      region: 'eu-west-1',
      scopes: find('scopes').filter!('orders.read, orders.write'),
      clients: find('clients').filter!('reader=orders.read,writer=orders.read+orders.write'),
      inboundCidrs: find('inboundCidrs').filter!('10.0.0.0/8'),
      userAuthHost: find('userAuthHost').filter!(''),
    };
    expect(typed.clients).toEqual([{ name: 'reader', scopes: ['orders.read'] }, { name: 'writer', scopes: ['orders.read', 'orders.write'] }]);
    const answers = completeAnswers({ name: 'demo-api', ...typed } as object, answersFromModel(baseline));
    expect(answers.userAuthHost).toBeUndefined();
    const options = resolveAnswers(projectType, answers, baseline);
    expect(resolveSpec(options)).toMatchObject({ region: 'eu-west-1', ingress: { inboundCidrs: ['10.0.0.0/8'] } });
  });
});
