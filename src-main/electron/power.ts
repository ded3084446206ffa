import { powerMonitor } from 'electron';

/**
 * Re-judges every token after sleep: `resume` and `unlock-screen` call `resumed()` (timers do not
 * run while the machine sleeps, so an expiry may have passed unnoticed). `lock-screen` (macOS,
 * Windows) ends every terminal session. Returns the unsubscribe.
 */
export function watchPower(service: { resumed(): void; screenLocked(): void }): () => void {
  const onWake = (): void => service.resumed();
  const onLock = (): void => service.screenLocked();
  powerMonitor.on('resume', onWake);
  powerMonitor.on('unlock-screen', onWake);
  powerMonitor.on('lock-screen', onLock);
  return () => {
    powerMonitor.off('resume', onWake);
    powerMonitor.off('unlock-screen', onWake);
    powerMonitor.off('lock-screen', onLock);
  };
}
