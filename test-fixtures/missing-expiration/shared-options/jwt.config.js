export const accessOptions = { algorithm: 'HS256', issuer: 'api' };
export const refreshOptions = { algorithm: 'HS256', expiresIn: '7d' };
export default { accessOptions, refreshOptions };
