// The options object lives here; the calls that consume it are blamed, not this file.
module.exports = {
  jwt: { secret: 'k7Qe2vXn9LmP4sTz8WbY1cRf6HdJ3gAu', algorithms: ['HS256'] },
};
