/**
 * Renders the service's container build: multi-stage, Node 24, runs as the image's non-root `node` user
 * (uid 1000, matching the Deployment's securityContext).
 */
import type { ServiceModel } from '../spec';

/** Text of `Dockerfile`. */
export function renderDockerfile(model: ServiceModel): string {
  return [
    'FROM node:24-bookworm-slim AS build',
    'WORKDIR /app',
    'COPY package.json package-lock.json ./',
    'RUN npm ci --ignore-scripts',
    'COPY tsconfig.json ./',
    'COPY src ./src',
    'RUN npx tsc --project tsconfig.json && npm prune --omit=dev',
    '',
    'FROM node:24-bookworm-slim',
    'ENV NODE_ENV=production',
    'WORKDIR /app',
    'COPY --from=build /app/package.json ./',
    'COPY --from=build /app/node_modules ./node_modules',
    'COPY --from=build /app/lib ./lib',
    'USER 1000:1000',
    `EXPOSE ${model.workload.port}`,
    'CMD ["node", "lib/main.js"]',
    '',
  ].join('\n');
}

/** Text of `.dockerignore`: keep local state, dev keys and build output out of the image context. */
export function renderDockerignore(): string {
  return ['node_modules', 'lib', 'coverage', 'dist', 'test-reports', '.eks-cognito-kit/local', '.git', ''].join('\n');
}
