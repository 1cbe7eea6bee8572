const { verify } = require('./jwt');

module.exports = (req) => verify(req.headers.authorization, process.env.KEY); // expect: missing-algorithms
