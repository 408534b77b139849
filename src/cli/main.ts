#!/usr/bin/env node
/**
 * The `eks-cognito-kit` command: `create` scaffolds a service repository, `issuer` runs the local
 * Cognito-compatible token issuer inside one, `alb` the local load balancer in front of the service,
 * `bench` measures the service runtime's throughput, `add` adds a route, scope or client to the spec.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const MIN_NODE = [22, 18];

const USAGE = `Usage: eks-cognito-kit <command> [options]

Commands:
  create <dir>   Create a service repository (run "eks-cognito-kit create --help" for its options)
  add            Add a route, scope or app client to a service repository's spec, then synthesize
                 (run "eks-cognito-kit add --help" for its options)
  issuer         Run the local Cognito-compatible token issuer in a service repository
                 (run "eks-cognito-kit issuer --help" for its options)
  bench          Measure the throughput of a service repository's token verification
                 (run "eks-cognito-kit bench --help" for its settings)
  alb            Run the local ALB of a service repository, from its k8s/ Ingress manifests
                 (run "eks-cognito-kit alb --help" for its options)
  deploy         Deploy a service repository to AWS, step by step (run "eks-cognito-kit deploy --help")
  cognito-outputs
                 Record the deployed Cognito stack's outputs in cognito/outputs.json and re-synthesize

Options:
  --version      Print the kit's version
  --help         Print this help`;

/** Runs the command line and resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
    process.stderr.write(`eks-cognito-kit needs Node.js >= ${MIN_NODE.join('.')}; this is ${process.versions.node}. Install Node 24 LTS and retry.\n`);
    return 1;
  }
  const [command, ...rest] = argv;
  switch (command) {
    case 'create':
      return (await import('./create-command')).runCreate(rest);
    case 'add':
      return (await import('../add/add-command')).runAdd(rest);
    case 'issuer':
      return (await import('../local/issuer-command')).runIssuer(rest);
    case 'bench':
      return (await import('../bench/bench-command')).runBenchCommand(rest);
    case 'alb':
      return (await import('../alb/alb-command')).runAlb(rest);
    case 'deploy':
      return (await import('../deploy/deploy-command')).runDeploy(rest);
    case 'cognito-outputs':
      return (await import('../deploy/deploy-command')).runDeploy(['--only', 'outputs', ...rest]);
    case '--version':
      process.stdout.write(`${readVersion()}\n`);
      return 0;
    case undefined:
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
      return 2;
  }
}

function readVersion(): string {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf-8')).version;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
