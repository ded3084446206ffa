import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { AppState } from '../src-main/contract.ts';
import { App } from './app.tsx';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/list.css';
import './styles/icons.css';

/** How long the first render waits for the first state before it shows "Loading…". */
const FIRST_STATE_WAIT_MS = 300;

/** Entry point: mounts the window on #root, talking to `window.airisk` (the preload or the test bridge). */
const element = document.getElementById('root');
if (element === null) throw new Error('index.html has no #root element');
// Absent when the page is opened outside the app (the preload or the test bridge puts it there).
const api = (window as Partial<Window>).airisk;
if (api === undefined) {
  // Opened outside the app: index.html's own message (hidden until now) says what to do instead.
  element.firstElementChild?.removeAttribute('hidden');
} else {
  const root = createRoot(element);
  // The first render waits for the first state (a few ms): the window then paints its list at once,
  // instead of a "Loading…" screen that React builds, paints and tears down a moment later. A slow
  // answer still gets that screen after FIRST_STATE_WAIT_MS.
  const first = api.getState();
  let mounted = false;
  const mount = (initialState: AppState | null): void => {
    if (mounted) return;
    mounted = true;
    const app = <App api={api} initialState={initialState} />;
    // StrictMode only checks in development; the production build leaves it (and its bytes) out.
    root.render(import.meta.env.DEV ? <StrictMode>{app}</StrictMode> : app);
  };
  // Without a first state (failed or slow), the window mounts without one: it asks again, and says why it cannot read it.
  window.setTimeout(() => mount(null), FIRST_STATE_WAIT_MS);
  first.then(mount, () => mount(null));
}
