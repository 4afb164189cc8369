/**
 * True when Agora runs as a developer's or test instance: `npm start`/`npm run dev` without
 * NODE_ENV=production. `next start` always sets NODE_ENV=production inside the server, so the
 * start script passes AGORA_DEVELOPMENT=1 to say which it really is.
 */
export function isDevelopmentSite(): boolean {
  return process.env.AGORA_DEVELOPMENT === "1" || process.env.NODE_ENV === "development";
}
