/**
 * The one error a bad spec raises: every problem at once, each naming the option, the value and the fix.
 */

/** One problem found in the spec. */
export interface SpecProblem {
  /** Option path, for example `routes[1].scopes[0]`. */
  readonly path: string;
  /** The offending value. */
  readonly value: unknown;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/** Thrown by `resolveSpec` when the spec has one or more problems; nothing has been written. */
export class SpecError extends Error {
  public readonly problems: readonly SpecProblem[];

  constructor(problems: readonly SpecProblem[]) {
    const lines = problems.map((p) => `  - ${p.path}: ${formatValue(p.value)} ${p.message}`);
    const noun = problems.length === 1 ? 'problem' : 'problems';
    super(`Invalid eks-cognito-kit spec (${problems.length} ${noun}); nothing was written:\n${lines.join('\n')}`);
    this.name = 'SpecError';
    this.problems = problems;
  }
}

/**
 * The first problem `resolve` reports at a path `at` accepts, as "value message" (how a prompt shows it
 * under the typed answer), or undefined when there is none there. Any other error is thrown on.
 */
export function problemWhere(resolve: () => unknown, at: (path: string) => boolean): string | undefined {
  try {
    resolve();
    return undefined;
  } catch (e) {
    if (!(e instanceof SpecError)) throw e;
    const p = e.problems.find((x) => at(x.path));
    return p ? `${formatValue(p.value)} ${p.message}` : undefined;
  }
}

function formatValue(value: unknown): string {
  if (value === undefined) return '(missing)';
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}
