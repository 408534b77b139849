/**
 * STUB: to be replaced by the real annotation set.
 */
import type { AnnotationSet } from '../annotation-set';

/** The `cognito-user-auth` annotation set. */
export const CognitoUserAuth: AnnotationSet = {
  name: 'cognito-user-auth',
  description: 'stub',
  annotations: () => ({}),
};
