import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactElement } from 'react';
import type { AccountView, AiriskApi, AppState } from '../src-main/contract.ts';
import { AccountList } from './components/AccountList.tsx';
import type { RowActions } from './components/AccountRow.tsx';
import { ActiveSummary } from './components/ActiveSummary.tsx';
import { AppHeader, type Screen } from './components/AppHeader.tsx';
import { SettingsPanel } from './components/SettingsPanel.tsx';
import { SetupForm } from './components/SetupForm.tsx';
import { SignInPanel } from './components/SignInPanel.tsx';
import { StatusLine } from './components/StatusLine.tsx';
import { TerminalConsent } from './components/TerminalConsent.tsx';
import { WarningBanner } from './components/WarningBanner.tsx';
import { ApiContext } from './hooks/use-api.ts';
import { useAppState } from './hooks/use-app-state.ts';
import { useCopyActions } from './hooks/use-copy-actions.ts';
import { useSignIn } from './hooks/use-sign-in.ts';
import { useStageAnnouncements } from './hooks/use-stage-announcements.ts';

/** Props of {@link App}. */
export interface AppProps {
  /** `window.airisk`: the only way to the rest of the app. */
  readonly api: AiriskApi;
  /** The state the entry point read before the first render, or null when that read failed. */
  readonly initialState: AppState | null;
}

/**
 * The token window: first-run setup until the client is configured, then the accounts screen
 * (the active account's summary with its Copy — the first control after the header —, warnings,
 * a one-line sign-in slot, the list, the status line) and the settings screen.
 */
export function App({ api, initialState }: AppProps): ReactElement {
  const { state, loadError, refresh } = useAppState(api, initialState);
  const [screen, setScreen] = useState<Screen>('accounts');
  const navigated = useRef(false);
  const signIn = useSignIn(api);
  const headingId = useId();
  useStageAnnouncements(state?.signIn ?? null);
  // Plain functions: nothing they go to is memoized.
  const navigate = (next: Screen): void => {
    navigated.current = true;
    setScreen(next);
  };

  // After moving between screens, put focus on the new screen's heading (not on first load).
  useEffect(() => {
    if (!navigated.current) return;
    navigated.current = false;
    if (document.getElementById(headingId) !== document.activeElement) document.getElementById(headingId)?.focus({ preventScroll: true });
  }, [screen, headingId]);

  const { renew: renewId } = signIn;
  const renew = useCallback((account: AccountView) => renewId(account.id), [renewId]);
  const copying = useCopyActions(api, state?.accounts);
  const { copy, renewAndCopy, setActive, attempt } = copying;
  const rowActions = useMemo<Omit<RowActions, 'requestRemove' | 'requestRename'>>(() => ({ copy, renewAndCopy, setActive, attempt, renew }), [copy, renewAndCopy, setActive, attempt, renew]);
  const [settingsFocus, setSettingsFocus] = useState<string | null>(null);
  const openSettings = (): void => navigate('settings');
  const reviewStorage = (): void => {
    setSettingsFocus('allowWeakEncryption');
    navigate('settings');
  };

  // Above whichever screen is shown (a modal dialog in the top layer).
  const terminal = state?.terminal;
  let content: ReactElement;
  if (state === null) {
    content = loadError === null ? <p className="lead">Loading…</p> : <p className="inline-error">AIRisk Token Tray could not read its state: {loadError}</p>;
  } else if (!state.configured) {
    content = (
      <SetupForm
        headingId={headingId}
        onDone={() => {
          void refresh();
          navigate('accounts');
        }}
      />
    );
  } else if (screen === 'settings') {
    content = <SettingsPanel state={state} headingId={headingId} focusField={settingsFocus} onFocused={() => setSettingsFocus(null)} />;
  } else {
    content = (
      <>
        <ActiveSummary
          state={state}
          copiedId={copying.copiedId}
          onCopy={(account, spoken) => copy(account, null, spoken)}
          onRenewAndCopy={renewAndCopy}
        />
        <WarningBanner warnings={state.warnings} onOpenSettings={reviewStorage} />
        <div className="sign-in-slot">
          <SignInPanel state={state} control={signIn} onOpenSettings={openSettings} />
        </div>
        <AccountList
          state={state}
          actions={rowActions}
          copiedId={copying.copiedId}
          errors={copying.errors}
          headingId={headingId}
        />
        <StatusLine note={copying.note} />
      </>
    );
  }

  return (
    <ApiContext value={api}>
      <AppHeader screen={state === null || !state.configured ? null : screen} onNavigate={navigate} />
      <main className={screen === 'accounts' && state?.configured === true ? 'main main-accounts' : 'main'}>{content}</main>
      {terminal?.consent ? <TerminalConsent key={terminal.consent.id} request={terminal.consent} minutes={terminal.sessionMinutes} /> : null}
    </ApiContext>
  );
}
