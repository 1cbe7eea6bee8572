import { verify } from './lib/token';

export const readSession = (t: string) => verify(t, process.env.SESSION_KEY as string); // expect: missing-algorithms
