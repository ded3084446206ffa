/**
 * Where AIRisk lives by default and the redirect URI the app suggests registering. The seed
 * documents the token path only; the authorization path is assumed from RFC 6749 and stays
 * configurable. Shared so the first-run form shows exactly what main will use.
 */
export const DEFAULT_BASE_URL = 'https://api.AIRisk.example.com';
export const DEFAULT_AUTHORIZE_PATH = '/api/oauth2/Authorize';
export const DEFAULT_TOKEN_PATH = '/api/oauth2/Token';
export const DEFAULT_REDIRECT_URI = 'http://127.0.0.1:8765/callback';
/** The name the first connection gets (first-run setup, and the v2 → v3 migration). */
export const DEFAULT_CONNECTION_NAME = 'AIRisk';
