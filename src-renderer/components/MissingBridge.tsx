import type { ReactElement } from 'react';

/** Shown when the page is opened without `window.airisk` (outside the app): says what to do instead. */
export function MissingBridge(): ReactElement {
  return (
    <main className="main">
      <h1 className="app-title">AIRisk Token Tray</h1>
      <p className="inline-error">This window works only inside AIRisk Token Tray. Open it from the tray icon.</p>
    </main>
  );
}
