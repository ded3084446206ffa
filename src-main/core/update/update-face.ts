/**
 * Assembles what the app service's update policy needs from the Electron shell: the version, the
 * update mode read from this installation, and an updater that loads electron-updater only on its
 * first use (a development run, whose mode is `off`, never loads it).
 */
import { dirname } from 'node:path';
import type { UpdateFace } from '../app/app-service.ts';
import type { InstanceLock, UpdaterPort } from './update-desk.ts';
import { macDeveloperIdSigned, readInstallFacts } from './install-facts.ts';
import { updateMode } from './update-mode.ts';

/** An UpdaterPort that calls `load` once, on the first check, and then delegates. */
export function lazyUpdater(load: () => Promise<UpdaterPort>): UpdaterPort {
  let loaded: Promise<UpdaterPort> | undefined;
  let ready: UpdaterPort | undefined;
  const get = (): Promise<UpdaterPort> => {
    loaded ??= load().then((updater) => (ready = updater));
    return loaded;
  };
  return {
    check: async () => (await get()).check(),
    download: async () => (await get()).download(),
    quitAndInstall: () => (ready === undefined ? new Error('The updater has not checked yet, so there is nothing to install.') : ready.quitAndInstall()),
  };
}

/** The shell's facts about this run, and how to load and notify. */
export interface UpdateFaceInputs {
  readonly version: string;
  readonly packaged: boolean;
  readonly platform: NodeJS.Platform;
  readonly env: NodeJS.ProcessEnv;
  /** `process.resourcesPath` (where electron-builder writes `package-type`). */
  readonly resourcesDir: string;
  /** `process.execPath`: on macOS `<App>.app/Contents/MacOS/<exe>`, whose bundle codesign checks. */
  readonly execPath: string;
  readonly load: () => Promise<UpdaterPort>;
  readonly instanceLock: InstanceLock;
  readonly notify: (title: string, body: string) => void;
}

/** The update face for {@link AppService.create}'s options. */
export async function createUpdateFace(inputs: UpdateFaceInputs): Promise<UpdateFace> {
  const appBundle = dirname(dirname(dirname(inputs.execPath)));
  const facts = await readInstallFacts({ packaged: inputs.packaged, platform: inputs.platform, env: inputs.env, resourcesDir: inputs.resourcesDir, execPath: inputs.execPath });
  const common = { version: inputs.version, updater: lazyUpdater(inputs.load), instanceLock: inputs.instanceLock, notify: inputs.notify };
  if (!(facts.packaged && facts.platform === 'darwin')) return { ...common, mode: updateMode(facts) };
  // A packaged macOS app: codesign runs before the first check (a minute after start), not at start-up.
  // Until then it counts as self-updating, which only decides that checks are scheduled.
  return { ...common, mode: { kind: 'self-update' }, modeAtFirstCheck: async () => updateMode({ ...facts, macDeveloperIdSigned: await macDeveloperIdSigned(appBundle) }) };
}
