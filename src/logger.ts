// The log: JSON lines in production and tests (for a log collector), and readable lines in
// development, through pino-pretty (a development dependency) when it is installed.
import { createRequire } from 'node:module'
import pino, { type Logger, type LoggerOptions } from 'pino'
import type { Config } from './config.ts'

/** Never in the log: cookies and bearer tokens. */
const redact = ['req.headers.cookie', 'req.headers.authorization']

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
  const options: LoggerOptions = { level: config.LOG_LEVEL, redact }
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
