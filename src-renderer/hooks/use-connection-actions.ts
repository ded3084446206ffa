import { useEffect, useState } from 'react';
import type { AiriskApi, ConnectionResult, ConnectionSummary, ConnectionView } from '../../src-main/contract.ts';
import { announce } from '../lib/announcer.ts';
import { downloadText } from '../lib/download-text.ts';
import { errorText } from '../lib/error-text.ts';

/** A line or two under the connections list: how the last action went. */
export type ConnectionsMessage = { readonly kind: 'done' | 'error'; readonly lines: readonly string[] };

/** The connections as Settings edits them, and the actions on the list. */
export interface ConnectionActions {
  /** `SettingsView.connections`, read again after every change. */
  readonly views: readonly ConnectionView[];
  readonly message: ConnectionsMessage | null;
  readonly setMessage: (message: ConnectionsMessage | null) => void;
  readonly duplicate: (connection: ConnectionView) => Promise<boolean>;
  readonly exportOne: (connection: ConnectionView) => Promise<boolean>;
  readonly importFile: (file: File) => Promise<boolean>;
  /** True when removed. */
  readonly remove: (connection: ConnectionView) => Promise<boolean>;
  /** After a save: say so and read the connections again. */
  readonly saved: (connection: ConnectionView) => Promise<boolean>;
}

/** Files larger than this are not even read (an exported connection is well under 16 KiB). */
const IMPORT_READ_LIMIT_BYTES = 1024 * 1024;

/**
 * Duplicate, Export, Import and Remove for Settings' connections, each saying how it went (on
 * screen and to screen readers). A new connection (a duplicate or an import) is handed to `open`
 * with the note asking for its secret. The views are read again whenever main's summaries change.
 * `tooLarge`: main's sentence for a file far too large to read.
 */
export function useConnectionActions(api: AiriskApi, summaries: readonly ConnectionSummary[], initial: readonly ConnectionView[], tooLarge: string, open: (id: string, note: string) => void): ConnectionActions {
  const [views, setViews] = useState(initial);
  const [message, setMessage] = useState<ConnectionsMessage | null>(null);

  const reload = async (): Promise<void> => setViews((await api.getSettings()).connections);

  // Read when the list opens, and again whenever main's state changes the connections (the tray, a sign-in, a removal).
  const summaryKey = JSON.stringify(summaries);
  useEffect(() => {
    reload().catch(() => undefined);
    // `reload` reads only `api`.
  }, [api, summaryKey]);

  const say = (kind: ConnectionsMessage['kind'], lines: readonly string[]): void => {
    setMessage({ kind, lines });
    announce(lines.join(' '));
  };

  /** Every action on the list: the last message goes, the action says how it went, or `failed: why` when it throws. True when it did not throw. */
  const run = async (failed: string, action: () => Promise<unknown>): Promise<boolean> => {
    setMessage(null);
    try {
      await action();
      return true;
    } catch (error) {
      say('error', [`${failed}: ${errorText(error)}`]);
      return false;
    }
  };

  /** After a duplicate or import: list the new one and open it so the person enters the secret. */
  const openNew = async (refused: string, result: ConnectionResult): Promise<void> => {
    if (!result.ok) return say('error', [refused, ...result.problems.map((problem) => problem.message)]);
    const { id, name } = result.connection;
    // Main's note names where the secret will go (a look-alike name can hide another AIRisk).
    const note = result.note ?? '';
    await reload().catch(() => undefined);
    open(id, note);
    announce(`Added ${name}. ${note}`);
  };

  const duplicate = ({ id, name }: ConnectionView): Promise<boolean> => run(`${name} could not be duplicated`, async () => openNew(`${name} could not be duplicated.`, await api.duplicateConnection(id)));

  const exportOne = ({ id, name, exportFileName: fileName }: ConnectionView): Promise<boolean> =>
    run(`${name} could not be exported`, async () => {
      downloadText(fileName, await api.exportConnection(id));
      say('done', [`Exported ${name} as ${fileName}, without its client secret.`]);
    });

  const importFile = (file: File): Promise<boolean> => {
    const refused = `${file.name} was not imported; nothing changed.`;
    return run(`${file.name} was not imported`, async () =>
      // Not main's rule (main refuses anything over 16 KiB, and every malformed file): only a guard
      // against reading a huge file chosen by mistake and sending it across the bridge.
      file.size > IMPORT_READ_LIMIT_BYTES
        ? say('error', [refused, tooLarge])
        : openNew(refused, await api.importConnection(await file.text())),
    );
  };

  const remove = ({ id, name }: ConnectionView): Promise<boolean> =>
    run(`${name} was not removed`, async () => {
      await api.removeConnection(id);
      // Gone from the list at once; main's state push then reads the others again.
      setViews((current) => current.filter((view) => view.id !== id));
      say('done', [`Removed ${name}.`]);
    });

  const saved = (connection: ConnectionView): Promise<boolean> =>
    run('The connections could not be read again', async () => {
      say('done', [`Saved ${connection.name}.`]);
      await reload();
    });

  return { views, message, setMessage, duplicate, exportOne, importFile, remove, saved };
}
