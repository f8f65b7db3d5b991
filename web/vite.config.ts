import { fileURLToPath } from 'node:url';
import { defineConfig, type PluginOption } from 'vite';
import solid from 'vite-plugin-solid';
// A relative path, not the api's exports map: Vite bundles the config's own files but hands packages to Node,
// which cannot load the api's TypeScript.
import { WEB_CONTENT_SECURITY_POLICY } from '../api/src/http/content-security-policy.js';

/** Where the api listens in development; the production build is served by the api itself. */
const apiOrigin = process.env.VITE_API_URL ?? 'http://127.0.0.1:4000';
/** The api's policy for the production build (frame-src: Databricks workspaces only), sent by these servers too. */
const headers = { 'Content-Security-Policy': WEB_CONTENT_SECURITY_POLICY };

export default defineConfig({
  // The hoisted plugin is typed against the workspace root's Vite (vitest's); the API it uses is the same in 7.
  plugins: [solid() as PluginOption],
  server: {
    host: '127.0.0.1',
    port: 5173,
    headers,
    proxy: { '/graphql': { target: apiOrigin, ws: true, changeOrigin: true } },
    // Serve this package and nothing else: by default Vite serves the whole workspace under /@fs/ (the api's
    // sources, `.data/` with the embedded database). Dependencies are hoisted to the root node_modules.
    fs: {
      strict: true,
      allow: [fileURLToPath(new URL('.', import.meta.url)), fileURLToPath(new URL('../node_modules', import.meta.url))],
      deny: ['.env', '.env.*', '*.{crt,pem,key}', '**/.data/**', '**/.git/**'],
    },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    headers,
    proxy: { '/graphql': { target: apiOrigin, ws: true, changeOrigin: true } },
  },
  build: { target: 'es2022', outDir: 'dist', sourcemap: true },
});
