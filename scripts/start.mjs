// npm start: the desktop app where an Electron binary exists; otherwise the same
// application as the headless host with its web UI, on this computer only.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';
import { ensureElectronBinding } from './electron-native.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

const build = spawnSync(bin('electron-vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const electron = findElectronBinary();
if ('path' in electron) {
  const env = { ...process.env, BARNAHUS_SQLITE_BINDING: ensureElectronBinding() };
  const app = spawn(electron.path, ['.'], { cwd: root, stdio: 'inherit', env });
  app.on('exit', (code) => process.exit(code ?? 0));
} else {
  const dev = path.join(root, '.barnahus-dev');
  const port = process.env.BARNAHUS_PORT ?? '8443';
  fs.mkdirSync(path.join(dev, 'keys'), { recursive: true, mode: 0o700 });
  console.log(
    [
      '',
      `Electron cannot run here: ${electron.missing}.`,
      'Starting the same application as the headless host with its web UI instead (data in .barnahus-dev/).',
      `Open https://127.0.0.1:${port}/ in Chromium. The certificate is the host's own: compare its`,
      'SHA-256 fingerprint with the one printed below before accepting it.',
      '',
    ].join('\n'),
  );
  const host = spawn(
    process.execPath,
    ['out/main/host.js', '--data', path.join(dev, 'data'), '--key-file', path.join(dev, 'keys', 'host.key'), '--port', port, '--web'],
    { cwd: root, stdio: 'inherit' },
  );
  const stop = () => host.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  host.on('exit', (code) => process.exit(code ?? 0));
}
