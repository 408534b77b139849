export * from './options';
export * from './model';
export * from './defaults';
export * from './spec-error';
export * from './resolve-spec';
