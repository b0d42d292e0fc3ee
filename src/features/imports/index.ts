// What the imports area offers others: the job that imports files of cases and undoes imports.
export { runDueImports } from './job.ts'
