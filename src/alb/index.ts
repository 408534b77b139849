export * from './alb-config-error';
export * from './ingress-model';
export * from './read-ingresses';
export * from './route-table';
export * from './start-local-alb';
export * from './alb-command';
