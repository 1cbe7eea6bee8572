const storage = window.sessionStorage;

export const authStore = {
  setTokens(accessToken: string, idToken: string) {
    storage.setItem('accessToken', accessToken); // expect: token-in-localstorage
    globalThis.localStorage.setItem('id_token', idToken); // expect: token-in-localstorage
  },
};
