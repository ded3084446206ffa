import type { AccountStatus } from '../../src-main/contract.ts';

/** The word for each status, shown next to its icon (never colour alone). */
export const STATUS_TEXT: Readonly<Record<AccountStatus, string>> = {
  valid: 'Valid',
  expiring: 'Expiring',
  expired: 'Expired',
  sign_in_again: 'Sign in again',
};
