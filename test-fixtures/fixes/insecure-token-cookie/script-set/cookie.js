// The app's own browser cookie helper: `set(name, value, days)`, not a server cookie jar.
export function set(name, value, days) {
  const expires = new Date(Date.now() + Number(days || 1) * 864e5).toUTCString();
  document.cookie = `${name}=${encodeURIComponent(value)}; expires=${expires}; path=/`;
}

export function get(name) {
  return document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
}
