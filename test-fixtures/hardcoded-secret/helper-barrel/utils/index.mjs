// A barrel without any trigger word: re-exports only.
export * from './token.mjs';
export { formatDate } from './dates.mjs';
