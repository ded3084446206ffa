import type { AiriskApi, AppState, RenewAllOutcome, SignInOutcome } from '../../contract.ts';
import { messageOf } from '../../shared/message-of.ts';
import type { TrayAction } from './tray-menu-model.ts';

/** What a tray action reaches besides the service. */
export interface TrayActionPorts {
  readonly service: Pick<AiriskApi, 'copy' | 'setActive' | 'renew' | 'renewAll' | 'cancelRenewAll' | 'signIn' | 'cancelSignIn' | 'updateSettings'> & {
    /** Quits and installs the downloaded update; rejects with why not (a sign-in pending). */
    restartToUpdate(): Promise<void>;
    /** Opens the release page of the newer version this copy cannot install itself. */
    openReleasePage(): Promise<void>;
  };
  /** Shows (or creates) the window. */
  readonly openWindow: () => void;
  /** Asks the app to quit (the quit coordinator holds it until the store is written). */
  readonly quit: () => void;
  /**
   * Told when an action failed: a sign-in started from the tray may have no window to show its
   * failure in, so the shell logs it and shows a notification. A cancelled sign-in is no failure.
   */
  readonly onFailure: (action: TrayAction, message: string) => void;
}

/** Throws the outcome's message unless it signed in or was cancelled. */
function signInEnded(outcome: SignInOutcome): void {
  if (!outcome.ok && outcome.error.code !== 'cancelled') throw new Error(outcome.error.message);
}

/** Throws when Renew all stopped at a failure or skipped a refused user: the tray has no window to say so. */
function renewAllEnded(outcome: RenewAllOutcome, state: AppState): void {
  const label = (id: string): string => state.accounts.find((account) => account.id === id)?.label ?? 'an account';
  const refused = outcome.denied.length === 0 ? '' : ` The sign-in was refused for ${outcome.denied.map(label).join(', ')}.`;
  if (outcome.stopped === 'failed') throw new Error(`Renew all stopped after ${outcome.renewed.length} of ${outcome.renewed.length + outcome.denied.length + outcome.remaining.length}: ${outcome.error?.message ?? 'a sign-in failed.'}${refused}`);
  if (refused !== '') throw new Error(`Renewed ${outcome.renewed.length}.${refused}`);
}

/** Runs one tray action against the state its menu was built from; rejects with what went wrong. */
export async function runTrayAction(action: TrayAction, state: AppState, ports: Omit<TrayActionPorts, 'onFailure'>): Promise<void> {
  const { service } = ports;
  switch (action.type) {
    case 'copy':
      await service.copy(action.accountId, 'header');
      return;
    case 'set-active':
      await service.setActive(action.accountId);
      return;
    case 'renew':
      signInEnded(await service.renew(action.accountId));
      return;
    case 'renew-all':
      renewAllEnded(await service.renewAll(action.connectionId), state);
      return;
    case 'cancel-renew-all':
      await service.cancelRenewAll();
      return;
    case 'sign-in-generic':
      signInEnded(await service.signIn(action.connectionId === undefined ? {} : { connectionId: action.connectionId }));
      return;
    case 'cancel-sign-in':
      await service.cancelSignIn();
      return;
    case 'open-window':
      ports.openWindow();
      return;
    case 'toggle-start-at-login': {
      const result = await service.updateSettings({ startAtLogin: !state.startAtLogin });
      if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join(' '));
      return;
    }
    case 'restart-to-update':
      await service.restartToUpdate();
      return;
    case 'open-release-page':
      await service.openReleasePage();
      return;
    case 'quit':
      ports.quit();
      return;
  }
}

/** The tray menu's dispatch: runs the action, and hands any failure to `onFailure` (never rejects). */
export function trayActionDispatcher(ports: TrayActionPorts): (action: TrayAction, state: AppState) => void {
  return (action, state) => {
    runTrayAction(action, state, ports).catch((error: unknown) => ports.onFailure(action, messageOf(error)));
  };
}
