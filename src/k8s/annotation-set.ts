/**
 * Ingress annotation sets: named, composable groups of AWS Load Balancer Controller annotations.
 * @see https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/
 */
import type { ServiceModel } from '../spec/model';

/** Which Ingress of the service an annotation set is applied to. */
export interface IngressTarget {
  /** Ingress name. */
  readonly name: string;
  /** Host the Ingress serves. */
  readonly host: string;
}

/** A named group of annotations rendered from the model. */
export interface AnnotationSet {
  /** Name used in `ingress.annotationSets`, for example `bearer-api`. */
  readonly name: string;
  /** One sentence for `--help` and the README. */
  readonly description: string;
  /** Annotations (full keys, string values) for the given Ingress. */
  annotations(model: ServiceModel, target: IngressTarget): Record<string, string>;
}

const registry = new Map<string, AnnotationSet>();

/** The registry of annotation sets; teams add their own with `AnnotationSets.register`. */
export class AnnotationSets {
  /** Adds (or replaces) a set under its name. */
  public static register(set: AnnotationSet): void {
    registry.set(set.name, set);
  }

  /** The set registered under a name, or undefined. */
  public static get(name: string): AnnotationSet | undefined {
    return registry.get(name);
  }

  /** Names of every registered set. */
  public static names(): string[] {
    return [...registry.keys()];
  }
}
