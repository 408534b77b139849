export * from './authorize-request';
export * from './cookies';
export * from './hosted-ui';
export * from './password-hash';
export * from './password-policy';
export * from './user-store';
export * from './web-client';
export * from './web-client-settings';
