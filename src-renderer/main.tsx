import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { AiriskApi, AppState } from '../src-main/contract.ts';
import { App } from './app.tsx';
import { MissingBridge } from './components/MissingBridge.tsx';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';

/** Entry point: mounts the window on #root, talking to `window.airisk` (the preload or the test bridge). */
const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
const api = typeof window.airisk === 'object' && window.airisk !== null ? window.airisk : undefined;
createRoot(root).render(<StrictMode>{api === undefined ? <MissingBridge /> : <App api={api} readState={askEarly(api)} />}</StrictMode>);

/**
 * Sends `getState()` now, before React renders anything, so the answer travels while the window's
 * shell renders. The returned function hands that answer to its first caller and forgets it (the
 * first state is not kept alive by the App's props); later calls ask again. The empty catch marks a
 * failure as handled until the first caller takes it.
 */
function askEarly(airisk: AiriskApi): () => Promise<AppState> {
  let early: Promise<AppState> | undefined = airisk.getState();
  early.catch(() => undefined);
  return () => {
    const answer = early ?? airisk.getState();
    early = undefined;
    return answer;
  };
}
