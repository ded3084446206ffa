import { useEffect, useState } from 'react';
import type { AiriskApi, ConnectionCheckView, ConnectionFormWords, ConnectionView } from '../../src-main/contract.ts';
import { connectionUpdateFromForm, localConnectionProblems, type ConnectionFormValues } from '../lib/connection-form.ts';
import { errorText } from '../lib/error-text.ts';
import { focusFirstInvalid, problemsByField } from '../lib/form-problems.ts';

/** A connection form's state and its two calls, Save and Check connection. */
export interface ConnectionEditor {
  readonly form: ConnectionFormValues;
  readonly set: <K extends keyof ConnectionFormValues>(field: K) => (value: ConnectionFormValues[K]) => void;
  /** Main's (or the window's own) problems by field. */
  readonly problems: ReadonlyMap<string, string>;
  /** A failed call (not a field's problem). */
  readonly callError: string | null;
  readonly saving: boolean;
  /** Saves (adds when the connection is null); the saved connection, or null when there are problems (the first field is focused). */
  readonly save: () => Promise<ConnectionView | null>;
  /** Checks the form's values laid over the saved connection. */
  readonly check: () => Promise<ConnectionCheckView>;
}

/**
 * The logic shared by the first-run setup and the connection form in Settings: the values typed,
 * `saveConnection` with only what changed (the secret only when typed), `checkConnection` with
 * the unsaved values, and the problems shown at their fields (`nameFieldId`: the name's id, to
 * find the form; `fields`, main's, say which may not stay empty).
 */
export function useConnectionEditor(api: AiriskApi, connection: ConnectionView | null, initial: ConnectionFormValues, nameFieldId: string, fields: ConnectionFormWords['fields']): ConnectionEditor {
  const [form, setForm] = useState(initial);
  const [problems, setProblems] = useState<ReadonlyMap<string, string>>(new Map());
  const [callError, setCallError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const set = <K extends keyof ConnectionFormValues>(field: K) => (value: ConnectionFormValues[K]): void => {
    setForm((current) => ({ ...current, [field]: value }));
    setCallError(null);
  };

  const showProblems = setProblems;
  // Once drawn: the first field with a problem, in the form's order (opening the Advanced fold around it).
  useEffect(() => focusFirstInvalid(document.getElementById(nameFieldId)?.closest('form') ?? null), [problems, nameFieldId]);

  const save = async (): Promise<ConnectionView | null> => {
    setCallError(null);
    const local = localConnectionProblems(form, connection, fields);
    if (local.length > 0) {
      showProblems(problemsByField(local));
      return null;
    }
    setSaving(true);
    try {
      const result = await api.saveConnection(connection?.id ?? null, connectionUpdateFromForm(form));
      if (!result.ok) {
        showProblems(problemsByField(result.problems));
        return null;
      }
      setProblems(new Map());
      setForm((current) => ({ ...current, clientSecret: '' }));
      return result.connection;
    } catch (error) {
      setCallError(errorText(error));
      return null;
    } finally {
      setSaving(false);
    }
  };

  const check = (): Promise<ConnectionCheckView> => api.checkConnection(connection?.id ?? null, connectionUpdateFromForm(form));

  return { form, set, problems, callError, saving, save, check };
}
