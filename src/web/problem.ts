// Problem details (RFC 9457): every error answer of the JSON API has this one shape, sent as
// application/problem+json. `detail` says what went wrong in plain English; `error` repeats it
// for clients written before the shape was adopted; extension members add what a client can act
// on (`fields`: each bad field by its path, with what is wrong with it).
import type { FastifyReply } from 'fastify'

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8'

export interface Problem {
  type: 'about:blank'
  title: string
  status: number
  detail: string
  /** The same words as detail. */
  error: string
  /** The path asked for, without its query string. */
  instance: string
  [extension: string]: unknown
}

export function problemOf(status: number, detail: string, instance: string, extensions: object = {}): Problem {
  return {
    type: 'about:blank',
    title: titles[status] ?? (status >= 500 ? 'Server Error' : 'Client Error'),
    status,
    detail,
    error: detail,
    instance: instance.split('?')[0] ?? instance,
    ...extensions,
  }
}

/** Sends a problem: `status`, the words, and any extension members (never type, title or status). */
export function sendProblem(reply: FastifyReply, status: number, detail: string, extensions: object = {}) {
  return reply
    .code(status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problemOf(status, detail, reply.request.url, extensions)))
}
