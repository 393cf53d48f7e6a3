import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { CSP_NONCE_PLACEHOLDER } from './shared/csp';

/**
 * One bundler for all three parts (see docs/architecture.md for why
 * electron-vite): main + the headless host for Node, the preload as one CJS
 * file (sandboxed preloads cannot load modules), the renderer as static files.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The host runs on plain Node 20 as well as inside Electron.
      target: 'node20',
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          host: resolve('electron/host/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    base: './',
    plugins: [react()],
    // Placeholder on Vite's own tags and in <meta property="csp-nonce">; see shared/csp.ts.
    html: { cspNonce: CSP_NONCE_PLACEHOLDER },
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      // Everything is served from the app's own origin: no inlined data: scripts, no CDN.
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 2000,
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
