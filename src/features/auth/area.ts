import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import account from './account/routes.ts'
import accountPassword from './account-password/routes.ts'
import enrol from './enrol/routes.ts'
import secondFactor from './second-factor/routes.ts'
import signIn from './sign-in/routes.ts'
import signOut from './sign-out/routes.ts'

export default async function authArea(app: FastifyInstance, deps: AppDeps) {
  for (const page of [signIn, secondFactor, enrol, signOut, account, accountPassword]) await page(app, deps)
}
