// Probes the Search view's e2e test and benchmark run in the page (page.evaluate): which rows of
// the Moments list are on screen, how long an answer takes to render, and scrolling to the end.

/** onScreen (run in the page) lists the data-index of the Moments rows inside the list's visible area. */
export function onScreen() {
  const sc = document.querySelector('[role="grid"][aria-label="Moments"] .scroller');
  const box = sc.getBoundingClientRect();
  return [...sc.querySelectorAll('[role="row"]')].filter((r) => {
    const b = r.getBoundingClientRect();
    return b.bottom > box.top && b.top < box.bottom;
  }).map((r) => Number(r.dataset.index));
}

/** watchAnswers (run in the page) wraps the bound methods the Search view calls: it counts
 * KeyframeURL calls per blob and, when a Find answer reaches the page, times how long until its
 * rows are in the list and laid out (window.__rendered resolves with the milliseconds). Run it
 * again before each search to time. */
export function watchAnswers() {
  window.__app ??= window.go.main.App;
  const app = window.__app;
  window.__keyframes = [];
  window.__rendered = new Promise((resolve) => {
    const timed = async (...args) => {
      const answer = await app.Find(...args);
      const t0 = performance.now();
      const tick = () => {
        const sc = document.querySelector('[role="grid"][aria-label="Moments"] .scroller');
        if (!sc?.querySelector('[role="row"]')) return requestAnimationFrame(tick);
        void sc.scrollHeight; // the layout, forced
        resolve({ ms: performance.now() - t0, moments: answer.moments.length, height: sc.scrollHeight });
      };
      requestAnimationFrame(tick);
      return answer;
    };
    const kf = (bucket, blob) => (window.__keyframes.push(blob), app.KeyframeURL(bucket, blob));
    window.go.main.App = new Proxy({}, { get: (_, m) => (m === 'Find' ? timed : m === 'KeyframeURL' ? kf : app[m]) });
  });
}

/** scrollToEnd (run in the page) scrolls the Moments list to its end and resolves with the
 * milliseconds until the last row is in the list and laid out. */
export function scrollToEnd(last) {
  const sc = document.querySelector('[role="grid"][aria-label="Moments"] .scroller');
  const t0 = performance.now();
  sc.scrollTop = sc.scrollHeight;
  return new Promise((resolve) => {
    const tick = () => {
      if (!document.getElementById(`moment-row-${last}`)) return requestAnimationFrame(tick);
      void sc.scrollHeight;
      resolve(performance.now() - t0);
    };
    requestAnimationFrame(tick);
  });
}
