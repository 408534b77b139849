export * from './integration-script';
