/**
 * What a route of the issuer answers, before the server writes it.
 */

/** Status, body (JSON when an object), headers, and extra words for the issuer's log line. */
export interface IssuerReply {
  readonly status: number;
  readonly body: string | object;
  /** Header values; a list gives the header once per value (Set-Cookie). */
  readonly headers?: Record<string, string | readonly string[]>;
  /** Extra words for the log line; never a secret. */
  readonly note?: string;
}
