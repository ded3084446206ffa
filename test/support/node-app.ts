/**
 * The app service composed for plain Node: real conf store in a folder, the AES-256-GCM cipher with
 * a key file, the in-memory clipboard, and a person-in-the-browser that approves or denies. Used by
 * integration tests and (later) the browser host.
 */
import { join } from 'node:path';
import type { ExpiryNotice } from '../../src-main/core/app/app-ports.ts';
import { AppService, type UpdateFace } from '../../src-main/core/app/app-service.ts';
import type { TerminalFace } from '../../src-main/core/app/terminal-desk.ts';
import { MemoryClipboard } from '../../src-main/core/clipboard/memory-clipboard.ts';
import type { TimerPort } from '../../src-main/core/ports/timer-port.ts';
import type { ShortcutPort } from '../../src-main/core/settings/global-shortcut.ts';
import { systemTimers } from '../../src-main/core/ports/timer-port.ts';
import { createAesGcmCipher, loadOrCreateKeyFile } from '../../src-main/core/vault/aes-gcm-cipher.ts';
import type { CipherPort } from '../../src-main/core/vault/cipher-port.ts';
import { openConfDocumentStore } from '../../src-main/core/vault/conf-document-store.ts';

export interface NodeAppOptions {
  readonly directory: string;
  readonly openUrl: (url: string) => Promise<void>;
  readonly timers?: TimerPort;
  readonly cipher?: CipherPort;
  readonly callbackTimeoutMs?: number;
  /** Terminal access (off until the setting turns it on); its socket lives under `directory`. */
  readonly terminal?: Omit<TerminalFace, 'dataDir'>;
  /** Auto-update with a stand-in updater (off without it). */
  readonly updates?: UpdateFace;
  /** The desktop's global shortcuts (a stand-in for Electron's `globalShortcut`). */
  readonly shortcuts?: ShortcutPort;
}

export interface NodeApp {
  readonly service: AppService;
  readonly clipboard: MemoryClipboard;
  readonly notices: ExpiryNotice[];
  /** One-off messages (`NotifierPort.message`), as "title: body". */
  readonly messages: string[];
  readonly loginItemCalls: { enabled: boolean; hidden: boolean }[];
  readonly storePath: string;
}

/** The key file in the data dir that encrypts the tokens (store fixtures write with it too). */
export const NODE_APP_KEY_FILE = 'test-cipher.key';

export async function createNodeApp(options: NodeAppOptions): Promise<NodeApp> {
  const { store, recovered } = openConfDocumentStore({ directory: options.directory });
  const cipher = options.cipher ?? createAesGcmCipher(await loadOrCreateKeyFile(join(options.directory, NODE_APP_KEY_FILE)));
  const clipboard = new MemoryClipboard();
  const notices: ExpiryNotice[] = [];
  const messages: string[] = [];
  const loginItemCalls: { enabled: boolean; hidden: boolean }[] = [];
  const service = await AppService.create(
    {
      store,
      recovered,
      cipher,
      clipboard,
      timers: options.timers ?? systemTimers,
      openUrl: options.openUrl,
      notifier: { notify: (notice) => notices.push(notice), message: (title, body) => messages.push(`${title}: ${body}`) },
      ...(options.shortcuts === undefined ? {} : { shortcuts: options.shortcuts }),
      loginItem: {
        set: async (enabled, { hidden }) => {
          loginItemCalls.push({ enabled, hidden });
        },
      },
      // Loaded only for an https redirect URI, as in main.ts.
      localhostCertificate: async () => (await import('../../src-main/core/oauth/localhost-certificate.ts')).loadOrCreateLocalhostCertificate(join(options.directory, 'localhost-tls')),
    },
    {
      ...(options.callbackTimeoutMs === undefined ? {} : { callbackTimeoutMs: options.callbackTimeoutMs }),
      ...(options.terminal === undefined ? {} : { terminal: { ...options.terminal, dataDir: options.directory } }),
      ...(options.updates === undefined ? {} : { updates: options.updates }),
    },
  );
  return { service, clipboard, notices, messages, loginItemCalls, storePath: store.path };
}
