import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_CLIENTS, DEFAULT_ROUTES, DEFAULT_SCOPES } from '../../src';
import { synth, synthToDisk, TestProjectOptions } from '../util';

const PATH = 'cognito/cognito-stack.yaml';

describe('CognitoStack', () => {
  test('the template is tracked as a projen-managed file', () => {
    const out = synth();
    expect(out['.projen/files.json'].files).toContain(PATH);
  });

  test('cognito:deploy and cognito:outputs run the kit command, which prints each command before it runs it', () => {
    const tasks = synth()['.projen/tasks.json'].tasks;
    expect(tasks['cognito:deploy'].steps).toEqual([{ exec: 'eks-cognito-kit deploy --only cognito', receiveArgs: true }]);
    expect(tasks['cognito:outputs'].steps).toEqual([{ exec: 'eks-cognito-kit cognito-outputs' }]);
  });

  test('the tasks follow the service name and region', () => {
    const out = synth({ name: 'orders', region: 'eu-west-1' });
    expect(out['.eks-cognito-kit/deploy.json'].cognito.stackName).toBe('orders-cognito');
    expect(out['.eks-cognito-kit/deploy.json'].region).toBe('eu-west-1');
  });
});

describe('route/scope sync', () => {
  const WITH_DELETE: TestProjectOptions = {
    routes: [...DEFAULT_ROUTES, { method: 'DELETE', path: '/api/demo/items/{id}', scopes: ['demo.delete'] }],
    cognito: {
      resourceServer: { scopes: [...DEFAULT_SCOPES, { name: 'demo.delete', description: 'Demo Delete role' }] },
      clients: [...DEFAULT_CLIENTS, { name: 'deleteClient', scopes: ['demo.delete'] }],
    },
  };

  /** Synthesizes into `outdir` (as `npx projen` would, without installing) and reads the template back from disk. */
  function synthInto(outdir: string, options: TestProjectOptions) {
    const project = synthToDisk(outdir, options);
    const text = readFileSync(join(outdir, PATH), 'utf-8');
    return { model: project.model, text, template: parse(text) };
  }

  test('adding a route with a new scope adds it; removing it removes every trace', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'eck-sync-'));
    const before = synthInto(outdir, {});
    expect(before.text).not.toMatch(/demo\.delete|deleteClient|DeleteClient/);

    const added = synthInto(outdir, WITH_DELETE);
    const scope = added.model.cognito.resourceServer.scopes.find((s) => s.name === 'demo.delete')!;
    const client = added.model.cognito.clients.find((c) => c.name === 'deleteClient')!;
    expect(added.template.Resources.ResourceServer.Properties.Scopes).toContainEqual({ ScopeName: 'demo.delete', ScopeDescription: 'Demo Delete role' });
    expect(added.template.Resources[client.logicalId].Properties.AllowedOAuthScopes).toEqual([scope.fullName]);
    expect(added.template.Outputs[`${client.logicalId}Id`]).toEqual({ Description: 'Client id of deleteClient.', Value: { Ref: client.logicalId } });

    const removed = synthInto(outdir, {});
    expect(removed.text).not.toMatch(/demo\.delete|deleteClient|DeleteClient/);
    expect(removed.text).toBe(before.text);
    rmSync(outdir, { recursive: true, force: true });
  });
});
