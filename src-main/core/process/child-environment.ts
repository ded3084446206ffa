/** Our own variables (`AIRISK_CLIENT_SECRET`, `AIRISK_DEMO_*`, …), in any case (Windows ignores case). */
const APP_VARIABLE = /^AIRISK_/i;

/**
 * The environment a process of ours hands to a child it starts (the browser opener: `xdg-open`,
 * `open`, `rundll32`). The child gets the caller's environment minus every `AIRISK_*` variable:
 * `AIRISK_CLIENT_SECRET` and the demo client's secret are secrets, and no opener needs any of ours.
 * Only the secret-less, never the other way round: a variable added later is dropped by default.
 */
export function childProcessEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const child: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !APP_VARIABLE.test(name)) child[name] = value;
  }
  return child;
}

/**
 * Deletes every `AIRISK_*` variable from `env` (the process's own `process.env`, once it has been
 * read) and returns what was removed. Anything that starts a child with the inherited environment —
 * Electron's `shell.openExternal` runs `xdg-open` on Linux, a library may spawn — then passes none
 * of our variables, secrets included, to another program.
 */
export function removeAppVariables(env: NodeJS.ProcessEnv): Readonly<Record<string, string>> {
  const removed: Record<string, string> = {};
  for (const name of Object.keys(env)) {
    if (!APP_VARIABLE.test(name)) continue;
    const value = env[name];
    if (value !== undefined) removed[name] = value;
    Reflect.deleteProperty(env, name);
  }
  return removed;
}
