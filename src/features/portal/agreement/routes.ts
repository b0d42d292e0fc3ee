// /portal/agreement: the agreement from the meeting. While it is a draft, each party reads it and
// accepts it as it stands (its version: if it changes, they accept again); once final, they read
// it here and download it as an accessible PDF (large print if that helps them).
import type { FastifyInstance } from 'fastify'
import { and, eq } from 'drizzle-orm'
import type { AppDeps } from '../../../app-deps.ts'
import { agreementAcceptances } from '../../../db/schema/index.ts'
import {
  agreementDocument,
  type AgreementContent,
  agreementPdf,
  agreementWithPoints,
  mediationParties,
  recordAcceptance,
  responsibleOf,
  wantsLargePrint,
} from '../../agreements/index.ts'
import { partyFor, portalAccess, portalContext } from '../page.ts'
import { partyRowOf } from '../repository.ts'
import { portalActor } from '../sign-in-service.ts'

export default async function portalAgreement(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db

  app.get('/portal/agreement', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'agreement')
    if (!party) return reply
    const agreement = await agreementWithPoints(db, party.caseId)
    const final =
      agreement?.status === 'final' && agreement.finalContent
        ? agreementDocument(agreement.finalContent as AgreementContent)
        : undefined
    let draft
    if (agreement && !final) {
      const parties = await mediationParties(db, party.caseId)
      const [accepted] = await db
        .select()
        .from(agreementAcceptances)
        .where(
          and(
            eq(agreementAcceptances.agreementId, agreement.id),
            eq(agreementAcceptances.partyId, party.partyId),
            eq(agreementAcceptances.agreementVersion, agreement.version),
          ),
        )
      draft = {
        id: agreement.id,
        version: agreement.version,
        accepted: accepted?.acceptedAt,
        points: agreement.points.map((p, i) => ({
          number: i + 1,
          who: responsibleOf(p, parties),
          what: p.what,
          byWhen: p.dueDate ?? p.byWhen,
          howKnown: p.howKnown,
        })),
        notAgreed: (agreement.notAgreed as string[]) ?? [],
      }
    }
    return reply.view('portal/agreement/view.njk', { ...portalContext(deps, party, 'agreement'), final, draft })
  })

  app.post('/portal/agreement/accept', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'agreement')
    if (!party) return reply
    const body = (request.body ?? {}) as { agreementId?: unknown; version?: unknown }
    const agreement = await agreementWithPoints(db, party.caseId)
    if (!agreement || agreement.status !== 'draft' || body.agreementId !== agreement.id)
      return reply.code(404).view('errors/not-found.njk')
    const row = (await partyRowOf(db, party.partyId))!
    const result = await db.transaction((tx) =>
      recordAcceptance(tx, deps.clock, {
        agreementId: agreement.id,
        partyId: party.partyId,
        agreementVersion: Number(body.version),
        how: 'portal',
        actor: portalActor(row),
      }),
    )
    request.session.flash = result.ok
      ? 'Thank you. We have recorded that you accept the agreement'
      : result.code === 'stale'
        ? 'The agreement changed while you were reading it. Read it again, then accept it if you agree.'
        : result.reason
    return reply.redirect('/portal/agreement', 303)
  })

  app.get('/portal/agreement/agreement.pdf', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'agreement')
    if (!party) return reply
    const agreement = await agreementWithPoints(db, party.caseId)
    if (agreement?.status !== 'final' || !agreement.finalContent) return reply.code(404).view('errors/not-found.njk')
    const row = (await partyRowOf(db, party.partyId))!
    const largePrint = wantsLargePrint(row) || (request.query as { print?: string }).print === 'large'
    const pdf = await agreementPdf(agreement.finalContent as AgreementContent, { largePrint })
    return reply
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        `attachment; filename="agreement-${party.reference.replace(/[^A-Za-z0-9-]/g, '')}${largePrint ? '-large-print' : ''}.pdf"`,
      )
      .send(pdf)
  })
}
