// What the sign-in area offers others: password hashing and one-time passwords; its messages;
// forgetting old failed sign-ins (a periodic task).
export { deleteForgottenFailures as deleteForgottenSignInFailures } from './failures-repository.ts'
export { hashPassword, oneTimePassword } from './passwords.ts'
export { authTemplates } from './templates.ts'
