export const envConfig = {
  signingSecret: process.env.SIGNING_SECRET as string,
};
