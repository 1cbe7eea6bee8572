// Helpers of the app; tokens are signed with jsonwebtoken in ./token.mjs.
export * from './token.mjs';
export const formatDate = (d) => d.toISOString();
