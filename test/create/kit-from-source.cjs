// The kit's create library from this checkout's sources, for create-eks-cognito-kit's bin in tests
// (EKS_COGNITO_KIT_CREATE_MODULE points here), so the tests need no build of lib/.
const { join } = require('node:path');
require('ts-node').register({ transpileOnly: true, project: join(__dirname, '..', '..', 'tsconfig.json') });
module.exports = require('../../src/create/index.ts');
