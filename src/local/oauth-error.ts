/**
 * Token endpoint errors as Cognito returns them: HTTP 400 and `{"error":"<code>"}`, for failed client
 * authentication too (Cognito sends no 401 and no WWW-Authenticate).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */

/** The RFC 6749 error codes the local token endpoint answers with. */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
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
