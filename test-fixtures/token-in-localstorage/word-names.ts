type Settings = { tokenizer: string; accessToken: string };

export function persist(s: Settings, tokenizerState: object) {
  sessionStorage.setItem('tokenizerState', JSON.stringify(tokenizerState));
  sessionStorage.setItem('ACCESS_TOKEN', s.accessToken); // expect: token-in-localstorage
}
