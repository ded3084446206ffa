import { powerMonitor } from 'electron';

/**
 * Re-judges every token after sleep: `resume` and `unlock-screen` call `resumed()` (timers do not
 * run while the machine sleeps, so an expiry may have passed unnoticed). Returns the unsubscribe.
 */
export function watchPower(service: { resumed(): void }): () => void {
  const onWake = (): void => service.resumed();
  powerMonitor.on('resume', onWake);
  powerMonitor.on('unlock-screen', onWake);
  return () => {
    powerMonitor.off('resume', onWake);
    powerMonitor.off('unlock-screen', onWake);
  };
}
