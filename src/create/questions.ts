/**
 * The questions `create` asks on a terminal, one per answer no flag gave, in the shape Yeoman's prompt
 * (inquirer) takes. Each typed answer is checked as it is typed by the project type's own validation
 * (`resolveAnswers`, the rules the synth applies), and a closed set is offered as a choice.
 */
import {
  answersFromModel, completeAnswers, CreateAnswers, formatClients, GivenAnswers, parseAnswer, renameClientScopes, ANSWER_OF_FLAG,
} from './answers';
import { FLAGS, flagForSpecPath, FlagSpec } from './flags';
import type { ProjectType } from './project-type';
import { resolveAnswers } from './spec-options';
import type { ServiceModel } from '../spec/model';
import { KNOWN_REGIONS } from '../spec/private/rules';
import { problemWhere } from '../spec/spec-error';

/** An inquirer question: `input` (typed text, parsed by `filter`), `select` (one of `choices`) or `confirm`. */
export interface CreateQuestion {
  readonly type: 'input' | 'select' | 'confirm';
  /** The answer it gives (`CreateAnswers` key). */
  readonly name: keyof CreateAnswers;
  readonly message: string;
  readonly default?: string | boolean | ((answers: GivenAnswers) => string);
  readonly choices?: readonly string[];
  /** Checks the typed text with the answers so far; `true`, or the problem and its fix. */
  readonly validate?: (text: string, answers?: GivenAnswers) => true | string;
  /** The typed text as the answer's value (a list, clients, ...). */
  readonly filter?: (text: string) => unknown;
  /** Whether to ask at all, from the answers so far. */
  readonly when?: (answers: GivenAnswers) => boolean;
}

/** The question for the service name, checked against the project type. */
export function nameQuestion(projectType: ProjectType, suggested: string): CreateQuestion {
  return {
    type: 'input',
    name: 'name',
    message: question('name'),
    default: suggested,
    validate: (text) => problemOf('name', () => projectType.resolve({ name: text.trim() })) ?? true,
    filter: (text) => text.trim(),
  };
}

/** Questions for every other prompted answer missing from `given`, defaulting to the project type's values. */
export function specQuestions(projectType: ProjectType, baseline: ServiceModel, given: GivenAnswers): CreateQuestion[] {
  const defaults = answersFromModel(baseline);
  // the typed text, with the answers so far, through the same validation as the synth; only this flag's problem is shown
  const check = (flag: string, key: keyof CreateAnswers) => (text: string, answers: GivenAnswers = {}) => {
    const all = completeAnswers({ ...given, ...answers, [key]: parseAnswer(key, text) }, defaults);
    return problemOf(flag, () => resolveAnswers(projectType, all, baseline)) ?? true;
  };
  const answered = (f: FlagSpec) => Object.prototype.hasOwnProperty.call(given, ANSWER_OF_FLAG[f.name]);
  const unanswered = FLAGS.filter((f) => f.question && f.name !== 'name' && !answered(f));
  return unanswered.map((f): CreateQuestion => {
    const key = ANSWER_OF_FLAG[f.name];
    const askedWhen = f.askedWhen ? ANSWER_OF_FLAG[f.askedWhen] : undefined;
    const when = askedWhen ? { when: (answers: GivenAnswers) => Boolean(completeAnswers({ ...given, ...answers }, defaults)[askedWhen]) } : {};
    if (key === 'region') {
      // the closed list the spec's validation accepts; the project type's default first
      return { type: 'select', name: key, message: question(f.name), default: defaults.region, choices: KNOWN_REGIONS, ...when };
    }
    if (f.type === 'boolean') return { type: 'confirm', name: key, message: question(f.name), default: Boolean(defaults[key]), ...when };
    return {
      type: 'input',
      name: key,
      message: question(f.name),
      default: key === 'clients' ? (answers: GivenAnswers) => clientsFollowingScopes(defaults, answers.scopes ?? given.scopes ?? defaults.scopes) : asText(defaults[key]),
      validate: check(f.name, key),
      filter: (text: string) => parseAnswer(key, text),
      ...when,
    };
  });
}

/** The first problem the flag `flag` can fix, as "value: message". */
export function problemOf(flag: string, resolve: () => unknown): string | undefined {
  return problemWhere(resolve, (path) => flagForSpecPath(path)?.name === flag);
}

/** An answer's default as the text the user would type for it. */
function asText(value: CreateAnswers[keyof CreateAnswers]): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : formatClients([v]))).join(',');
  return String(value);
}

/** The default clients, their scopes renamed the way the scopes answer renamed the default scopes. */
function clientsFollowingScopes(defaults: CreateAnswers, scopes: readonly string[]): string {
  return formatClients(renameClientScopes(defaults.clients, defaults.scopes, scopes));
}

function question(flag: string): string {
  return FLAGS.find((f) => f.name === flag)?.question ?? flag;
}
