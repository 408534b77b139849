export * from './cluster-config-file';
