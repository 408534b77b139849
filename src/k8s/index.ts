export * from './kubernetes-manifests';
export * from './annotation-set';
export * from './annotation-sets';
