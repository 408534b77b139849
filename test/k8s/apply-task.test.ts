import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { DEFAULT_ROUTES } from '../../src/spec/defaults';
import { synth } from '../util';
import { DEPLOYED, DEPLOYED_WITH_WEB, synthToDisk, tempDir } from './manifests';

/** Runs the task's guard step (never kubectl) in a synthesized repository; returns its exit code and stderr. */
function runGuard(options: Parameters<typeof synthToDisk>[1]) {
  const dir = tempDir();
  try {
    const project = synthToDisk(dir, options);
    const steps = project.tasks.tryFind('k8s:apply')!.steps;
    const guard = steps.find((s) => s.exec?.includes('grep'))!.exec!;
    const run = spawnSync('sh', ['-c', guard], { cwd: dir, encoding: 'utf8' });
    return { status: run.status, stderr: run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('k8s:apply', () => {
  test('says what it runs, then guards, then applies k8s/', () => {
    const task = synth()['.projen/tasks.json'].tasks['k8s:apply'];
    expect(task.steps[0].say).toMatch(/kubectl apply -f k8s\//);
    expect(task.steps[1].exec).toMatch(/exit 1/);
    expect(task.steps[2].exec).toBe('kubectl apply -f k8s/');
    expect(task.steps).toHaveLength(3);
  });

  test('refuses while the user pool id is empty', () => {
    const { status, stderr } = runGuard({});
    expect(status).toBe(1);
    expect(stderr).toMatch(/k8s:apply refused: .*npx projen cognito:deploy/);
  });

  test('refuses while the sign-in Ingress holds NotYetDeployed placeholders', () => {
    const web = { method: 'GET' as const, path: '/app', auth: 'alb-user' as const };
    const { status } = runGuard({ userAuth: { host: 'app.example.com' }, routes: [...DEFAULT_ROUTES, web] });
    expect(status).toBe(1);
    expect(runGuard({ cognito: { deployed: DEPLOYED_WITH_WEB }, userAuth: { host: 'app.example.com' }, routes: [...DEFAULT_ROUTES, web] }).status).toBe(0);
  });

  test('lets a deployed spec through', () => {
    expect(runGuard({ cognito: { deployed: DEPLOYED } })).toEqual({ status: 0, stderr: '' });
  });
});
