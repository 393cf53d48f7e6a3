// Finds the Electron binary without triggering electron's lazy download
// (require('electron') would try, and fail loudly, on a machine without internet).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const electronDir = fileURLToPath(new URL('../node_modules/electron/', import.meta.url));

/** @returns {{ path: string } | { missing: string }} */
export function findElectronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return fs.existsSync(candidate) ? { path: candidate } : { missing: `ELECTRON_OVERRIDE_DIST_PATH has no electron binary (${candidate})` };
  }
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) {
    return { missing: 'the Electron binary was never downloaded (node_modules/electron/path.txt is absent; the download needs internet)' };
  }
  const binary = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? { path: binary } : { missing: `the Electron binary is missing (${binary})` };
}

export function electronVersion() {
  return JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
}
