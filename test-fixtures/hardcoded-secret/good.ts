import { JwtModule } from '@nestjs/jwt';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { SignJWT, importPKCS8 } from 'jose';

export const jwtModule = JwtModule.registerAsync({
  imports: [ConfigModule],
  inject: [ConfigService],
  useFactory: (config: ConfigService) => ({
    secret: config.getOrThrow<string>('JWT_SECRET'),
    signOptions: { expiresIn: '15m' },
    verifyOptions: { algorithms: ['HS256'] },
  }),
});

const encoder = new TextEncoder();
export async function issue(sub: string) {
  const key = encoder.encode(process.env.JWT_SECRET);
  return new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('15m').sign(key);
}

export async function issueEs(sub: string) {
  const key = await importPKCS8(process.env.JWT_PRIVATE_KEY as string, 'ES256');
  return new SignJWT({ sub }).setProtectedHeader({ alg: 'ES256' }).setExpirationTime('15m').sign(key);
}
