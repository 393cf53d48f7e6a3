// Renders renderer/public/favicon.svg to build/icon.png (512×512) for electron-builder,
// with Debian Chromium: `node scripts/render-icon.mjs`. Run again when the icon changes.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const svg = fs.readFileSync(new URL('../renderer/public/favicon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
await page.setContent(`<body style="margin:0;background:transparent">${svg.replace('<svg ', '<svg width="512" height="512" ')}</body>`);
await page.screenshot({ path: new URL('../build/icon.png', import.meta.url).pathname, omitBackground: true });
await browser.close();
