/**
 * Where the API reads the time for the programme's rules: each request's `now` (application
 * windows, deadlines, validity), the deadline sweep, credential issuance and verification. Tests
 * set it instead of moving dates in the database. Sign-in stays on the real clock: better-auth
 * reads the time itself for sessions and their expiry, and the sign-in throttle uses the
 * database's `now()`.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
