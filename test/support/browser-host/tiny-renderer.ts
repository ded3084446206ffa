/**
 * A stand-in for the built renderer, for host tests that must not depend on `vite build`: an
 * `index.html` with the real renderer's CSP (scripts from 'self' only) and an external `/app.js`
 * that shows the account count from `window.airisk.getState()` and every state event.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The page: `#count` shows the number of accounts, `#configured` whether setup is done, `#events` the number of state events. */
export const TINY_INDEX_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'">
  <title>Tiny renderer</title>
  <script type="module" src="/app.js"></script>
</head>
<body>
  <main><p>Accounts: <output id="count">…</output></p><p>Configured: <output id="configured">…</output></p><p>State events: <output id="events">0</output></p></main>
</body>
</html>
`;

/** The page's script (an ES module, like Vite's output). */
export const TINY_APP_JS = `const show = (state) => {
  document.getElementById('count').textContent = String(state.accounts.length);
  document.getElementById('configured').textContent = String(state.configured);
};
let events = 0;
window.airisk.onStateChange((state) => {
  events += 1;
  document.getElementById('events').textContent = String(events);
  show(state);
});
show(await window.airisk.getState());
`;

/** Creates a temporary renderer folder (index.html, app.js, assets/style.css); the caller removes it. */
export async function createTinyRenderer(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'airisk-tiny-renderer-'));
  await writeFile(join(dir, 'index.html'), TINY_INDEX_HTML);
  await writeFile(join(dir, 'app.js'), TINY_APP_JS);
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'assets', 'style.css'), 'body { font-family: system-ui, sans-serif; }\n');
  return dir;
}
