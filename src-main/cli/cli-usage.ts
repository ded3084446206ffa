import { DEFAULT_AUTHORIZE_PATH, DEFAULT_BASE_URL, DEFAULT_REDIRECT_URI, DEFAULT_TOKEN_PATH } from '../core/oauth/client-config.ts';

/** `airisk-token --help`: every command, its options, the exit statuses. */
export const USAGE = `Usage: airisk-token COMMAND [options]
  (from the repository: npm run --silent cli -- COMMAND [options])

Asks the running AIRisk Token Tray for a stored token. Turn it on first in the app:
Settings → Allow terminal access. Each new terminal session is approved in the app.

Commands:
  header [ACCOUNT]       print "Authorization: Bearer <token>"
  token [ACCOUNT]        print the bare token
  json [ACCOUNT]         print {"access_token","expiration","userid","connection"}
  list [--json]          the accounts with connection, status and time left (never tokens);
                         --json: a JSON array of {userid,name,connection,status,expiration,secondsLeft,active}
  status                 is the app running, is terminal access on, the accounts in brief
  run [ACCOUNT] -- CMD ARGS…
                         run CMD with AIRISK_TOKEN and AIRISK_AUTHORIZATION in its environment;
                         returns CMD's exit status (127: CMD not found, 128+n: killed by signal n)
  login [ACCOUNT]        ask the app to sign in (it opens the browser), then print the header
  login --no-app [one-shot options]
                         sign in here without the app, print the token, store nothing

ACCOUNT (default: the active account):
  --user ID              the account of that userid
  --generic              the generic (no userid) account
  --connection NAME      on that connection (needed when a userid is on several)

Options:
  --renew                header/token/json/run: sign in through the app first when the token expired
  --data-dir DIR         the app's data folder (default: AIRISK_TOKEN_TRAY_DATA_DIR, else the app's own)
  -h, --help             this text

One-shot options (login --no-app):
  --user ID              user-specific token (userid=ID); without it, the generic token
  --base-url URL         AIRisk base URL (default ${DEFAULT_BASE_URL})
  --authorize-path PATH  default ${DEFAULT_AUTHORIZE_PATH}
  --token-path PATH      default ${DEFAULT_TOKEN_PATH}
  --client-id ID         client id (or AIRISK_CLIENT_ID)
  --redirect-uri URI     loopback redirect URI registered with AIRisk (default ${DEFAULT_REDIRECT_URI})
  --body form|json       token request body encoding (default form)
  --scope VALUE          OAuth scope to ask for (standard OAuth 2.0 servers; AIRisk needs none)
  --issuer URL           the issuer a callback's iss must name (default: the base URL)
  --no-browser           print the sign-in address instead of opening the browser
  --paste                also accept the redirected URL pasted on standard input
  --timeout SECONDS      how long to wait for the browser (default 300)
  --format header|token|json
                         what to print: "Authorization: Bearer <token>" (default), the bare
                         token, or {"access_token","expiration","userid"}
  The client secret comes from the AIRISK_CLIENT_SECRET environment variable, never from the
  command line (arguments end up in shell history and process lists).

Examples:
  curl -H "$(airisk-token header --user user_42)" https://api.AIRisk.example.com/api/me
  airisk-token run --user user_42 -- python script.py

Exit status: 0 ok; 1 refused, denied, expired or failed; 2 bad usage; 3 the app is not running
or terminal access is off (run: CMD's own status).`;
