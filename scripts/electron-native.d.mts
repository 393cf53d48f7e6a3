/** Path of a better-sqlite3 binding built for the installed Electron's ABI (built on first use). */
export function ensureElectronBinding(): string;
