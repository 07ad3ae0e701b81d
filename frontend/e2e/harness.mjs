// Starts the e2e harness (the real Go App in sandbox mode behind a loopback bridge) and Debian's
// Chromium driven by playwright-core. Each test gets a fresh data folder and browser page.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

const root = new URL('../..', import.meta.url).pathname;
const bin = process.env.E2E_BIN ?? join(root, 'build/bin/memories-e2e');

export async function start({ theme = 'light' } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'memories-e2e-'));
  const proc = spawn(bin, ['--dist', join(root, 'frontend/dist')], {
    env: { ...process.env, MEMORIES_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: proc.stdout });
    lines.once('line', (l) => resolve(JSON.parse(l).url));
    proc.once('exit', (code) => reject(new Error(`harness exited ${code}`)));
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: theme });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url);
  await page.evaluate(() => window.__e2eConnected);
  const h = {
    url, page, dataDir,
    /** dialogs sets what the stubbed native dialogs answer (Go side, core.Dialogs). */
    dialogs: (answers) => fetch(`${url}/_e2e/dialogs`, { method: 'PUT', body: JSON.stringify(answers) }).then((r) => r.json()),
    asked: () => fetch(`${url}/_e2e/dialogs`).then((r) => r.json()).then((d) => d.asked ?? []),
    /** call invokes a bound Go method directly, e.g. to seed data. */
    call: (method, ...args) => page.evaluate(([m, a]) => window.go.main.App[m](...a), [method, args]),
    drop: (paths) => page.evaluate((p) => window.__e2eDrop(p), paths),
    async stop() {
      await browser.close();
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return h;
}
