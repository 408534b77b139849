/**
 * The managed eksctl cluster definition and the task that creates the cluster from it.
 */
import { Component, Project, YamlFile } from 'projen';
import type { ServiceModel } from '../spec';
import { renderClusterConfig } from './cluster-config-render';

/** Path of the cluster definition inside the service repository. */
export const CLUSTER_CONFIG_PATH = 'eksctl/cluster.yaml';

/** Writes `eksctl/cluster.yaml` and adds the `cluster:create` task. */
export class ClusterConfigFile extends Component {
  constructor(project: Project, public readonly model: ServiceModel) {
    super(project);

    new YamlFile(project, CLUSTER_CONFIG_PATH, {
      readonly: true,
      marker: true,
      obj: { toJSON: () => renderClusterConfig(model) },
    });

    const create = `eksctl create cluster -f ${CLUSTER_CONFIG_PATH}`;
    project.addTask('cluster:create', {
      description: `Create the EKS cluster ${model.cluster.name} in ${model.region} (takes 15 to 20 minutes)`,
      steps: [{ say: `Running: ${create}` }, { exec: create }],
    });
  }
}
