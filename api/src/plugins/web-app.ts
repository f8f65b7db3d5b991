import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Plugin } from 'graphql-yoga';
import { WEB_CONTENT_SECURITY_POLICY } from '../http/content-security-policy.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

/** Paths that belong to the API, never to the web app. */
const API_PREFIXES = ['/graphql', '/health', '/ready', '/api/', '/webhooks/'];

/**
 * Serves the production build of the web app (`web/dist`) on the api's origin, next to `/graphql`:
 * files as they are (hashed assets cached for a year), every other path the app's `index.html` (client routing).
 */
export function useWebApp(distDir: string): Plugin {
  const root = normalize(distDir);
  return {
    async onRequest({ request, url, endResponse }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (API_PREFIXES.some((prefix) => url.pathname === prefix || url.pathname.startsWith(prefix))) return;
      const requested = normalize(join(root, decodeURIComponent(url.pathname)));
      if (requested !== root && !requested.startsWith(root + sep)) return;
      const file = (await isFile(requested)) ? requested : join(root, 'index.html');
      if (!(await isFile(file))) return;
      const body = await readFile(file);
      const immutable = file.includes(`${sep}assets${sep}`);
      endResponse(
        new Response(request.method === 'HEAD' ? null : body, {
          headers: {
            'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
            'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
            'content-security-policy': WEB_CONTENT_SECURITY_POLICY,
            'x-content-type-options': 'nosniff',
            'referrer-policy': 'same-origin',
          },
        }),
      );
    },
  };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
