/** An application-menu entry (structurally Electron's `MenuItemConstructorOptions`). */
export interface ApplicationMenuItem {
  readonly label?: string;
  readonly type?: 'separator';
  readonly role?: 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll';
  readonly submenu?: ApplicationMenuItem[];
}

/**
 * The application menu: none on Windows and Linux (no menu bar on the small window). On macOS the
 * app shows no menu bar either (a menu-bar app, LSUIElement), but the keyboard shortcuts of text
 * fields — ⌘C, ⌘V (pasting a client secret), ⌘X, ⌘A, ⌘Z — only work through menu items with
 * those roles, so it gets an Edit menu that is never seen.
 */
export function applicationMenuTemplate(platform: NodeJS.Platform): ApplicationMenuItem[] | null {
  if (platform !== 'darwin') return null;
  return [
    {
      label: 'Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
  ];
}
