/**
 * The hosted UI's pages: plain server-rendered HTML that works without JavaScript, no third-party
 * assets, an inline style allowed by its hash, and headers that forbid framing and foreign scripts.
 */
import { createHash } from 'node:crypto';
import type { IssuerReply } from '../issuer-reply';

const STYLE = 'body{font-family:system-ui,sans-serif;max-width:24rem;margin:3rem auto;padding:0 1rem;color:#222}'
  + 'label{display:block;margin-top:1rem}input{display:block;width:100%;box-sizing:border-box;padding:.5rem;margin-top:.25rem}'
  + 'button{margin-top:1.5rem;padding:.5rem 1.5rem}.error{color:#a00;border-left:3px solid #a00;padding-left:.5rem}'
  + '.hint{color:#555;font-size:.9rem}';
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/** Escapes text for HTML content and double-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** What a page shows and where its forms may lead. */
export interface PageOptions {
  readonly title: string;
  /** Body HTML; every value in it already escaped. */
  readonly body: string;
  /** Shown above the body, escaped here. */
  readonly error?: string;
  /**
   * Origins a form on the page may end up at: browsers apply `form-action` to the redirect after a
   * POST, and signing in redirects to the client's callback URL.
   * @default none besides the issuer itself
   */
  readonly formTargets?: readonly string[];
  /** @default none */
  readonly cookies?: readonly string[];
}

/** An HTML page reply with the security headers every hosted-UI page carries. */
export function htmlPage(status: number, options: PageOptions): IssuerReply {
  const error = options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>\n` : '';
  const body = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(options.title)}</h1>
${error}${options.body}
</main>
</body>
</html>
`;
  const formAction = ["'self'", ...new Set(options.formTargets ?? [])].join(' ');
  return {
    status,
    body,
    headers: {
      'Content-Type': 'text/html;charset=UTF-8',
      'Content-Security-Policy': `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
      // Query strings carry state and codes; they must not leak to other sites through Referer. Not
      // no-referrer: under it browsers send `Origin: null` on the forms' own POSTs, which the CSRF check refuses.
      'Referrer-Policy': 'same-origin',
      'Cache-Control': 'no-store',
      ...(options.cookies && options.cookies.length > 0 ? { 'Set-Cookie': options.cookies } : {}),
    },
  };
}

/** A 400-style page that explains what is wrong and offers no way on. */
export function errorPage(status: number, message: string): IssuerReply {
  return htmlPage(status, { title: 'Something went wrong', body: '', error: message });
}

/** A form field: a label and its input. */
export function field(label: string, name: string, type: string, value = '', extra = ''): string {
  return `<label for="${name}">${escapeHtml(label)}</label>\n<input id="${name}" name="${name}" type="${type}" value="${escapeHtml(value)}" ${extra}required>\n`;
}

/** A POST form with its hidden CSRF field. */
export function form(action: string, csrf: string, fields: string, button: string): string {
  return `<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="_csrf" value="${escapeHtml(csrf)}">
${fields}<button type="submit">${escapeHtml(button)}</button>
</form>
`;
}
