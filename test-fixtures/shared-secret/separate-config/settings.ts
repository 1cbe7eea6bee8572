export const settings = {
  accessSecret: process.env.ACCESS_SECRET as string,
  refreshSecret: process.env.REFRESH_SECRET as string,
};
