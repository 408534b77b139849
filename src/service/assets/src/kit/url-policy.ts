import { isIPv4 } from 'node:net';

/** Whether a URL host name is this machine (localhost, 127.0.0.0/8 or ::1). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || (isIPv4(host) && host.startsWith('127.'));
}

/**
 * Why a key-fetching URL is refused, or undefined when it is acceptable: https anywhere,
 * plain http only on the loopback interface (a local issuer), nothing else.
 */
export function fetchUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not an absolute URL';
  }
  if (url.username || url.password) return 'must not carry credentials';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:') {
    return isLoopbackHost(url.hostname) ? undefined : 'uses http for a non-loopback host; use https (http is allowed only for 127.0.0.1, ::1 and localhost)';
  }
  return `uses the unsupported protocol ${url.protocol}; use https`;
}
