export * from './local-issuer-config';
