import { X509Certificate } from 'node:crypto';
import { hostname } from 'node:os';
import { isIP } from 'node:net';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { generate } from 'selfsigned';
import { iso } from '../core/clock';

export interface HostIdentity {
  certPem: string;
  keyPem: string;
  /** SHA-256 of the certificate (DER), lowercase hex: what workstations pin. */
  fingerprint: string;
}

const VALIDITY_YEARS = 5;

export function certificateFingerprint(certPem: string | Buffer): string {
  return new X509Certificate(certPem).fingerprint256.replaceAll(':', '').toLowerCase();
}

/**
 * The host's TLS identity, made on first run and kept in the encrypted
 * database. Workstations pin its fingerprint, so it stays the same across
 * restarts and address changes; the names in it are for browsers' benefit.
 */
export async function loadOrCreateHostIdentity(db: Database, now: Date, listen: string): Promise<HostIdentity> {
  const row = db.prepare('SELECT cert_pem, key_pem FROM host_identity WHERE id = 1').get() as
    | { cert_pem: string; key_pem: string }
    | undefined;
  if (row) return { certPem: row.cert_pem, keyPem: row.key_pem, fingerprint: certificateFingerprint(row.cert_pem) };

  const ips = new Set(['127.0.0.1', '::1']);
  const dns = new Set(['localhost', hostname()]);
  if (isIP(listen)) ips.add(listen);
  else dns.add(listen);
  const notAfterDate = new Date(now);
  notAfterDate.setUTCFullYear(notAfterDate.getUTCFullYear() + VALIDITY_YEARS);
  const pems = await generate([{ name: 'commonName', value: `Barnahus Desk host ${hostname()}` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...[...dns].map((value) => ({ type: 2 as const, value })), ...[...ips].map((ip) => ({ type: 7 as const, ip }))],
      },
    ],
  });
  db.prepare('INSERT INTO host_identity (id, cert_pem, key_pem, created_at) VALUES (1, ?, ?, ?)').run(pems.cert, pems.private, iso(now));
  return { certPem: pems.cert, keyPem: pems.private, fingerprint: certificateFingerprint(pems.cert) };
}
