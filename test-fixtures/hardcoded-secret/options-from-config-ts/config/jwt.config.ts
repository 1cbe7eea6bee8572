export const jwtConfig = {
  secret: 'k7Qe2vXn9LmP4sTz8WbY1cRf6HdJ3gAu',
  signOptions: { expiresIn: '15m' },
};
