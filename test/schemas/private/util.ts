/** Small helpers shared by the schema validators. */
export function cached<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

export function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function notAnObject(what: string, value: unknown): string {
  return `${what} must be an object (parse the YAML first), got ${typeof value === 'string' ? 'a string' : JSON.stringify(value)}`;
}
