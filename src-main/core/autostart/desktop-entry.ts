/**
 * Writing a Desktop Entry (freedesktop.org Desktop Entry Specification 1.5) for XDG autostart:
 * the `Exec=` quoting rules and the file's text. Pure functions; xdg-autostart.ts does the I/O.
 */

/** Characters that force an Exec argument into double quotes (spec, "The Exec key"). */
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/**
 * One argument of an `Exec=` line, as the spec wants it in the file:
 * 1. a literal `%` becomes `%%` (otherwise it would start a field code);
 * 2. an empty argument or one with a reserved character is put in double quotes, with `"`, `` ` ``,
 *    `$` and `\` inside escaped by a backslash;
 * 3. the string-value escape rule is applied on top, so every backslash is doubled (a literal `\`
 *    ends up as `\\\\`, a literal `$` in quotes as `\\$`, exactly as the spec's examples say).
 * Control characters (newline, tab, …) cannot be represented safely and throw.
 */
export function quoteExecArgument(argument: string): string {
  if (/[\u0000-\u001f\u007f]/.test(argument)) throw new Error('A launch argument contains a control character and cannot be written to an autostart entry.');
  const percent = argument.replaceAll('%', '%%');
  const quoted = percent === '' || RESERVED.test(percent) ? `"${percent.replace(/["`$\\]/g, (character) => `\\${character}`)}"` : percent;
  return quoted.replaceAll('\\', '\\\\');
}

/** The `Exec=` value for a command line (program first). */
export function execLine(command: readonly string[]): string {
  if (command.length === 0) throw new Error('An autostart entry needs a program to run.');
  return command.map(quoteExecArgument).join(' ');
}

/** What an autostart entry says. */
export interface AutostartEntry {
  readonly name: string;
  readonly comment: string;
  /** Program and arguments, unquoted. */
  readonly command: readonly string[];
}

/** The text of the `.desktop` file (UTF-8, LF line ends, trailing newline). */
export function desktopEntryText(entry: AutostartEntry): string {
  const value = (text: string): string => {
      if (/[\u0000-\u001f\u007f]/.test(text)) throw new Error('A desktop entry value cannot contain control characters.');
    return text.replaceAll('\\', '\\\\');
  };
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.5',
    `Name=${value(entry.name)}`,
    `Comment=${value(entry.comment)}`,
    `Exec=${execLine(entry.command)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/**
 * Whether an existing entry's text would start the app: not `Hidden=true` (the spec's "deleted"),
 * not `X-GNOME-Autostart-enabled=false`, and it has an `Exec=` line. Only the `[Desktop Entry]` group counts.
 */
export function entryStartsApp(text: string): boolean {
  let inMainGroup = false;
  let hasExec = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line.startsWith('[')) {
      inMainGroup = line === '[Desktop Entry]';
      continue;
    }
    if (!inMainGroup || line.startsWith('#')) continue;
    const equals = line.indexOf('=');
    if (equals < 0) continue;
    const key = line.slice(0, equals).trim();
    const value = line.slice(equals + 1).trim();
    if (key === 'Hidden' && value === 'true') return false;
    if (key === 'X-GNOME-Autostart-enabled' && value === 'false') return false;
    if (key === 'Exec' && value !== '') hasExec = true;
  }
  return hasExec;
}
