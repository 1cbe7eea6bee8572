// A storage wrapper (umami-style): the key and the value are parameters here.
export function setItem(key: string, data: unknown, session?: boolean) {
  if (typeof window !== 'undefined' && data) {
    return (session ? sessionStorage : localStorage).setItem(key, JSON.stringify(data));
  }
}
