//go:build e2e

package main

// shimJS stands in for the Wails runtime in a plain browser: bound calls go over fetch, events
// arrive over server-sent events, and window.__e2eDrop(paths) plays a native file drop.
const shimJS = `(() => {
  const listeners = {};
  let dropHandler = null;
  const source = new EventSource('/_e2e/events');
  source.onmessage = (m) => {
    const { name, data } = JSON.parse(m.data);
    (listeners[name] || []).slice().forEach((l) => {
      l.cb(data);
      if (l.max > 0 && --l.max === 0) off(name, l);
    });
  };
  const off = (name, l) => { listeners[name] = (listeners[name] || []).filter((x) => x !== l); };
  window.runtime = {
    EventsOnMultiple(name, cb, max) {
      const l = { cb, max };
      (listeners[name] = listeners[name] || []).push(l);
      return () => off(name, l);
    },
    EventsOff(...names) { names.forEach((n) => delete listeners[n]); },
    EventsOffAll() { Object.keys(listeners).forEach((n) => delete listeners[n]); },
    EventsEmit() {},
    OnFileDrop(cb) { if (!dropHandler) dropHandler = cb; },
    OnFileDropOff() { dropHandler = null; },
    LogPrint() {}, LogTrace() {}, LogDebug() {}, LogInfo() {}, LogWarning() {}, LogError() {}, LogFatal() {},
    WindowSetTitle() {}, BrowserOpenURL(u) { window.open(u); },
  };
  window.__e2eDrop = (paths) => dropHandler && dropHandler(0, 0, paths);
  window.__e2eConnected = new Promise((resolve) => { source.onopen = resolve; });
  const call = async (method, args) => {
    const res = await fetch('/_e2e/call', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ method, args }) });
    const body = await res.json().catch(() => null);
    if (!res.ok) throw body;
    return body;
  };
  window.go = { main: { App: new Proxy({}, { get: (_, method) => (...args) => call(method, args) }) } };
})();`
