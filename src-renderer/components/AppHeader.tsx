import type { ReactElement } from 'react';

/** The window's screens. */
export type Screen = 'accounts' | 'settings';

/** Props of {@link AppHeader}. */
export interface AppHeaderProps {
  /** The current screen, or null on first-run setup (no navigation then). */
  readonly screen: Screen | null;
  readonly onNavigate: (screen: Screen) => void;
}

/** The product name and the two screens, Accounts and Settings. */
export function AppHeader({ screen, onNavigate }: AppHeaderProps): ReactElement {
  return (
    <header className="app-header">
      <h1 className="app-title">AIRisk Token Tray</h1>
      {screen === null ? null : (
        <nav className="tabs" aria-label="Screens">
          {(
            [
              ['accounts', 'Accounts'],
              ['settings', 'Settings'],
            ] as const
          ).map(([key, text]) => (
            <button key={key} type="button" className="tab" aria-current={screen === key ? 'page' : undefined} onClick={() => onNavigate(key)}>
              {text}
            </button>
          ))}
        </nav>
      )}
    </header>
  );
}
