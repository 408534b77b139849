/**
 * Names and paths derived from a route's spec path.
 */

/** The `{param}` names of a spec path. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
}

/** Express 5 form of a spec path: `{name}` becomes `:name`. */
export function toExpressPath(path: string): string {
  return path.replace(/\{([^}]*)\}/g, ':$1');
}

/** A request path with each parameter filled in as `sample-<param>`. */
export function toSamplePath(path: string): string {
  return path.replace(/\{([^}]*)\}/g, 'sample-$1');
}

/** camelCase of the last fixed segment, or `root`. */
export function lastSegmentName(path: string): string {
  const fixed = path.split('/').filter((s) => s !== '' && !s.startsWith('{'));
  const last = fixed[fixed.length - 1] ?? 'root';
  const words = last.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const camel = words.map((w, i) => (i === 0 ? w[0].toLowerCase() + w.slice(1) : w[0].toUpperCase() + w.slice(1))).join('');
  return /^[0-9]/.test(camel) ? `r${camel}` : camel || 'root';
}

/** kebab-case of a camelCase name. */
export function toKebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/_/g, '-').toLowerCase();
}

/** `readClient` becomes `READ`, `microService` becomes `MICRO_SERVICE`. */
export function toEnvName(clientName: string): string {
  const base = clientName.replace(/[-_]?client$/i, '') || clientName;
  return base.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
}

/** PascalCase logical id for CloudFormation. */
export function toLogicalId(name: string): string {
  return name.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

/** CloudFormation logical id of an app client: `readClient` becomes `ReadClient`, `microService` `MicroServiceClient`. */
export function toClientLogicalId(name: string): string {
  const id = toLogicalId(name);
  return id.endsWith('Client') ? id : `${id}Client`;
}
