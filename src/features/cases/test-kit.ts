// For tests outside this area (test/web/authorisation-matrix.test.ts): a case with everything a
// page can show or download, under a council, with names of its own (see council-access/testing.ts).
export { fullCase, type Built } from './council-access/testing.ts'
