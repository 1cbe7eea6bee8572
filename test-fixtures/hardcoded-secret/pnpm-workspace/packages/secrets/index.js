module.exports = { tokenSecret: 'pnpm-workspace-token-secret-value-0042' };
