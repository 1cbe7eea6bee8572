import { signData } from './jwt';

export function login(req, res) {
  const { txtLogin, txtPassword } = req.body;
  const token = signData({
    login: txtLogin,
    txtPassword: encrypt(txtPassword), // expect: sensitive-claims
  });
  res.json({ token });
}

// Near-miss: identifiers only.
export function issue(req, res) {
  res.json({ token: signData({ login: req.body.txtLogin }) });
}

function encrypt(s) {
  return Buffer.from(s).toString('base64');
}
