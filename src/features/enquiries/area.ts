import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app.ts'

export default async function enquiriesArea(_app: FastifyInstance, _deps: AppDeps) {}
