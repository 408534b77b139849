export * from './project';
export * from './spec';
export { AnnotationSet, AnnotationSets, IngressTarget } from './k8s';
export { startIssuer, StartIssuerOptions, RunningIssuer } from './local';
export { startLocalCalls, LocalCalls, LocalCallsOptions } from './local/local-calls';
