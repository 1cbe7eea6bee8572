const jwt = require('jsonwebtoken');

const generateAccessToken = (u) => jwt.sign({ id: u.id }, process.env.ACCESS_SECRET, { expiresIn: '15m' });
const generateRefreshToken = (u) => jwt.sign({ id: u.id }, process.env.REFRESH_SECRET, { expiresIn: '30d' });
// Exactly the bound.
const hourly = (u) => jwt.sign({ id: u.id }, process.env.ACCESS_SECRET, { expiresIn: 3600 });
// Single-purpose tokens set their own lifetimes.
const emailVerificationToken = (u) => jwt.sign({ id: u.id }, process.env.EMAIL_SECRET, { expiresIn: '7d' });
const passwordResetToken = (u) => jwt.sign({ id: u.id }, process.env.RESET_SECRET, { expiresIn: '2d' });

module.exports = { generateAccessToken, generateRefreshToken, hourly, emailVerificationToken, passwordResetToken };

// Link tokens (survey, share, magic links) carry their own lifetimes.
const createTokenForLinkSurvey = (surveyId) => jwt.sign({ surveyId }, process.env.LINK_SECRET, { expiresIn: '7d' });
module.exports.createTokenForLinkSurvey = createTokenForLinkSurvey;
