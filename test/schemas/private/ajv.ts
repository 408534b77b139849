/** Ajv set-up and error formatting shared by the schema validators. */
import Ajv, { ErrorObject, Options } from 'ajv';
import addFormats from 'ajv-formats';

/** A new Ajv instance with the standard formats (date-time, uri, …) added. */
export function newAjv(options: Options): Ajv {
  const ajv = new Ajv(options);
  addFormats(ajv);
  return ajv;
}

export function format(errors: ErrorObject[] | null | undefined, prefix = ''): string[] {
  return (errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? ` (${(e.params as any).additionalProperty})`
      : e.keyword === 'enum' ? ` (${JSON.stringify((e.params as any).allowedValues)})` : '';
    return `${prefix}${e.instancePath || '/'} ${e.message}${extra}`;
  });
}
