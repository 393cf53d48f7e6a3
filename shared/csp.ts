/**
 * The renderer's Content-Security-Policy, the same whether it is served by
 * the Electron custom protocol or by the LAN host: only its own origin, no
 * inline scripts, no eval, no plugins, not frameable. Styles need a nonce:
 * Emotion (MUI) writes <style> elements, and 'unsafe-inline' would let any
 * injected markup style the page too.
 */
export function contentSecurityPolicy(styleNonce?: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    styleNonce ? `style-src 'self' 'nonce-${styleNonce}'` : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    // Interview recordings, streamed from the host (or main) after an access check.
    "media-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Vite writes this into index.html (html.cspNonce); each server swaps in a fresh nonce per response. */
export const CSP_NONCE_PLACEHOLDER = 'BARNAHUS_CSP_NONCE';

export function renderIndexHtml(template: string, nonce: string): string {
  return template.replaceAll(CSP_NONCE_PLACEHOLDER, nonce);
}
