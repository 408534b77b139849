import { EksCognitoServiceProject, EksCognitoServiceProjectOptions } from 'eks-cognito-kit';

/** An eks-cognito-kit service with Acme's region, host naming, private network and annotation sets. */
export declare class AcmeServiceProject extends EksCognitoServiceProject {
  constructor(options: EksCognitoServiceProjectOptions);
}

export default AcmeServiceProject;
