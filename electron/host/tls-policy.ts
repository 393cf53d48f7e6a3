import type { SecureContextOptions } from 'node:tls';

/**
 * What the host offers and a workstation accepts. TLS 1.3 (all of its suites
 * are AEAD), and TLS 1.2 only with ephemeral ECDH and an AEAD cipher: no CBC
 * (padding oracles, Lucky13), no CCM8 (short tag), no ARIA/Camellia, no static
 * RSA key exchange (no forward secrecy). The host's key is EC P-256, so the
 * ECDSA suites are the ones used; the RSA ones let a workstation meet a host
 * re-keyed with RSA without a new client.
 */
export const TLS_CIPHERS = [
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_AES_128_GCM_SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-RSA-CHACHA20-POLY1305',
  'ECDHE-RSA-AES128-GCM-SHA256',
].join(':');

export const tlsPolicy = {
  minVersion: 'TLSv1.2',
  ciphers: TLS_CIPHERS,
  honorCipherOrder: true,
} as const satisfies SecureContextOptions;
