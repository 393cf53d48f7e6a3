import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const ISSUER = 'Barnahus Desk';
const PERIOD = 30;

function totp(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });
}

/** A new secret for enrolment, with the otpauth:// URI and a QR code (SVG) an authenticator app scans. */
export async function newEnrolment(label: string): Promise<{ secret: string; uri: string; qrSvg: string }> {
  const secret = new Secret({ size: 20 }).base32;
  const uri = totp(secret, label).toString();
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return { secret, uri, qrSvg };
}

/**
 * The time step a code belongs to (±1 step for clock drift), or null.
 * Callers refuse a step at or before the last one accepted: each code works once.
 */
export function acceptedStep(secretBase32: string, code: string, now: Date): number | null {
  const delta = totp(secretBase32, 'check').validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

/** The current code, for tests and for nothing else. */
export function currentCode(secretBase32: string, now: Date): string {
  return totp(secretBase32, 'check').generate({ timestamp: now.getTime() });
}
