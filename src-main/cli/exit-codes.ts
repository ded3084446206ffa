/**
 * The exit statuses of `airisk-token` (issue 13): 0 ok; 1 refused, denied, expired or failed;
 * 2 bad usage; 3 the app is not running or terminal access is off. `run` returns its command's own
 * status instead (see run-child.ts).
 */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_NOT_RUNNING = 3;
