// One policy for the web app wherever it is served: by the api (production build) and by Vite's dev and
// preview servers (web/vite.config.ts), so what a developer sees is what users get.

/**
 * The web app may embed Databricks SQL dashboards and nothing else; scripts and connections stay on this
 * origin (the GraphQL API, its SSE and WebSocket transports).
 */
export const WEB_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  'frame-src https://*.cloud.databricks.com https://*.azuredatabricks.net',
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
