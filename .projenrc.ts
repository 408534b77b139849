import { JsonFile, javascript, typescript } from 'projen';

/** What only scaffolding needs: dependencies of create-eks-cognito-kit, devDependencies of the kit (its tests run the generator). */
const CREATE_DEPS = { 'yeoman-environment': '^7.1.0', 'yeoman-generator': '^10.2.1', 'handlebars': '^4.7.8' };

const project = new typescript.TypeScriptProject({
  name: 'eks-cognito-kit',
  description: 'Create and keep in sync a service repository secured by Amazon Cognito on Amazon EKS.',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  minNodeVersion: '22.18.0',
  typescriptVersion: '~5.9.3',
  github: false,
  release: false,
  depsUpgrade: false,
  license: 'Apache-2.0',
  copyrightOwner: 'eks-cognito-kit authors',
  bin: { 'eks-cognito-kit': 'lib/cli/main.js' },
  deps: ['yaml@^2.9.1'],
  // Test against the versions we install, not the lowest the peer ranges allow (two constructs copies break types).
  peerDependencyOptions: { pinnedDevDependency: false },
  peerDeps: ['projen@^0.103.25', 'constructs@^10.0.0'],
  devDeps: [
    'projen@^0.103.25',
    'constructs@^10.8.1',
    ...Object.entries(CREATE_DEPS).map(([name, range]) => `${name}@${range}`),
    'ajv@^8.20.0',
    'ajv-formats@^3.0.1',
    'express@^5.1.0',
    '@types/express@^5.0.3',
    'aws-jwt-verify@^5.1.0',
    'supertest@^7.1.0',
    '@types/supertest@^6.0.3',
    'playwright-core@^1.65.2',
  ],
  jestOptions: {
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      testTimeout: 60_000,
      // Most suites wait on child processes (npm, projen, servers), so two workers overlap the end-to-end
      // suite with the rest even on a 2-core machine. Only that suite binds fixed ports (seed 003's 8080).
      maxWorkers: 2,
      // Scaffolds and generated repositories made by the tests and the quick start live here.
      modulePathIgnorePatterns: ['<rootDir>/.tmp/'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/.tmp/'],
    },
  },
  gitignore: ['/.tmp/'],
  // playwright-core's declarations name DOM types (HTMLElement, Node) that a Node project does not load.
  tsconfigDev: { compilerOptions: { skipLibCheck: true } },
});

// The generated service's files are written here but run in the generated repo, where express,
// aws-jwt-verify and supertest are its own dependencies.
project.eslint?.addOverride({
  files: ['src/service/assets/**'],
  rules: { 'import/no-extraneous-dependencies': ['error', { devDependencies: true }] },
});

// What the package ships: the compiled kit and the files copied verbatim into generated repos.
project.package.addField('files', [
  'lib/**/*.js',
  'lib/**/*.d.ts',
  'src/service/assets/',
  'src/integ/assets/',
  'examples/team-standard/',
]);

// `npm create eks-cognito-kit` runs this second package: the Yeoman generator, its templates and the
// dependencies only scaffolding needs, so a generated repo (which depends on the kit) never installs them.
new JsonFile(project, 'packages/create-eks-cognito-kit/package.json', {
  obj: {
    name: 'create-eks-cognito-kit',
    version: project.package.manifest.version,
    description: 'npm create eks-cognito-kit: scaffold a service repository secured by Amazon Cognito on Amazon EKS.',
    license: 'Apache-2.0',
    type: 'module',
    bin: { 'create-eks-cognito-kit': 'bin/create-eks-cognito-kit.mjs' },
    files: ['bin/', 'generators/', 'templates/', 'lib/', 'README.md'],
    engines: { node: '>= 22.18.0' },
    // the kit at exactly this version: one path from answers to spec, shared with `eks-cognito-kit add`
    dependencies: { 'eks-cognito-kit': project.package.manifest.version, ...CREATE_DEPS },
  },
});

project.addTask('bench', {
  description: 'Benchmarks (not tests): synth and create against bare projen baselines measured in the same run',
  steps: [
    { exec: 'ts-node --project test/tsconfig.json test/bench/synth-bench.ts' },
    { exec: 'ts-node --project test/tsconfig.json test/bench/create-bench.ts' },
  ],
});

// Runs on a fresh clone (before any install), so it is a plain script rather than a projen task.
project.package.setScript('quickstart', 'bash test/e2e/quickstart.sh');

project.synth();
