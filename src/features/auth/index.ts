// What the sign-in area offers others: password hashing and one-time passwords.
export { hashPassword, oneTimePassword } from './passwords.ts'
