/**
 * The Kubernetes manifests of the service: one managed YAML file per object under `k8s/`, and the
 * `k8s:apply` task that applies them.
 */
import { Component, Project, YamlFile } from 'projen';
import { addApplyTask } from './apply-task';
import { MANIFEST_DIR, renderManifests } from './render-manifests';
import type { ServiceModel } from '../spec/model';

/** Writes `k8s/*.yaml` from the model; projen rewrites them on every synth and deletes any no longer produced. */
export class KubernetesManifests extends Component {
  /** Paths of the manifests written, in apply order. */
  public readonly paths: readonly string[];

  constructor(project: Project, public readonly model: ServiceModel) {
    super(project);
    const manifests = renderManifests(model);
    for (const { path, object } of manifests) {
      new YamlFile(project, path, { obj: object, readonly: true, marker: true });
    }
    this.paths = manifests.map((m) => m.path);
    addApplyTask(project, MANIFEST_DIR);
  }
}
