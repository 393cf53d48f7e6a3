import { defineConfig } from '@playwright/test';

/**
 * End-to-end: the built UI in Debian Chromium against the built host (`web`),
 * and the desktop app where an Electron binary exists (`electron`; it reports
 * itself skipped, with the reason, where none does).
 */
export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results',
  // The longest journeys take about 50 s on a loaded 2-core machine; 90 s keeps them from timing out there.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // On CI a test that fails once under load is run again and reported as flaky, not lost; locally a failure stays a failure.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['./tests/support/skip-reasons-reporter.ts']],
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'web',
      testMatch: 'e2e/**/*.spec.ts',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        // Each test's host makes its own self-signed certificate; the browser is told to accept it.
        ignoreHTTPSErrors: true,
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          // No background traffic: nothing may leave loopback during tests.
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
        },
      },
    },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
  ],
});
