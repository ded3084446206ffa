// window.airisk for the browser host (test/support/browser-host), served as-is at
// /__airisk/bridge.js. Each method POSTs {args} to /__airisk/call/<method>; onStateChange and the
// "open the authorization page" request arrive as Server-Sent Events from /__airisk/events.
// Plain ES2022, no build step. The method list must match src-main/contract-methods.ts (a test checks).
(() => {
  'use strict';
  const METHODS = ['getState', 'signIn', 'cancelSignIn', 'submitRedirectedUrl', 'renew', 'remove', 'setActive', 'rename', 'copy', 'getSettings', 'updateSettings'];
  const listeners = new Set();
  const events = new EventSource('/__airisk/events');
  // Calls that change state wait until the event stream is open, so no state event they cause is
  // missed; reads cause none and go at once (the first paint waits on getState).
  const READS = new Set(['getState', 'getSettings']);
  const subscribed = new Promise((resolve) => {
    events.addEventListener('open', resolve, { once: true });
    events.addEventListener('error', resolve, { once: true });
  });
  events.addEventListener('state', (event) => {
    const state = JSON.parse(event.data);
    for (const listener of [...listeners]) listener(state);
  });
  events.addEventListener('open-url', (event) => {
    window.open(JSON.parse(event.data).url, '_blank', 'noopener');
  });

  const call = async (method, args) => {
    if (!READS.has(method)) await subscribed;
    const response = await fetch(`/__airisk/call/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ args }),
      credentials: 'same-origin',
    });
    const answer = await response.json().catch(() => ({ ok: false, error: `The browser host answered HTTP ${response.status}.` }));
    if (answer.ok !== true) throw new Error(String(answer.error));
    return answer.value;
  };

  const api = {};
  for (const method of METHODS) api[method] = (...args) => call(method, args);
  api.onStateChange = (listener) => {
    if (typeof listener !== 'function') throw new TypeError('onStateChange needs a function.');
    const entry = (state) => listener(state);
    listeners.add(entry);
    return () => {
      listeners.delete(entry);
    };
  };
  Object.defineProperty(window, 'airisk', { value: Object.freeze(api), enumerable: true });
})();
