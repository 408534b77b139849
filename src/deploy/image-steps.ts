/**
 * The ECR repository and the service image, tagged with the commit so a pushed commit is never rebuilt.
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/docker-push-ecr-image.html
 */
import { DeployContext, DeployStep, imageRef, showCommand } from './deploy-context';
import { DeployStepError } from './deploy-error';

function repositoryUri(json: string, key: 'repositories' | 'repository'): string | undefined {
  try {
    const value = JSON.parse(json)[key];
    const uri = Array.isArray(value) ? value[0]?.repositoryUri : value?.repositoryUri;
    return typeof uri === 'string' ? uri : undefined;
  } catch {
    return undefined;
  }
}

/** Finds the repository, or creates it (scanned on push) when ECR says it does not exist. */
export const ecrRepository: DeployStep = {
  name: 'ecr-repository',
  describe: (ctx) => [`${showCommand('aws', ['ecr', 'describe-repositories', '--repository-names', ctx.plan.image.repository, '--region', ctx.plan.region, '--output', 'json'])} || ${showCommand('aws', createArgs(ctx))}`],
  perform: (ctx) => {
    const found = ctx.run.capture('aws', ['ecr', 'describe-repositories', '--repository-names', ctx.plan.image.repository, '--region', ctx.plan.region, '--output', 'json']);
    if (found.status === 0) {
      ctx.repositoryUri = repositoryUri(found.stdout, 'repositories');
      ctx.io.stdout.write(`  skipped: ${ctx.repositoryUri} exists\n`);
    } else if (found.stderr.includes('RepositoryNotFoundException')) {
      ctx.repositoryUri = repositoryUri(ctx.run.capture('aws', createArgs(ctx)).stdout, 'repository');
    }
    if (!ctx.repositoryUri) {
      throw new DeployStepError(`the ECR repository ${ctx.plan.image.repository} is neither readable nor creatable: ${found.stderr.trim()}`, 'check that your IAM identity may use ECR in this region, then run again.');
    }
  },
};

function createArgs(ctx: DeployContext): string[] {
  return ['ecr', 'create-repository', '--repository-name', ctx.plan.image.repository, '--region', ctx.plan.region,
    '--image-scanning-configuration', 'scanOnPush=true', '--output', 'json'];
}

/** Builds and pushes `<repository>:<commit>`, skipped when ECR already holds that tag. */
export const image: DeployStep = {
  name: 'image',
  describe: (ctx) => [
    `${showCommand('aws', ['ecr', 'describe-images', '--repository-name', ctx.plan.image.repository, '--image-ids', `imageTag=${ctx.imageTag ?? '<commit>'}`, '--region', ctx.plan.region])} (skip when found)`,
    `aws ecr get-login-password --region ${ctx.plan.region} | docker login --username AWS --password-stdin ${imageRef(ctx).split('/')[0]}`,
    showCommand('docker', ['build', '-t', imageRef(ctx), '.']),
    showCommand('docker', ['push', imageRef(ctx)]),
  ],
  perform: (ctx) => {
    const ref = imageRef(ctx);
    const held = ctx.run.capture('aws', ['ecr', 'describe-images', '--repository-name', ctx.plan.image.repository, '--image-ids', `imageTag=${ctx.imageTag}`, '--region', ctx.plan.region, '--output', 'json']);
    if (held.status === 0) {
      ctx.io.stdout.write(`  skipped: ${ref} is in ECR\n`);
      return;
    }
    // The password goes from one process's stdout to the other's stdin; it is never printed or stored.
    const password = ctx.run.capture('aws', ['ecr', 'get-login-password', '--region', ctx.plan.region]);
    if (password.status !== 0 || ctx.run.stream('docker', ['login', '--username', 'AWS', '--password-stdin', ref.split('/')[0]], password.stdout) !== 0) {
      throw new DeployStepError('docker could not sign in to ECR', 'check the AWS CLI\'s credentials and that the Docker daemon runs, then run again.');
    }
    if (ctx.run.stream('docker', ['build', '-t', ref, '.']) !== 0) {
      throw new DeployStepError(`docker build of ${ref} failed`, 'fix the build error above (try "docker build ." locally), then run again.');
    }
    if (ctx.run.stream('docker', ['push', ref]) !== 0) {
      throw new DeployStepError(`docker push of ${ref} failed`, 'check the network and your ECR permissions, then run again.');
    }
  },
};
