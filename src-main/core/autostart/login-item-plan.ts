import { HIDDEN_ARGUMENT } from './xdg-autostart.ts';

/** What the person asked for in Settings. */
export interface LoginItemRequest {
  readonly enabled: boolean;
  /** Start in the tray only, without opening the window. */
  readonly hidden: boolean;
  /**
   * Arguments the executable needs before ours on Windows (the app folder when running unpackaged
   * Electron; empty when packaged).
   */
  readonly leadingArguments?: readonly string[];
}

/**
 * Electron's `app.setLoginItemSettings` argument, as far as this app uses it (structurally
 * Electron's `Settings`). Electron 45 has no `openAsHidden` (macOS 13+ dropped it): on macOS the
 * app starts hidden at login by checking `getLoginItemSettings().wasOpenedAtLogin` instead.
 */
export interface LoginItemSettingsPlan {
  readonly openAtLogin: boolean;
  /** Windows only: the arguments of the Run entry (`--hidden` when starting hidden). */
  readonly args?: readonly string[];
}

/** Which mechanism starts the app at login on this platform, and with what. */
export type LoginItemPlan =
  | { readonly kind: 'login-item'; readonly settings: LoginItemSettingsPlan }
  | { readonly kind: 'xdg'; readonly enabled: boolean; readonly hidden: boolean }
  | { readonly kind: 'unsupported'; readonly reason: string };

/** Platforms that follow the freedesktop.org autostart specification. */
const XDG_PLATFORMS = new Set<NodeJS.Platform>(['linux', 'freebsd', 'openbsd', 'netbsd']);

/**
 * macOS → a login item (`openAtLogin`); Windows → a login item whose Run entry carries `--hidden`
 * when starting hidden; Linux and the BSDs → an XDG autostart entry (`setLoginItemSettings` does
 * nothing there); anything else → unsupported, with a reason to show.
 */
export function loginItemPlan(platform: NodeJS.Platform, request: LoginItemRequest): LoginItemPlan {
  if (platform === 'darwin') return { kind: 'login-item', settings: { openAtLogin: request.enabled } };
  if (platform === 'win32') {
    const args = [...(request.leadingArguments ?? []), ...(request.hidden ? [HIDDEN_ARGUMENT] : [])];
    return { kind: 'login-item', settings: { openAtLogin: request.enabled, args } };
  }
  if (XDG_PLATFORMS.has(platform)) return { kind: 'xdg', enabled: request.enabled, hidden: request.hidden };
  return { kind: 'unsupported', reason: `Starting at login is not supported on ${platform}.` };
}
