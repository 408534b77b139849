/**
 * Which Ingress path rule a request path reaches. Each pathType is matched as the AWS Load Balancer
 * Controller turns it into ALB path patterns; rules of every Ingress share one table, because
 * locally `localhost` stands for every Ingress host.
 * @see https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/spec/
 */
import type { IngressPathRule, LocalIngress } from './ingress-model';

/** A path rule with the Ingress it belongs to. */
export interface MatchedRule {
  readonly ingress: LocalIngress;
  readonly rule: IngressPathRule;
}

/**
 * The path rules of all Ingresses in the order they are tried: `Exact` rules, then `Prefix` rules
 * longest path first, then `ImplementationSpecific` rules in manifest order, then default backends
 * (the controller's order within one Ingress, applied across all of them). Ties keep manifest order:
 * files by name, then the order inside each file, so `ingress-api.yaml` wins over `ingress-web.yaml`
 * for the very same path. On AWS the hosts keep such rules apart; `shadowed()` names them.
 */
export class RouteTable {
  private readonly ordered: readonly MatchedRule[];

  constructor(ingresses: readonly LocalIngress[]) {
    const all = ingresses.flatMap((ingress) => ingress.paths.map((rule) => ({ ingress, rule })));
    this.ordered = all
      .map((entry, index) => ({ entry, index, rank: rank(entry.rule) }))
      .sort((a, b) => a.rank - b.rank || a.index - b.index)
      .map((e) => e.entry);
  }

  /** The first rule matching the path (no query string), or undefined: the ALB answers 404. */
  public match(path: string): MatchedRule | undefined {
    return this.ordered.find(({ rule }) => matches(rule, path));
  }

  /** One sentence per rule that another Ingress's identical rule hides locally. */
  public shadowed(): string[] {
    const seen = new Map<string, MatchedRule>();
    const notes: string[] = [];
    for (const entry of this.ordered) {
      const key = `${entry.rule.pathType} ${entry.rule.path ?? '(default backend)'}`;
      const first = seen.get(key);
      if (!first) seen.set(key, entry);
      else if (first.ingress !== entry.ingress) notes.push(`${key} of Ingress ${entry.ingress.id} is hidden by the same rule of Ingress ${first.ingress.id}`);
    }
    return notes;
  }
}

function rank(rule: IngressPathRule): number {
  if (rule.path === undefined) return 4e6;
  if (rule.pathType === 'Exact') return 0;
  // Longer prefixes first; paths are far shorter than a million characters.
  if (rule.pathType === 'Prefix') return 2e6 - rule.path.length;
  return 3e6;
}

/** Whether the rule matches the path; ALB path patterns are case-sensitive. */
export function matches(rule: IngressPathRule, path: string): boolean {
  if (rule.path === undefined) return true;
  switch (rule.pathType) {
    case 'Exact':
      return path === rule.path;
    case 'Prefix': {
      // The controller emits "/*" for "/", otherwise "<p>" and "<p>/*" with a trailing "/" trimmed.
      const prefix = rule.path.replace(/\/+$/, '');
      return prefix === '' || path === prefix || path.startsWith(`${prefix}/`);
    }
    case 'ImplementationSpecific':
      return globToRegExp(rule.path).test(path);
  }
}

/** An ALB path pattern as an anchored regular expression: `*` is any run of characters, `?` exactly one. */
export function globToRegExp(pattern: string): RegExp {
  const body = [...pattern].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 's');
}
