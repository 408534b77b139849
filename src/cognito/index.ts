export * from './cloudformation';
export * from './cognito-template';
export * from './cognito-stack';
