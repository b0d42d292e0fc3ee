import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import account from './account/routes.ts'
import accountPassword from './account-password/routes.ts'
import signIn from './sign-in/routes.ts'
import signOut from './sign-out/routes.ts'

export default async function authArea(app: FastifyInstance, deps: AppDeps) {
  for (const page of [signIn, signOut, account, accountPassword]) await page(app, deps)
}
