import jwt from 'jsonwebtoken';

const key = process.env.JWT_SECRET as string;

// Claim names are read by their last words.
export const issue = (u: { id: string; password: string; gh: string; bearer: string; pk: string }) =>
  jwt.sign(
    {
      sub: u.id,
      userPassword: u.password, // expect: sensitive-claims
      githubAccessToken: u.gh, // expect: sensitive-claims
      bearer_token: u.bearer, // expect: sensitive-claims
      privateKey: u.pk, // expect: sensitive-claims
    },
    key,
    { expiresIn: '15m' },
  );

// Near-misses: the words say flag, identifier or policy, not the value.
export const flags = (u: { id: string; qid: string }) =>
  jwt.sign(
    { sub: u.id, passwordResetRequired: true, secretQuestionId: u.qid, isSecret: false, tokenizerConfig: 'x' },
    key,
    { expiresIn: '15m' },
  );
