export * from './project';
export * from './spec';
export { AnnotationSet, AnnotationSets, IngressTarget } from './k8s';
