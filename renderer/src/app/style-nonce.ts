/**
 * The nonce the server put on this page (shared/csp.ts). Every <style> the
 * page writes must carry it: Emotion's cache and MUI X's data grid take it.
 */
let nonce: string | undefined;

export function styleNonce(): string {
  nonce ??= document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? '';
  return nonce;
}
