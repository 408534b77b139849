export * from './cognito-stack';
