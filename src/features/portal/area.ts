// The parties' portal: sign-in links and each party's own case. Pages are registered in this one list.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import agreement from './agreement/routes.ts'
import attendees from './attendees/routes.ts'
import availability from './availability/routes.ts'
import cases from './cases/routes.ts'
import complaint from './complaint/routes.ts'
import contact from './contact/routes.ts'
import documents from './documents/routes.ts'
import feedback from './feedback/routes.ts'
import home from './home/routes.ts'
import meeting from './meeting/routes.ts'
import permissions from './permissions/routes.ts'
import signIn from './sign-in/routes.ts'
import signOut from './sign-out/routes.ts'
import staff from './staff/routes.ts'
import summary from './summary/routes.ts'

const pages: ((app: FastifyInstance, deps: AppDeps) => Promise<void>)[] = [
  signIn,
  signOut,
  cases,
  home,
  contact,
  attendees,
  availability,
  meeting,
  summary,
  agreement,
  documents,
  feedback,
  complaint,
  permissions,
  staff,
]

export default async function portalArea(app: FastifyInstance, deps: AppDeps) {
  for (const page of pages) await page(app, deps)
}
