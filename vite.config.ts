// Builds the token window (src-renderer) into dist/renderer. `base: './'` keeps every asset URL
// relative, because the window is loaded from packaged files / a custom protocol in Electron and from
// the browser host in tests. The page's Content-Security-Policy (src-renderer/index.html) allows
// only same-origin scripts and styles, so the build emits no inline script or style.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('./src-renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

/**
 * Dev server only: React Fast Refresh injects an inline preamble script, Vite's client puts CSS in
 * `<style>` tags and opens a websocket — all forbidden by the production CSP. Relax exactly those
 * three in `vite` (serve) mode; `vite build` keeps the policy as written.
 */
function devCsp(): Plugin {
  return {
    name: 'airisk-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: wss:"),
  };
}

export default defineConfig({
  root,
  base: './',
  publicDir: false,
  plugins: [react(), devCsp()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    target: ['es2022', 'chrome130'],
    cssTarget: 'chrome130',
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
    chunkSizeWarningLimit: 300,
  },
});
