// Where the request being answered came from (its address), for the record of what was done and
// looked at: case events and the access log read it here, so that every service writing them need
// not pass it along (the audit trail's entries are given it by their routes). Work that no request
// asked for (a job, the CLI, an import's job) has none. src/web/request-origin.ts sets it.
import { AsyncLocalStorage } from 'node:async_hooks'

const origin = new AsyncLocalStorage<{ ip: string | null }>()

/** Runs `work` as the answer to a request from this address. */
export const fromAddress = <T>(ip: string | null, work: () => T): T => origin.run({ ip }, work)

/** The address of the request being answered, if any. */
export const requestIp = (): string | null => origin.getStore()?.ip ?? null
