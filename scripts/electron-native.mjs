// Builds the SQLite binding for Electron's ABI into its own folder, so the copy in
// node_modules stays built for Node (tests, the headless host). Electron's main
// process is pointed at it with BARNAHUS_SQLITE_BINDING. Packaged builds do not
// need this: electron-builder rebuilds native modules itself (npmRebuild).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronVersion } from './electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers');

export function ensureElectronBinding() {
  const version = electronVersion();
  const dir = path.join(root, 'node_modules', '.cache', 'barnahus-electron-native', version, 'better-sqlite3-multiple-ciphers');
  const binding = path.join(dir, 'build', 'Release', 'better_sqlite3.node');
  if (fs.existsSync(binding)) return binding;

  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(source, dir, { recursive: true, filter: (file) => !file.startsWith(path.join(source, 'build')) });
  const prebuild = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'prebuild-install.cmd' : 'prebuild-install');
  try {
    console.log(`Fetching the SQLite binding prebuilt for Electron ${version}…`);
    execFileSync(prebuild, ['--runtime', 'electron', '--target', version, '--arch', process.arch], { cwd: dir, stdio: 'inherit' });
  } catch {
    console.log(`No prebuilt binding; compiling it for Electron ${version} (about 2 minutes)…`);
    const nodeGyp = process.env.npm_config_node_gyp;
    if (!nodeGyp) throw new Error('node-gyp not found: run this through npm (npm start).');
    execFileSync(process.execPath, [nodeGyp, 'rebuild', '--release', '--runtime=electron', `--target=${version}`, '--dist-url=https://electronjs.org/headers'], {
      cwd: dir,
      stdio: 'inherit',
    });
  }
  if (!fs.existsSync(binding)) throw new Error(`Building the SQLite binding for Electron ${version} produced no ${binding}`);
  return binding;
}
