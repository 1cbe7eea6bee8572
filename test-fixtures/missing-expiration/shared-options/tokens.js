import jwt from 'jsonwebtoken';
import jwtConfig, { accessOptions, refreshOptions } from './jwt.config';

export const access = (id) => jwt.sign({ id }, process.env.JWT_SECRET, accessOptions); // expect: missing-expiration
export const accessAgain = (id) => jwt.sign({ id }, process.env.JWT_SECRET, jwtConfig.accessOptions); // expect: missing-expiration
export const refresh = (id) => jwt.sign({ id }, process.env.JWT_REFRESH_SECRET, refreshOptions);
export const refreshAgain = (id) => jwt.sign({ id }, process.env.JWT_REFRESH_SECRET, jwtConfig.refreshOptions);
