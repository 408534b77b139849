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

/** Prefix of every AWS Load Balancer Controller Ingress annotation. */
export const ALB_PREFIX = 'alb.ingress.kubernetes.io/';

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

  /**
   * The annotations of the named sets merged in order: a later set wins on a key an earlier one
   * also sets. Throws on a name that is not registered.
   */
  public static compose(names: readonly string[], model: ServiceModel, target: IngressTarget): Record<string, string> {
    return names.reduce<Record<string, string>>((merged, name) => {
      const set = registry.get(name);
      if (!set) {
        throw new Error(`Annotation set "${name}" of Ingress "${target.name}" is not registered (known: ${AnnotationSets.names().join(', ')}); register it with AnnotationSets.register() before the project is created.`);
      }
      return { ...merged, ...set.annotations(model, target) };
    }, {});
  }
}
