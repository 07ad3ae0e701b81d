// Starts the e2e harness (the real Go App in sandbox mode behind a loopback bridge) and Debian's
// Chromium driven by playwright-core. Each test gets a fresh data folder and browser page.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { chromium } from 'playwright-core';

const root = new URL('../..', import.meta.url).pathname;
const bin = process.env.E2E_BIN ?? join(root, 'build/bin/memories-e2e');

async function okJSON(res) {
  if (!res.ok) throw new Error(`${res.url}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * until polls fn (sync or async) until it returns a truthy value, and returns that value; it
 * throws with `what` and the last value seen if that takes longer than timeout ms. For backend
 * state the page does not show; prefer Playwright's locator waits for what is on screen.
 */
export async function until(fn, { timeout = 20000, every = 200, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** tinyVideo is the sandbox test video in the repository. */
export const tinyVideo = join(root, 'cmd/memories/testdata/tiny-h264-aac.mp4');
/** otherVideo is a second small video with other bytes (H.264, no audio). */
export const otherVideo = join(root, 'backend/media/testdata/h264-silent.mp4');

/**
 * start runs the harness and a browser page on it. dataDir reuses the data folder of an earlier
 * harness (one that crash()ed), as a restart of the app would; by default each test gets its own.
 * init is a script the page runs before its own (Playwright's addInitScript).
 */
export async function start({ theme = 'light', dataDir = mkdtempSync(join(tmpdir(), 'memories-e2e-')), init, lang = '' } = {}) {
  // lang is the system locale the app sees (LANG, as on Linux), e.g. 'de_DE.UTF-8' or the pseudo-locale 'en_XA.UTF-8'.
  const locale = lang ? { LANG: lang, LC_ALL: '', LC_MESSAGES: '', MEMORIES_LANG: '' } : {};
  const proc = spawn(bin, ['--dist', join(root, 'frontend/dist')], {
    env: { ...process.env, MEMORIES_DATA_DIR: dataDir, ...locale },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: proc.stdout });
    lines.once('line', (l) => resolve(JSON.parse(l).url));
    proc.once('exit', (code) => reject(new Error(`harness exited ${code}`)));
  });
  let browser;
  let page;
  // An exception in the page fails the test at stop(): a render that throws leaves a view half
  // drawn (the details drawer stayed on "Loading details…" that way) while every click still works.
  const pageErrors = [];
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // A context of its own (not browser.newPage): axe-core's Playwright runner needs one.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: theme });
    page = await context.newPage();
    page.on('pageerror', (e) => {
      console.error('page error:', e.message);
      pageErrors.push(e.message);
    });
    if (init) await page.addInitScript(init);
    await page.goto(url);
    await page.evaluate(() => window.__e2eConnected);
    // The app mounts once its language is settled (bound calls, after the page's load event); a
    // shortcut pressed before that has no handler to reach (a rehearsal's Ctrl+K was lost so).
    await page.waitForFunction(() => document.getElementById('app')?.childElementCount > 0);
  } catch (e) {
    // Leave nothing running when the browser cannot start.
    await browser?.close().catch(() => {});
    proc.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  /** end closes the browser and ends the app with signal, once. */
  const end = async (signal) => {
    await browser.close().catch(() => {});
    if (proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill(signal);
      await exited;
    }
  };
  const h = {
    url, page, dataDir,
    /** dialogs sets what the stubbed native dialogs answer (Go side, core.Dialogs). */
    dialogs: (answers) => fetch(`${url}/_e2e/dialogs`, { method: 'PUT', body: JSON.stringify(answers) }).then((r) => r.json()),
    asked: () => fetch(`${url}/_e2e/dialogs`).then((r) => r.json()).then((d) => d.asked ?? []),
    /** call invokes a bound Go method directly, e.g. to seed data. */
    call: (method, ...args) => page.evaluate(([m, a]) => window.go.main.App[m](...a), [method, args]),
    drop: (paths) => page.evaluate((p) => window.__e2eDrop(p), paths),
    /** sandbox sends a request to the app's in-process emulator (path like '/_sandbox/faults'). */
    sandbox: (path, init = {}) => fetch(`${url}/_e2e/sandbox${path}`, init),
    /** faults replaces the emulator's faults, e.g. { download_rate: 500 } (see sandbox.Faults). */
    faults: (f) => fetch(`${url}/_e2e/sandbox/_sandbox/faults`, { method: 'PUT', body: JSON.stringify(f) })
      .then(okJSON),
    /** serverVideos lists the emulator's videos in a scope as another API client would see them. */
    serverVideos: (query = {}) => fetch(`${url}/_e2e/sandbox/serve/api/v1/list_videos`, {
      method: 'POST', headers: { Authorization: 'sk-e2e-observer', 'Content-Type': 'application/json' },
      body: JSON.stringify({ unique_id: 'default', size: 200, ...query }),
    }).then(okJSON).then((env) => {
      if (env.code !== '0000') throw new Error(`list_videos: ${env.code} ${env.msg}`);
      return env.data.videos ?? [];
    }),
    /**
     * upload queues files through the app (the bound EnqueueUploads, as the Upload view does) and
     * waits until every job is done; it returns the jobs, each with result.videoNos.
     */
    async upload(paths, meta = {}) {
      const queued = await h.call('EnqueueUploads', {
        files: paths.map((path) => ({ path })), meta: { tags: [], retainOriginal: true, ...meta },
      });
      const ids = new Set(queued.map((j) => j.id));
      return until(async () => {
        const { jobs } = await h.call('Jobs', { kinds: ['upload_file'], limit: 1000 });
        const mine = jobs.filter((j) => ids.has(j.id));
        const bad = mine.find((j) => j.state === 'failed' || j.state === 'canceled');
        if (bad) throw new Error(`upload ${bad.name} ${bad.state}: ${bad.error?.message}`);
        return mine.length === ids.size && mine.every((j) => j.state === 'done') && mine;
      }, { what: `uploads of ${paths.join(', ')}` });
    },
    /** uploadElsewhere uploads a file straight to the emulator, as another device would. */
    async uploadElsewhere(path, name = basename(path)) {
      const form = new FormData();
      form.append('file', new Blob([readFileSync(path)], { type: 'video/mp4' }), name);
      const env = await fetch(`${url}/_e2e/sandbox/serve/api/v1/upload`, {
        method: 'POST', headers: { Authorization: 'sk-e2e-elsewhere' }, body: form,
      }).then(okJSON);
      if (env.code !== '0000') throw new Error(`upload: ${env.code} ${env.msg}`);
      return env.data; // { videoNo, videoName, … }
    },
    /** crash kills the app with SIGKILL, as a power cut would, and keeps its data folder. */
    crash: () => end('SIGKILL'),
    async stop() {
      await end('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
      if (pageErrors.length > 0) throw new Error(`the page threw: ${pageErrors.join('; ')}`);
    },
  };
  return h;
}

/** keepSource, a start() init script, keeps the page's event stream reachable for playEvent. */
export const keepSource = () => {
  const Native = window.EventSource;
  window.EventSource = class extends Native {
    constructor(...args) {
      super(...args);
      window.__e2eSource = this;
    }
  };
};

/** playEvent delivers a backend event (name, data) to a page started with init: keepSource. */
export const playEvent = (page, name, data) =>
  page.evaluate(([n, d]) => window.__e2eSource.onmessage({ data: JSON.stringify({ name: n, data: d }) }), [name, data]);

/**
 * appTest is the e2e test fixture: it runs body(h, { folder, restart }) as the test `name` with a
 * started app (start's options) and a fresh folder for the test's own files. restart() starts the
 * app again on the first one's data folder (after h.crash(), as a relaunch would) and returns it.
 * Whatever happens, every app started is stopped (a page error still fails the test) and the
 * folder is removed.
 */
export function appTest(name, body, options = {}) {
  test(name, async () => {
    const folder = mkdtempSync(join(tmpdir(), 'memories-e2e-files-'));
    const apps = [];
    const restart = async () => {
      apps.push(await start({ ...options, dataDir: apps[0].dataDir }));
      return apps.at(-1);
    };
    try {
      apps.push(await start(options));
      await body(apps[0], { folder, restart });
    } finally {
      const stops = [];
      for (const h of apps.reverse()) stops.push(await h.stop().then(() => null, (e) => e));
      rmSync(folder, { recursive: true, force: true });
      const failed = stops.find((e) => e);
      if (failed) throw failed;
    }
  });
}
