export * from './add-args';
export * from './add-command';
export * from './add-error';
export * from './literal-edit';
export * from './project-probe';
export * from './projenrc-source';
export * from './spec-edit';
export * from './add-questions';
