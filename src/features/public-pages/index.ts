// What the public pages offer others: the pages' kinds and their standard wording (for tests and
// the authorisation matrix).
export { pageKinds, pages, type PageKind } from './placeholders.ts'
