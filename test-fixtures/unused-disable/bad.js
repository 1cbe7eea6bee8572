const jwt = require('jsonwebtoken');

/* jwtlint-disable-next-line hardcoded-secret */ // expect: unused-disable
const token = jwt.sign({ sub: 1 }, process.env.JWT_SECRET, { expiresIn: '15m' });

/* jwtlint-disable missing-algorithms */ // expect: unused-disable
jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'] });
/* jwtlint-enable missing-algorithms */

/* jwtlint-enable */ // expect: unused-disable

// A misspelt id suppresses nothing: the finding stays, and the id is reported.
jwt.verify(token, process.env.JWT_SECRET); /* jwtlint-disable-line missing-algorithm */ // expect: missing-algorithms, unused-disable

// A comment with two ids, one of which is used: the other is reported.
/* jwtlint-disable-next-line missing-algorithms, hardcoded-secret */ // expect: unused-disable
jwt.verify(token, process.env.JWT_SECRET);

// A used block: its finding is suppressed and the comment is not reported.
/* jwtlint-disable missing-algorithms -- verified by the gateway */
jwt.verify(token, process.env.JWT_SECRET);
/* jwtlint-enable missing-algorithms */
jwt.verify(token, process.env.JWT_SECRET); // expect: missing-algorithms
