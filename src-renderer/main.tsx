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
createRoot(root).render(<StrictMode>{api === undefined ? <MissingBridge /> : <App api={api} firstState={askEarly(api)} />}</StrictMode>);

/**
 * Asks for the state before React renders anything, so the answer travels while the window's shell
 * renders instead of after. The empty catch marks a failure as handled until the App reads it.
 */
function askEarly(airisk: AiriskApi): Promise<AppState> {
  const answer = airisk.getState();
  answer.catch(() => undefined);
  return answer;
}
