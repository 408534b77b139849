export * from './cluster-config';
export * from './cluster-config-render';
export * from './cluster-config-file';
