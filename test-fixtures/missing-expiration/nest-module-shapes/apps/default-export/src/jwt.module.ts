import { JwtModule } from '@nestjs/jwt';

// The registration lives in a file of its own and is imported by the module.
export default JwtModule.register({ secret: process.env.JWT_SECRET });
