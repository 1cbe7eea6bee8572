import { z } from 'zod';

// A validated environment: its values are unknown here, but each is one value.
export const env = z
  .object({ JWT_SECRET: z.string().min(32), REFRESH_SECRET: z.string().min(32) })
  .parse(process.env);
