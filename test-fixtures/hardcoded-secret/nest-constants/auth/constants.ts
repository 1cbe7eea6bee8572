export const jwtConstants = {
  secret: 'DO NOT USE THIS VALUE. INSTEAD, CREATE A COMPLEX SECRET AND KEEP IT SAFE.',
};

export enum Secrets {
  Refresh = 'enum-held-refresh-secret-value-0001',
  Other = 'unused',
}
