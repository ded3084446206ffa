/**
 * Whether this copy of the app can update itself, decided from how it was installed. electron-updater
 * replaces an NSIS install, an AppImage and a signed macOS app; it must not replace a deb that apt
 * owns, Squirrel.Mac refuses an unsigned app, and a development run has no release feed.
 */

/** How this copy was installed, as the Electron shell reads it (src-main/core/update/install-facts.ts). */
export interface InstallFacts {
  readonly packaged: boolean;
  readonly platform: NodeJS.Platform;
  /** `$APPIMAGE`, only when this process runs from inside that AppImage (install-facts.ts `runningAppImage`). */
  readonly appImage: string | undefined;
  /** `resources/package-type`, which electron-builder writes into deb, rpm and pacman packages; null when absent. */
  readonly packageType: string | null;
  /** macOS: signed with a Developer ID certificate (ad-hoc does not count); null where not asked. */
  readonly macDeveloperIdSigned: boolean | null;
}

/**
 * `self-update`: download, then offer "Restart to update". `notify-only`: check, and only tell the
 * person a newer version exists, with `reason`. `off`: no feed to check (`reason` says why).
 */
export type UpdateMode = { readonly kind: 'self-update' } | { readonly kind: 'notify-only' | 'off'; readonly reason: string };

/** The update mode for an installation. */
export function updateMode(facts: InstallFacts): UpdateMode {
  if (!facts.packaged) return { kind: 'off', reason: 'This is a development run, not an installed copy: it does not check for updates.' };
  switch (facts.platform) {
    case 'win32':
      return { kind: 'self-update' };
    case 'darwin':
      return facts.macDeveloperIdSigned === true
        ? { kind: 'self-update' }
        : { kind: 'notify-only', reason: 'This copy is not signed, and macOS installs updates only for signed apps: download the new version from the releases page.' };
    case 'linux':
      // A package first: its `package-type` file is inside the install, an inherited $APPIMAGE is not.
      if (facts.packageType === 'deb') return { kind: 'notify-only', reason: 'This copy was installed as a .deb package: update it with your package manager (apt), or install the new .deb.' };
      if (facts.packageType !== null) return { kind: 'notify-only', reason: `This copy was installed as a ${facts.packageType} package: update it with your package manager.` };
      if (facts.appImage !== undefined && facts.appImage !== '') return { kind: 'self-update' };
      return { kind: 'notify-only', reason: 'This copy was installed from a package: update it with your package manager.' };
    default:
      return { kind: 'off', reason: `There are no release builds for ${facts.platform}.` };
  }
}
