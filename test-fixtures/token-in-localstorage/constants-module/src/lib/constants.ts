export const TOKEN_KEY = 'access_token';
export const THEME_KEY = 'ui-theme';
export const STORAGE_KEYS = { refresh: 'refresh_token', locale: 'locale' } as const;
