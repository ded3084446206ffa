import type { AccountStatus, AccountView, AppState, AppWarning, ErrorView, SignInView } from '../../contract.ts';
import { msLeft, tokenStatus, type ExpiryFacts } from '../expiry/token-status.ts';
import type { CipherDescription } from '../vault/cipher-port.ts';
import type { AccountRecord } from '../vault/vault.ts';

/** The two numbers from an account record that decide its status. */
export function expiryFacts(account: AccountRecord): ExpiryFacts {
  return { expirationMs: Date.parse(account.expiration), clockSkewMs: account.clockSkewMs };
}

/** One account as the window and tray see it, at `nowMs` on the local clock. */
export function accountView(account: AccountRecord, activeId: string | null, nowMs: number, leadMs: number): AccountView {
  const facts = expiryFacts(account);
  const status: AccountStatus = account.needsSignIn ? 'sign_in_again' : tokenStatus(facts, nowMs, leadMs);
  return {
    id: account.id,
    label: account.label,
    userid: account.userid,
    status,
    expiration: account.expiration,
    secondsLeft: Math.floor(msLeft(facts, nowMs) / 1000),
    active: account.id === activeId,
    stored: account.tokenStored,
    obtainedAt: account.obtainedAt,
    lastUsedAt: account.lastUsedAt,
  };
}

/** Inputs of {@link buildAppState}; all plain data. */
export interface AppStateInputs {
  readonly accounts: readonly AccountRecord[];
  readonly activeAccountId: string | null;
  readonly protection: CipherDescription;
  readonly warnings: readonly AppWarning[];
  readonly signIn: SignInView | null;
  readonly lastError: ErrorView | null;
  readonly configured: boolean;
  readonly startAtLogin: boolean;
  readonly nowMs: number;
  readonly leadMs: number;
}

/** The whole state the faces draw. Contains no token and no secret by construction. */
export function buildAppState(inputs: AppStateInputs): AppState {
  return {
    accounts: inputs.accounts.map((account) => accountView(account, inputs.activeAccountId, inputs.nowMs, inputs.leadMs)),
    activeAccountId: inputs.activeAccountId,
    storage: { backend: inputs.protection.backend, strength: inputs.protection.strength, detail: inputs.protection.detail },
    warnings: inputs.configured
      ? inputs.warnings
      : [...inputs.warnings, { kind: 'not-configured', message: 'Enter the client id and client secret AIRisk gave you, in Settings, to sign in.' }],
    signIn: inputs.signIn,
    lastError: inputs.lastError,
    configured: inputs.configured,
    startAtLogin: inputs.startAtLogin,
    generatedAt: new Date(inputs.nowMs).toISOString(),
  };
}
