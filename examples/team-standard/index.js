'use strict';
/**
 * Acme's team standard. Importing this package registers the `acme-tags` Ingress annotation set; the
 * AcmeServiceProject subclass applies Acme's defaults, which any option in .projenrc.ts overrides.
 */
const { AnnotationSets, EksCognitoServiceProject } = require('eks-cognito-kit');

/** Tags every load balancer with the team and the service, for cost reports. */
AnnotationSets.register({
  name: 'acme-tags',
  description: 'Tags the load balancer with team=platform and the service name, for Acme\'s cost reports.',
  annotations: (model) => ({
    'alb.ingress.kubernetes.io/tags': `team=platform,service=${model.name}`,
  }),
});

/** An eks-cognito-kit service with Acme's region, host naming, private network and annotation sets. */
class AcmeServiceProject extends EksCognitoServiceProject {
  constructor(options) {
    super({
      region: 'eu-central-1',
      host: `${options.name}.api.acme.example`,
      ...options,
      cluster: { name: 'acme-shared', ...options.cluster },
      ingress: { inboundCidrs: ['10.0.0.0/8'], annotationSets: ['bearer-api', 'acme-tags'], ...options.ingress },
    });
  }
}

exports.AcmeServiceProject = AcmeServiceProject;
exports.default = AcmeServiceProject;
