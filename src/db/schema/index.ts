export * from './organisations.ts'
export * from './users.ts'
export * from './cases.ts'
export * from './audit.ts'
