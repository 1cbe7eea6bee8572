import jwt from 'jsonwebtoken';

// Decoded at module scope, but the same token is verified at module scope too.
const service = jwt.decode(process.env.SERVICE_TOKEN as string) as { role: string };
jwt.verify(process.env.SERVICE_TOKEN as string, process.env.SERVICE_KEY as string, { algorithms: ['RS256'] });
export const isAdminService = service.role === 'admin';
