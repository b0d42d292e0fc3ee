// The sign-in area's test kit: what a test needs to answer the second step as an authenticator app
// would (the code at a moment) and to give a test account an app already set up (its sealed secret).
export { sealSecret, totpCodeAt } from './totp.ts'
