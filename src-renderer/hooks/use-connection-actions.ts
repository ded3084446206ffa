import { useEffect, useRef, useState } from 'react';
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
  readonly duplicate: (summary: ConnectionSummary) => Promise<void>;
  readonly exportOne: (summary: ConnectionSummary) => Promise<void>;
  readonly importFile: (file: File) => Promise<void>;
  /** True when removed. */
  readonly remove: (summary: ConnectionSummary) => Promise<boolean>;
  /** After a save: say so and read the connections again. */
  readonly saved: (connection: ConnectionView) => Promise<void>;
}

/** Files larger than this are not even read (an exported connection is well under 16 KiB). */
const IMPORT_READ_LIMIT_BYTES = 1024 * 1024;

/**
 * Duplicate, Export, Import and Remove for Settings' connections, each saying how it went (on
 * screen and to screen readers). A new connection (a duplicate or an import) is handed to `open`
 * with the note asking for its secret. The views are read again whenever main's summaries change.
 */
export function useConnectionActions(api: AiriskApi, summaries: readonly ConnectionSummary[], initial: readonly ConnectionView[], open: (id: string, note: string) => void): ConnectionActions {
  const [views, setViews] = useState(initial);
  const [message, setMessage] = useState<ConnectionsMessage | null>(null);

  const reload = async (): Promise<void> => setViews((await api.getSettings()).connections);

  // Main's state changed the connections (the tray, a sign-in, a removal): read the views again.
  const summaryKey = summaries.map((summary) => `${summary.id}:${summary.configured}:${summary.accountCount}`).join('|');
  const firstKey = useRef(summaryKey);
  useEffect(() => {
    if (summaryKey === firstKey.current) return;
    firstKey.current = summaryKey;
    api.getSettings().then(
      (loaded) => setViews(loaded.connections),
      () => undefined,
    );
  }, [api, summaryKey]);

  const say = (kind: ConnectionsMessage['kind'], lines: readonly string[]): void => {
    setMessage({ kind, lines });
    announce(lines.join(' '));
  };
  const fail = (prefix: string, error: unknown): void => say('error', [`${prefix}: ${errorText(error)}`]);

  /** After a duplicate or import: list the new one and open it so the person enters the secret. */
  const openNew = async (result: ConnectionResult, refused: string): Promise<void> => {
    if (!result.ok) {
      say('error', [refused, ...result.problems.map((problem) => problem.message)]);
      return;
    }
    const { id, name } = result.connection;
    // Main's note names where the secret will go (a look-alike name can hide another AIRisk).
    const note = result.note ?? '';
    await reload().catch(() => undefined);
    open(id, note);
    announce(`Added ${name}. ${note}`);
  };

  const duplicate = async (summary: ConnectionSummary): Promise<void> => {
    setMessage(null);
    try {
      await openNew(await api.duplicateConnection(summary.id), `${summary.name} could not be duplicated.`);
    } catch (error) {
      fail(`${summary.name} could not be duplicated`, error);
    }
  };

  const exportOne = async (summary: ConnectionSummary): Promise<void> => {
    setMessage(null);
    try {
      const fileName = views.find((view) => view.id === summary.id)?.exportFileName ?? 'connection.airisk-connection.json';
      downloadText(fileName, await api.exportConnection(summary.id));
      say('done', [`Exported ${summary.name} as ${fileName}, without its client secret.`]);
    } catch (error) {
      fail(`${summary.name} could not be exported`, error);
    }
  };

  const importFile = async (file: File): Promise<void> => {
    setMessage(null);
    const refused = `${file.name} was not imported; nothing changed.`;
    // Not main's rule (main refuses anything over 16 KiB, and every malformed file): only a guard
    // against reading a huge file chosen by mistake and sending it across the bridge.
    if (file.size > IMPORT_READ_LIMIT_BYTES) {
      say('error', [refused, 'It is far too large to be a connection file; choose the .airisk-connection.json file you were given.']);
      return;
    }
    try {
      await openNew(await api.importConnection(await file.text()), refused);
    } catch (error) {
      fail(`${file.name} was not imported`, error);
    }
  };

  const remove = async (summary: ConnectionSummary): Promise<boolean> => {
    setMessage(null);
    try {
      await api.removeConnection(summary.id);
    } catch (error) {
      fail(`${summary.name} was not removed`, error);
      return false;
    }
    // Main's state push drops the removed connection from the summaries, which reads the views again.
    say('done', [`Removed ${summary.name}.`]);
    return true;
  };

  const saved = async (connection: ConnectionView): Promise<void> => {
    say('done', [`Saved ${connection.name}.`]);
    await reload().catch((error: unknown) => fail('The connections could not be read again', error));
  };

  return { views, message, setMessage, duplicate, exportOne, importFile, remove, saved };
}
