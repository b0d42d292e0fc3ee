// Staff accounts, for administrators only.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app.ts'
import account from './users/account/routes.ts'
import oneTimePassword from './users/account/one-time-password/routes.ts'
import newUser from './users/new/routes.ts'
import users from './users/routes.ts'

export default async function adminArea(app: FastifyInstance, deps: AppDeps) {
  for (const page of [users, newUser, account, oneTimePassword]) await page(app, deps)
}
