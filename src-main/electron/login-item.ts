import { app } from 'electron';
import type { LoginItemPort } from '../core/app/app-ports.ts';
import { loginItemPlan } from '../core/autostart/login-item-plan.ts';
import type { XdgAutostart } from '../core/autostart/xdg-autostart.ts';

/**
 * LoginItemPort: macOS and Windows through `app.setLoginItemSettings` (the plan says with what),
 * Linux through our XDG autostart entry (`setLoginItemSettings` does nothing there).
 */
export function createLoginItem(options: { readonly platform: NodeJS.Platform; readonly xdg: XdgAutostart; readonly leadingArguments: readonly string[] }): LoginItemPort {
  return {
    async set(enabled, { hidden }) {
      const plan = loginItemPlan(options.platform, { enabled, hidden, leadingArguments: options.leadingArguments });
      switch (plan.kind) {
        case 'login-item': {
          const { openAtLogin, args } = plan.settings;
          app.setLoginItemSettings(args === undefined ? { openAtLogin } : { openAtLogin, args: [...args] });
          return;
        }
        case 'xdg':
          if (plan.enabled) await options.xdg.enable({ hidden: plan.hidden });
          else await options.xdg.disable();
          return;
        case 'unsupported':
          throw new Error(plan.reason);
      }
    },
  };
}
