export * from './kubernetes-manifests';
export * from './annotation-set';
export * from './annotation-sets';
export { renderManifests, Manifest, MANIFEST_DIR } from './render-manifests';
export { APPLY_TASK } from './apply-task';
export { NOT_YET_DEPLOYED } from './annotation-sets/cognito-user-auth';
