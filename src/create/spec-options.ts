/**
 * Answers to spec options: only what differs from the project type's defaults, so the new
 * `.projenrc.ts` stays short and later default changes (a team's standard) still reach the repo.
 */
import { answersFromModel, ClientAnswer, CreateAnswers, formatClients, renameScope } from './answers';
import type { ProjectType } from './project-type';
import type { ServiceModel } from '../spec/model';
import type { AppClientOptions, CognitoOptions, IngressOptions, RouteOptions, ServiceSpecOptions, UserAuthOptions } from '../spec/options';
import { SpecError, SpecProblem } from '../spec/spec-error';

/** Spec options that, applied to the project type whose defaults `baseline` shows, give `answers`. */
export function toSpecOptions(answers: CreateAnswers, baseline: ServiceModel): ServiceSpecOptions {
  const base = answersFromModel(baseline);
  const pick = <K extends keyof CreateAnswers>(key: K) => (changed(answers, base, key) ? answers[key] : undefined);

  const cognito: CognitoOptions = {
    resourceServer: changed(answers, base, 'scopes') ? { scopes: answers.scopes.map((name) => scopeOption(name, baseline)) } : undefined,
    clients: formatClients(answers.clients) !== formatClients(base.clients) ? answers.clients.map(clientOption) : undefined,
  };
  const ingress: IngressOptions = {
    inboundCidrs: changed(answers, base, 'inboundCidrs') ? [...answers.inboundCidrs] : undefined,
    certificateArn: pick('certificateArn'),
    wafAclArn: pick('wafAclArn'),
  };
  const options: Record<string, unknown> = {
    name: answers.name,
    region: pick('region'),
    namespace: pick('namespace'),
    host: pick('host'),
    routes: routeOptions(answers, baseline, base),
    cognito: compact(cognito),
    cluster: changed(answers, base, 'cluster') ? { name: answers.cluster } : undefined,
    ingress: compact(ingress),
  };
  if (changed(answers, base, 'userAuthHost') || changed(answers, base, 'selfSignUp')) {
    // an explicit undefined (not an absent key) switches off sign-in a team project type enables by default
    options.userAuth = answers.userAuthHost ? userAuthOption(answers, base) : undefined;
  }
  return compact(options) as unknown as ServiceSpecOptions;
}

/** Problems of the answers themselves: a switch that needs another answer no spec option can show missing. */
export function answerProblems(answers: CreateAnswers): SpecProblem[] {
  if (!answers.selfSignUp || answers.userAuthHost) return [];
  return [{
    path: 'userAuth.selfSignUp',
    value: true,
    message: 'needs user sign-in, which is off: add --user-auth-host <host> (the host users sign in on), or drop --self-sign-up.',
  }];
}

/** The spec options of `answers`, validated by the project type together with the answers' own problems (all at once). */
export function resolveAnswers(projectType: ProjectType, answers: CreateAnswers, baseline: ServiceModel): ServiceSpecOptions {
  const options = toSpecOptions(answers, baseline);
  const problems = answerProblems(answers);
  try {
    projectType.resolve(options);
  } catch (e) {
    if (!(e instanceof SpecError)) throw e;
    problems.unshift(...e.problems);
  }
  if (problems.length > 0) throw new SpecError(problems);
  return options;
}

/** The sign-in option; `selfSignUp` is written when on, or when it turns off what the project type turns on. */
function userAuthOption(answers: CreateAnswers, base: CreateAnswers): UserAuthOptions {
  const selfSignUp = answers.selfSignUp || base.selfSignUp ? { selfSignUp: answers.selfSignUp } : {};
  return { host: answers.userAuthHost!, ...selfSignUp };
}

/** The starting page a sign-in host gets, so its sign-in Ingress exists from the first commit. */
export const SIGNED_IN_HOME: RouteOptions = { method: 'GET', path: '/', auth: 'alb-user', handler: 'home' };

/** The routes to write: the project type's (scopes renamed), plus the signed-in home page when sign-in has none. */
function routeOptions(answers: CreateAnswers, baseline: ServiceModel, base: CreateAnswers): RouteOptions[] | undefined {
  const needsHome = answers.userAuthHost !== undefined && !baseline.routes.some((r) => r.auth === 'alb-user');
  if (!changed(answers, base, 'scopes') && !needsHome) return undefined;
  const routes = changed(answers, base, 'scopes') ? renameRouteScopes(baseline, base.scopes, answers.scopes) : baseline.routes.map(routeOption);
  return needsHome ? [...routes, SIGNED_IN_HOME] : routes;
}

function changed<K extends keyof CreateAnswers>(answers: CreateAnswers, base: CreateAnswers, key: K): boolean {
  return JSON.stringify(answers[key]) !== JSON.stringify(base[key]);
}

function routeOption(r: ServiceModel['routes'][number]): RouteOptions {
  return {
    method: r.method,
    path: r.path,
    ...(r.scopes.length > 0 ? { scopes: r.scopes.map((s) => s.name) } : {}),
    ...(r.auth !== 'bearer' ? { auth: r.auth } : {}),
  };
}

function scopeOption(name: string, baseline: ServiceModel): { name: string; description?: string } {
  const known = baseline.cognito.resourceServer.scopes.find((s) => s.name === name);
  return known && known.description !== name ? { name, description: known.description } : { name };
}

function clientOption(c: ClientAnswer): AppClientOptions {
  return c.scopes.length > 0 ? { name: c.name, scopes: [...c.scopes] } : { name: c.name, generateSecret: false };
}

/** The project type's routes, their scopes renamed the way the scope list was. */
function renameRouteScopes(baseline: ServiceModel, from: readonly string[], to: readonly string[]): RouteOptions[] {
  return baseline.routes.map((r) => {
    const { scopes: _old, ...route } = routeOption(r);
    const scopes = [...new Set(r.scopes.flatMap((s) => renameScope(s.name, from, to) ?? []))];
    return scopes.length > 0 ? { ...route, scopes } : route;
  });
}

/** The object without its undefined fields (keeping `userAuth`); undefined when nothing is left. */
function compact<T extends object>(o: T): T | undefined {
  const entries = Object.entries(o).filter(([k, v]) => v !== undefined || k === 'userAuth');
  return entries.length > 0 ? (Object.fromEntries(entries) as T) : undefined;
}
