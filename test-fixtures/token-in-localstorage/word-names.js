// Token names are words: a tokenizer's settings are not a token.
export function save(cfg, res) {
  localStorage.setItem('tokenizer-config', JSON.stringify(cfg));
  localStorage.setItem('detokenizeRules', cfg.rules);
  localStorage.setItem('x-auth-token', res.data.value); // expect: token-in-localstorage
}
