import { ConfigService } from '@nestjs/config';

export const jwtFactory = (config: ConfigService) => ({ secret: config.get<string>('JWT_SECRET') });
