/**
 * What the first-run form starts with before main's own settings arrive; the same defaults as
 * src-main/core/oauth/client-config.ts.
 */
export const SETUP_DEFAULTS = {
  baseUrl: 'https://api.AIRisk.example.com',
  redirectUri: 'http://127.0.0.1:8765/callback',
} as const;
