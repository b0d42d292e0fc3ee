// Information sessions and events: staff's pages to run them, and the public's to book. Pages are
// registered in this one list.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import attendancePage from './manage/attendance/routes.ts'
import cancelSession from './manage/cancel/routes.ts'
import changeSession from './manage/change/routes.ts'
import sessionList from './manage/list/routes.ts'
import messagePage from './manage/message/routes.ts'
import newSession from './manage/new/routes.ts'
import sessionPage from './manage/session/routes.ts'
import bookPage from './public/book/routes.ts'
import bookedPage from './public/booked/routes.ts'
import bookingPage from './public/booking/routes.ts'
import checkPage from './public/check/routes.ts'
import publicSessionList from './public/list/routes.ts'
import publicSessionPage from './public/session/routes.ts'

const pages: ((app: FastifyInstance, deps: AppDeps) => Promise<void>)[] = [
  sessionList,
  newSession,
  sessionPage,
  changeSession,
  cancelSession,
  attendancePage,
  messagePage,
  publicSessionList,
  publicSessionPage,
  bookPage,
  checkPage,
  bookedPage,
  bookingPage,
]

export default async function sessionsArea(app: FastifyInstance, deps: AppDeps) {
  for (const page of pages) await page(app, deps)
}
