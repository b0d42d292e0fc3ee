// Mediation certificates: the case's Certificates tab and each certificate as a page and a PDF.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import certificatePage from './certificate/routes.ts'
import certificatesTab from './list/routes.ts'

export default async function certificatesArea(app: FastifyInstance, deps: AppDeps) {
  for (const page of [certificatesTab, certificatePage]) await page(app, deps)
}
