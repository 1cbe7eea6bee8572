import axios from 'axios';

export async function login(credentials) {
  const { data } = await axios.post('/api/auth/login', credentials);
  localStorage.setItem('token', data.token); // expect: token-in-localstorage
  window.localStorage.setItem('refreshToken', data.refreshToken); // expect: token-in-localstorage
  return data.user;
}

export function persist(session) {
  localStorage.jwt = session.jwt; // expect: token-in-localstorage
  sessionStorage['access_token'] = session.access; // expect: token-in-localstorage
}

const TOKEN_KEY = 'auth_token';
export function saveToken(token) {
  localStorage.setItem(TOKEN_KEY, token); // expect: token-in-localstorage
}

export function saveSession(user, token) {
  localStorage.setItem('session', JSON.stringify({ user, token })); // expect: token-in-localstorage
}

// The login response holds the token; storing the response stores the token.
export function loginTutorialStyle(username, password) {
  return axios.post('/api/auth/signin', { username, password }).then((response) => {
    if (response.data.accessToken) {
      localStorage.setItem('user', JSON.stringify(response.data)); // expect: token-in-localstorage
    }
    return response.data;
  });
}
