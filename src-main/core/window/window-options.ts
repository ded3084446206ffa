/** What {@link windowOptions} needs from the shell. */
export interface WindowOptionsInput {
  /** Absolute path of the bundled preload (`dist/main/preload.cjs`). */
  readonly preloadPath: string;
  /** The system uses a dark theme (`nativeTheme.shouldUseDarkColors`): paint the dark background. */
  readonly dark: boolean;
  /** Window icon (Linux and Windows title bars, task switchers); omitted when unknown. */
  readonly iconPath?: string;
}

/** The renderer's hardened web preferences (structurally Electron's `WebPreferences`). */
export interface SecureWebPreferences {
  readonly preload: string;
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly webSecurity: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webviewTag: false;
  readonly spellcheck: false;
  readonly navigateOnDragDrop: false;
  readonly safeDialogs: true;
}

/** BrowserWindow options as a plain object (structurally Electron's `BrowserWindowConstructorOptions`). */
export interface SecureWindowOptions {
  readonly show: false;
  readonly width: number;
  readonly height: number;
  readonly minWidth: number;
  readonly minHeight: number;
  readonly title: string;
  readonly backgroundColor: string;
  readonly autoHideMenuBar: true;
  readonly fullscreenable: false;
  readonly icon?: string;
  readonly webPreferences: SecureWebPreferences;
}

/** The window's title (the page's own `<title>` says the same). */
export const WINDOW_TITLE = 'AIRisk Token Tray';

/** The page background before the renderer paints, matching `--bg` in src-renderer/styles/base.css. */
export const WINDOW_BACKGROUND = { light: '#f6f7f9', dark: '#0d1117' } as const;

/**
 * The token window's options: created hidden (`show: false`, shown on `ready-to-show` so it never
 * flashes white), small like a tray popover, and locked down — context isolation, the Chromium
 * sandbox, web security on, no Node anywhere in the page, no `<webview>`, no spellchecker (it would
 * send typed text, such as a client secret, to a dictionary service on some platforms).
 */
export function windowOptions(input: WindowOptionsInput): SecureWindowOptions {
  return {
    show: false,
    width: 440,
    height: 640,
    minWidth: 360,
    minHeight: 420,
    title: WINDOW_TITLE,
    backgroundColor: input.dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    autoHideMenuBar: true,
    fullscreenable: false,
    ...(input.iconPath === undefined ? {} : { icon: input.iconPath }),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  };
}
