// What the sign-in area offers others: password hashing and one-time passwords; an account's
// second factor, as its admin page shows it and resets it (never its secret); its messages;
// forgetting old failed sign-ins (a periodic task); an account's lock, and unlocking it.
export { deleteForgottenFailures as deleteForgottenSignInFailures } from './failures-repository.ts'
export { accountLockedUntil, unlockAccount } from './lock.ts'
export { hashPassword, oneTimePassword } from './passwords.ts'
export { factorSummary as secondFactorSummary } from './second-factor-repository.ts'
export { removeSecondFactor } from './second-factor-service.ts'
export { secondFactorTemplates } from './second-factor-templates.ts'
export { authTemplates } from './templates.ts'
