// Administration: staff accounts, councils, service settings, bank holidays and API tokens, for administrators only.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import newApiToken from './api-tokens/new/routes.ts'
import apiTokenLimit from './api-tokens/limit/routes.ts'
import revokeApiToken from './api-tokens/revoke/routes.ts'
import apiTokens from './api-tokens/routes.ts'
import showApiToken from './api-tokens/token/routes.ts'
import account from './users/account/routes.ts'
import oneTimePassword from './users/account/one-time-password/routes.ts'
import newUser from './users/new/routes.ts'
import users from './users/routes.ts'
import settings from './settings/routes.ts'
import authorityCadence from './settings/authorities/routes.ts'
import bankHolidays from './bank-holidays/routes.ts'
import councils from './councils/routes.ts'
import newCouncil from './councils/new/routes.ts'
import councilPage from './councils/council/routes.ts'

export default async function adminArea(app: FastifyInstance, deps: AppDeps) {
  for (const page of [
    users,
    newUser,
    account,
    oneTimePassword,
    councils,
    newCouncil,
    councilPage,
    settings,
    authorityCadence,
    bankHolidays,
    apiTokens,
    newApiToken,
    showApiToken,
    revokeApiToken,
    apiTokenLimit,
  ])
    await page(app, deps)
}
