// Prettier's defaults: double quotes, one argument a line once a call is long. The new
// options argument follows both.
import jwt from "jsonwebtoken";

export function issueSessionToken(userId: string): string {
  return jwt.sign({ sub: userId }, process.env.MA_PRETTIER_SECRET as string, { expiresIn: "15m" });
}

export function verifySessionToken(sessionToken: string) {
  return jwt.verify( // expect: missing-algorithms
    sessionToken,
    process.env.MA_PRETTIER_SECRET as string,
  );
}
