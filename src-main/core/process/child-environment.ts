/**
 * The environment a process of ours hands to a child it starts (the browser opener: `xdg-open`,
 * `open`, `rundll32`). The child gets the caller's environment minus every `AIRISK_*` variable:
 * `AIRISK_CLIENT_SECRET` and the demo client's secret are secrets, and no opener needs any of ours.
 * Only the secret-less, never the other way round: a variable added later is dropped by default.
 */
export function childProcessEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const child: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !/^AIRISK_/i.test(name)) child[name] = value;
  }
  return child;
}
