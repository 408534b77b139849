/**
 * STUB: to be replaced by the real annotation set.
 */
import type { AnnotationSet } from '../annotation-set';

/** The `bearer-api` annotation set. */
export const BearerApi: AnnotationSet = {
  name: 'bearer-api',
  description: 'stub',
  annotations: () => ({}),
};
