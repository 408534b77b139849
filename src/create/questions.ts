/**
 * The questions `create` asks on a terminal, one per flag that has a question and was not given.
 * Each answer is checked by the project type's own validation as soon as it is typed.
 */
import {
  AnswerText, answersFromModel, answersToText, CreateAnswers, formatClients, parseList, parseYesNo, renameClientScopes, textToAnswers,
} from './answers';
import { FLAGS, flagForSpecPath } from './flags';
import type { ProjectType } from './project-type';
import { resolveAnswers } from './spec-options';
import type { ServiceModel } from '../spec/model';
import { SpecError } from '../spec/spec-error';

/** An inquirer `input` question, as Yeoman's adapter takes it. */
export interface InputQuestion {
  readonly type: 'input';
  readonly name: string;
  readonly message: string;
  readonly default?: string | ((answers: Record<string, string>) => string);
  readonly validate: (value: string, answers?: Record<string, string>) => true | string;
  /** Whether to ask at all, from the answers so far. */
  readonly when?: (answers: Record<string, string>) => boolean;
}

/** The question for the service name, checked against the project type. */
export function nameQuestion(projectType: ProjectType, suggested: string): InputQuestion {
  return {
    type: 'input',
    name: 'name',
    message: question('name'),
    default: suggested,
    validate: (value) => problemOf('name', () => projectType.resolve({ name: value })) ?? true,
  };
}

/** Questions for every other prompted flag missing from `preset`, defaulting to the project type's values. */
export function specQuestions(projectType: ProjectType, baseline: ServiceModel, preset: AnswerText): InputQuestion[] {
  const defaults = answersFromModel(baseline);
  const text = answersToText(defaults);
  return FLAGS.filter((f) => f.question && f.name !== 'name' && preset[f.name] === undefined).map((f) => ({
    type: 'input',
    name: f.name,
    message: question(f.name),
    default: f.name === 'clients' ? (answers: Record<string, string>) => clientsFollowingScopes(defaults, answers.scopes ?? text.scopes) : text[f.name],
    validate: (value: string, answers: Record<string, string> = {}) => (f.type === 'boolean' && parseYesNo(value) === undefined
      ? `${JSON.stringify(value)} is not yes or no; answer yes or no.`
      : problemOf(f.name, () => resolveAnswers(projectType, merge(preset, answers, f.name, value, defaults), baseline)) ?? true),
    ...(f.askedWhen ? { when: (answers: Record<string, string>) => (answers[f.askedWhen!] ?? preset[f.askedWhen!] ?? text[f.askedWhen!]) !== '' } : {}),
  }));
}

/** The first problem the flag `flag` can fix, as "value: message". */
export function problemOf(flag: string, resolve: () => unknown): string | undefined {
  try {
    resolve();
    return undefined;
  } catch (e) {
    if (!(e instanceof SpecError)) throw e;
    const p = e.problems.find((x) => flagForSpecPath(x.path)?.name === flag);
    return p ? `${JSON.stringify(p.value)} ${p.message}` : undefined;
  }
}

/** The default clients, their scopes renamed the way the scopes answer renamed the default scopes. */
function clientsFollowingScopes(defaults: CreateAnswers, scopes: string): string {
  return formatClients(renameClientScopes(defaults.clients, defaults.scopes, parseList(scopes)));
}

function merge(preset: AnswerText, answers: Record<string, string>, flag: string, value: string, defaults: CreateAnswers): CreateAnswers {
  return textToAnswers({ ...preset, ...answers, [flag]: value }, defaults);
}

function question(flag: string): string {
  return FLAGS.find((f) => f.name === flag)?.question ?? flag;
}
