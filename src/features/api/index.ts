// What the API area offers others: its bearer tokens (issued and revoked from the admin pages and the CLI).
export { TOKEN_PATTERN, createApiTokenService, hashToken } from './tokens.ts'
export { DEFAULT_REQUESTS_PER_MINUTE, MAX_REQUESTS_PER_MINUTE } from './tokens.ts'
