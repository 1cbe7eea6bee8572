import { JwtService, JwtSignOptions } from '@nestjs/jwt';

// A helper that takes the injected service and optional options: the options a caller
// leaves out are known at each call, so the helper's own call is not judged.
export function mint(jwt: JwtService, payload: Record<string, unknown>, options?: JwtSignOptions) {
  return jwt.sign(payload, options);
}
