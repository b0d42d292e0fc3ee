// The log: JSON lines in production and tests (for a log collector), and readable lines in
// development, through pino-pretty (a development dependency) when it is installed.
import { createRequire } from 'node:module'
import pino, { type Logger, type LoggerOptions } from 'pino'
import type { Config } from './config.ts'

/** Never in the log: cookies and bearer tokens. */
const redact = ['req.headers.cookie', 'req.headers.authorization']

/** What a failed query's error says past its SQL: the values it was given (a child's name, a note). */
const paramsPart = /\nparams: [\s\S]*$/
/** Fields of a database error that hold the values of a row ("Key (email)=(sam@example.com) already exists"). */
const valueFields = ['params', 'parameters', 'detail']

/**
 * An error as logged: as pino writes it (type, message, stack, its causes' messages), with the SQL
 * of a failed query but never the values it was given, nor a database error's detail.
 */
export function errorForLog(err: unknown): unknown {
  if (!(err instanceof Error)) return err
  const serialized = pino.stdSerializers.err(err) as unknown as Record<string, unknown>
  const messages: [string, string][] = []
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const clean = e.message.replace(paramsPart, '')
    if (clean !== e.message) messages.push([e.message, clean])
  }
  const scrub = (text: string) => messages.reduce((t, [raw, clean]) => t.split(raw).join(clean), text)
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(serialized)) {
    if (valueFields.includes(key)) continue
    out[key] = typeof value === 'string' ? scrub(value) : value
  }
  return out
}

function prettyInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty')
    return true
  } catch {
    return false
  }
}

/** pino's options for this environment; `pretty` says whether pino-pretty can be loaded. */
export function loggerOptions(
  config: Pick<Config, 'LOG_LEVEL' | 'NODE_ENV'>,
  pretty: boolean = prettyInstalled(),
): LoggerOptions {
  const options: LoggerOptions = { level: config.LOG_LEVEL, redact, serializers: { err: errorForLog } }
  if (config.NODE_ENV !== 'development' || !pretty) return options
  return {
    ...options,
    transport: {
      target: 'pino-pretty',
      options: { singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
    },
  }
}

export function createLogger(config: Pick<Config, 'LOG_LEVEL' | 'NODE_ENV'>): Logger {
  return pino(loggerOptions(config))
}
