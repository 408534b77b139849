import { AnnotationSets } from '../annotation-set';
import { BearerApi } from './bearer-api';
import { CognitoUserAuth } from './cognito-user-auth';

AnnotationSets.register(BearerApi);
AnnotationSets.register(CognitoUserAuth);

export { BearerApi, CognitoUserAuth };
