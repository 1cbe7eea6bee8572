const jwt = require('jsonwebtoken');

// Every comment here suppresses something.
// jwtlint-disable-next-line missing-algorithms -- the gateway checks the algorithm
jwt.verify(token, process.env.JWT_SECRET);

jwt.verify(token, process.env.JWT_SECRET); // jwtlint-disable-line missing-algorithms

/* jwtlint-disable */
jwt.verify(token, process.env.JWT_SECRET);
/* jwtlint-enable */

// Prose that mentions jwtlint-disable is not a directive.
jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['RS256'] });
