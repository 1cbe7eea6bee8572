import { TOKEN_KEY, THEME_KEY, STORAGE_KEYS } from '../lib/constants';

export function persist(value: string, theme: string, refresh: string, locale: string) {
  localStorage.setItem(TOKEN_KEY, value); // expect: token-in-localstorage
  localStorage.setItem(STORAGE_KEYS.refresh, refresh); // expect: token-in-localstorage
  localStorage.setItem(THEME_KEY, theme);
  localStorage.setItem(STORAGE_KEYS.locale, locale);
}
