export const tokenFromEnv = process.env.SERVICE_TOKEN;
export const prefix = 'eyJ';
