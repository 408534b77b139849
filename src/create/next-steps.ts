/**
 * The summary `create` prints when it is done.
 */
import { isAbsolute, relative } from 'node:path';
import type { GitOutcome } from './bootstrap';

/** What happened after the files were written. */
export interface Outcome {
  readonly targetDir: string;
  readonly name: string;
  readonly installed: boolean;
  readonly git?: { readonly outcome: GitOutcome; readonly detail?: string };
}

/** The closing message: where the repo is and what to run next. */
export function nextSteps(o: Outcome, cwd: string): string {
  const rel = relative(cwd, o.targetDir);
  const cd = rel === '' ? undefined : rel.startsWith('..') || isAbsolute(rel) ? o.targetDir : rel;
  const git = {
    'committed': 'Initialised git and made the first commit.',
    'inside-repo': 'Left git alone: the folder is inside an existing repository.',
    'no-git': 'Skipped git: it is not installed.',
    'not-committed': `Could not make the first commit (${o.git?.detail ?? 'git failed'}); run "git add -A && git commit" yourself.`,
  };
  const steps: Array<[string, string]> = [
    ...(cd ? [[`cd ${/\s/.test(cd) ? JSON.stringify(cd) : cd}`, '']] as Array<[string, string]> : []),
    ...(o.installed ? [] : [['npm install && npm run projen', 'install, then generate every file from .projenrc.ts']] as Array<[string, string]>),
    ['npm test', 'unit tests, with tokens from a local issuer'],
    ['npm run dev', 'the service locally, with a local Cognito-compatible issuer'],
    ['npm run integ', 'the deployed API, with real client-credentials tokens'],
  ];
  const width = Math.max(...steps.map(([c]) => c.length)) + 3;
  return [
    '',
    `Created ${o.name} in ${o.targetDir}.`,
    ...(o.git ? [git[o.git.outcome]] : []),
    '',
    'Next steps:',
    ...steps.map(([c, why]) => `  ${why ? c.padEnd(width) + why : c}`),
    '',
    'Edit .projenrc.ts and run "npx projen" to change the service.',
    '',
  ].join('\n');
}
