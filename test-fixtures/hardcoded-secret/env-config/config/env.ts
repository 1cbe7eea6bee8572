function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
}

export const env = {
  jwtSecret: required('JWT_SECRET'),
  refreshSecret: process.env.JWT_REFRESH_SECRET as string,
};
export default env;
