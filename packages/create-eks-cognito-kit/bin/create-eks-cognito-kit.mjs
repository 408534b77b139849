#!/usr/bin/env node
// `npm create eks-cognito-kit <dir> -- [flags]` and `npx create-eks-cognito-kit <dir> [flags]`.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18) || (major === 24 && minor < 11)) {
  process.stderr.write(`create-eks-cognito-kit needs Node.js 22.18 or newer (24.11 or newer on 24); this is ${process.versions.node}.\n`);
  process.exit(1);
}
const { main } = await import('../lib/main.mjs');
process.exitCode = await main(process.argv.slice(2));
