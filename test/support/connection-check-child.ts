/**
 * Runs "Check connection" in a child process, so a test can start Node with its own trusted
 * certificates (`NODE_EXTRA_CA_CERTS` is read only at start-up). Argument: the base URL. Prints the
 * ConnectionCheck as JSON. The client secret is unset: only the authorization step is tried.
 */
import { checkConnection } from '../../src-main/core/connections/connection-check.ts';

const baseUrl = process.argv[2] ?? '';
const check = await checkConnection(
  {
    baseUrl,
    authorizePath: '/api/oauth2/Authorize',
    tokenPath: '/api/oauth2/Token',
    clientId: 'demo-client',
    clientSecret: '',
    redirectUri: 'http://127.0.0.1:0/callback',
    bodyEncoding: 'form',
  },
  { timeoutMs: 5_000 },
);
process.stdout.write(JSON.stringify(check));
