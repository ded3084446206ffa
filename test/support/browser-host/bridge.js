// window.airisk for the browser host (test/support/browser-host), served as-is at
// /__airisk/bridge.js. Each method POSTs {args} to /__airisk/call/<method>; onStateChange and the
// "open the authorization page" request arrive as Server-Sent Events from /__airisk/events, read
// with fetch so that every bridge request carries the per-run key in X-AIRisk-Host-Key. The key
// comes from the printed URL's fragment (#key=…, never sent to a server), is kept in this tab's
// sessionStorage (per origin, so per port: no other server on 127.0.0.1 sees it) and removed from
// the address bar. No cookie. Plain ES2022, no build step. The method list must match
// src-main/contract-methods.ts (a test checks).
(() => {
  'use strict';
  const METHODS = [
    'getState', 'signIn', 'cancelSignIn', 'openSignInPage', 'submitRedirectedUrl', 'renew', 'renewAll', 'cancelRenewAll', 'remove', 'setActive', 'rename', 'copy', 'tokenDetails', 'dismissError', 'getSettings', 'updateSettings',
    'saveConnection', 'duplicateConnection', 'removeConnection', 'checkConnection', 'exportConnection', 'importConnection',
    'answerConsent', 'revokeTerminalSession', 'installCommandLineTool', 'checkForUpdates',
  ];
  const KEY_HEADER = 'X-AIRisk-Host-Key';
  const KEY_ITEM = 'airisk-host-key';
  const RECONNECT_MS = 1000;
  const listeners = new Set();

  const handed = /^#key=([\w-]+)$/.exec(location.hash);
  if (handed !== null) {
    sessionStorage.setItem(KEY_ITEM, handed[1]);
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  }
  const keyHeaders = { [KEY_HEADER]: sessionStorage.getItem(KEY_ITEM) ?? '' };

  const dispatch = (frame) => {
    const name = /^event: (.*)$/m.exec(frame)?.[1];
    const data = [...frame.matchAll(/^data: (.*)$/gm)].map((match) => match[1]).join('\n');
    if (name === 'state') {
      const state = JSON.parse(data);
      for (const listener of [...listeners]) listener(state);
    } else if (name === 'open-url') {
      window.open(JSON.parse(data).url, '_blank', 'noopener');
    }
  };

  // Calls that change state wait until the event stream is open, so no state event they cause is
  // missed; reads cause none and go at once (the first paint waits on getState).
  const READS = new Set(['getState', 'getSettings', 'exportConnection', 'tokenDetails']);
  let opened;
  const subscribed = new Promise((resolve) => {
    opened = resolve;
  });
  const listen = async () => {
    try {
      const response = await fetch('/__airisk/events', { headers: keyHeaders, cache: 'no-store' });
      opened();
      if (!response.ok || response.body === null) return;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      opened();
    }
    // Like EventSource: a dropped stream is opened again.
    setTimeout(listen, RECONNECT_MS);
  };
  listen();

  const call = async (method, args) => {
    if (!READS.has(method)) await subscribed;
    const response = await fetch(`/__airisk/call/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...keyHeaders },
      body: JSON.stringify({ args }),
      credentials: 'omit',
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
