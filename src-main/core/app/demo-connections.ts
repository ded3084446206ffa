import type { AiriskApi, ConnectionUpdate } from '../../contract.ts';
import { connectionNameKey } from '../settings/connection-name.ts';

/**
 * Sets up the demo connections (launch-options.ts, `--data-dir` with the sandbox variables): each
 * one edits the connection of the same name — compared as every connection name is
 * (connectionNameKey: NFKC, case-insensitive) — or is added when there is none. Returns one sentence
 * per demo connection that was refused (the caller logs them); never throws for a refusal.
 */
export async function upsertDemoConnections(service: Pick<AiriskApi, 'getState' | 'saveConnection'>, demoConnections: readonly ConnectionUpdate[]): Promise<string[]> {
  const refused: string[] = [];
  for (const demo of demoConnections) {
    const key = connectionNameKey(demo.name ?? '');
    const existing = (await service.getState()).connections.find((connection) => connectionNameKey(connection.name) === key);
    const result = await service.saveConnection(existing?.id ?? null, demo);
    if (!result.ok) refused.push(`the demo connection ${JSON.stringify(demo.name ?? '')} was refused: ${result.problems.map((problem) => problem.message).join(' ')}`);
  }
  return refused;
}
