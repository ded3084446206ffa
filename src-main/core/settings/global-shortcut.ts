/*
 * The global shortcut's life: when to register and unregister it with the desktop (Electron's
 * `globalShortcut`, behind a port), and the one sentence Settings shows when that fails. The
 * accelerator has passed acceleratorProblem (settings-validation.ts) before it gets here.
 */

/** The desktop's global shortcuts (Electron's `globalShortcut` fits as is). */
export interface ShortcutPort {
  /** False when the accelerator is taken (by another program, or the system). */
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

/** Registers at most one global shortcut and keeps what Settings should say about it. */
export interface ShortcutDesk {
  /** Makes `accelerator` ('' = none) the registered shortcut: unregisters the old one, registers the new one. */
  apply(accelerator: string): void;
  /** Why the shortcut set in Settings is not working, in one sentence, or null. */
  readonly problem: string | null;
  /** Unregisters (on quit). */
  stop(): void;
}

/**
 * A desk over `port` (undefined: this face has no global shortcuts, e.g. the browser host) that
 * calls `press` when the shortcut is pressed. Applying the accelerator already registered changes nothing.
 */
export function createShortcutDesk(port: ShortcutPort | undefined, press: () => void): ShortcutDesk {
  let registered = '';
  let wanted = '';
  let problem: string | null = null;
  const release = (): void => {
    if (registered !== '') port?.unregister(registered);
    registered = '';
  };
  return {
    apply(accelerator) {
      if (accelerator === wanted && (registered === accelerator || port === undefined || accelerator === '')) return;
      wanted = accelerator;
      release();
      problem = null;
      if (accelerator === '') return;
      if (port === undefined) {
        problem = 'Global shortcuts work only in the desktop app, not in this window.';
        return;
      }
      let taken: boolean;
      try {
        taken = !port.register(accelerator, press);
      } catch {
        taken = true;
      }
      if (taken) problem = `${accelerator} could not be registered: another program (or the system) already uses it; choose another shortcut.`;
      else registered = accelerator;
    },
    get problem() {
      return problem;
    },
    stop: release,
  };
}
