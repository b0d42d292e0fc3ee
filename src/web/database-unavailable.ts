// Whether a failure means the database cannot be reached just now (a restart, a failover, a
// network break): the answer is then "try again shortly" (503 with Retry-After), not a fault.
const connectionCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH'])
// PostgreSQL's own: connection exceptions (class 08), shutting down, starting up, too many clients.
const serverStates = /^(08...|57P01|57P02|57P03|53300)$/
const messages =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i

/** Seconds a client is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown }
    if (typeof code === 'string' && (connectionCodes.has(code) || serverStates.test(code))) return true
    if (typeof message === 'string' && messages.test(message)) return true
  }
  return false
}
