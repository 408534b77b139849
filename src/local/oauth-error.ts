/**
 * Token endpoint errors: `{"error":"<code>"}` with HTTP 400, or 401 for `invalid_client` (RFC 6749
 * section 5.2 requires 401 and a `WWW-Authenticate` challenge when the client used HTTP Basic; the
 * issuer answers 401 for every failed client authentication so callers see one status).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */

/** The RFC 6749 error codes the local token endpoint answers with. */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'invalid_scope'
  | 'unauthorized_client'
  | 'unsupported_grant_type';

/** A token request refused with an OAuth error code; `reason` is for the issuer's log only. */
export class OAuthError extends Error {
  constructor(public readonly code: OAuthErrorCode, public readonly reason: string) {
    super(`${code}: ${reason}`);
    this.name = 'OAuthError';
  }
}
