export default {
  session: { secret: process.env.SESSION_SECRET ?? 'api-session-fallback-secret-000' },
};
