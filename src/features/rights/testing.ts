// For the rights tests: two councils, managers of each, families in several cases (with another
// party and messages to each), and recording a request through its page.
import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import type { LightMyRequestResponse } from 'fastify'
import { Agent } from '../../../test/helpers/agent.ts'
import { createStaff, type TestApp } from '../../../test/helpers/app.ts'
import { caseParties, cases, localAuthorities, messages, type Role } from '../../db/schema/index.ts'
import { makeCase } from '../cases/testing.ts'

export async function twoCouncils(t: TestApp) {
  const db = t.database.db
  const [first] = await db.select().from(localAuthorities).where(eq(localAuthorities.code, 'warrington'))
  const [second] = await db
    .insert(localAuthorities)
    .values({
      code: 'halton-rights',
      name: 'Halton Test Council',
      commissioned: true,
      freeForResidents: true,
      postcodeDistricts: ['WA7'],
      serviceName: 'Halton SEN Mediation Service',
      phone: '0300 000 0002',
      email: 'mediation@halton.example',
      address: '1 Example Street, Widnes',
      openingHours: 'Monday to Friday, 9am to 5pm',
    })
    .returning()
  return { a: first!.id, b: second!.id }
}

export async function staffAgent(t: TestApp, email: string, roles: Role[], councils: string[]) {
  await createStaff(t.database, email, roles, email.split('@')[0], councils)
  return new Agent(t.app).signIn(email)
}

/**
 * A case under the council: its child, its parent (the requester) with an email and phone, a
 * local authority officer as the other party, and a message sent to each.
 */
export async function familyCase(
  t: TestApp,
  councilId: string,
  family: { child: string; parent: string; email: string; phone?: string; officer: string; officerEmail: string },
) {
  const db = t.database.db
  const made = await makeCase(t.database, t.clock, {
    childName: family.child,
    parentName: family.parent,
    localAuthorityId: councilId,
  })
  const [parent] = await db
    .update(caseParties)
    .set({ email: family.email, phone: family.phone ?? null })
    .where(and(eq(caseParties.caseId, made.id), eq(caseParties.role, 'parent')))
    .returning()
  const [officer] = await db
    .insert(caseParties)
    .values({
      caseId: made.id,
      role: 'local-authority',
      name: family.officer,
      organisation: 'SEN Team',
      email: family.officerEmail,
    })
    .returning()
  const message = (party: typeof parent, subject: string, body: string) => ({
    caseId: made.id,
    partyId: party!.id,
    channel: 'email',
    recipientName: party!.name,
    recipientAddress: party!.email!,
    templateKey: 'case-update',
    subject,
    body,
    status: 'sent',
    nextAttemptAt: t.clock.now(),
    sentAt: t.clock.now(),
    createdAt: t.clock.now(),
  })
  await db
    .insert(messages)
    .values([
      message(
        parent,
        `News about ${family.child}`,
        `Dear ${family.parent}, ${family.officer} of the council has replied.`,
      ),
      message(officer, 'For the officer only', `Dear ${family.officer}, a note meant for the council alone.`),
    ])
  const [row] = await db.select().from(cases).where(eq(cases.id, made.id))
  return { id: made.id, reference: row!.reference, parent: parent!, officer: officer! }
}

/** The fields of the request form. */
export const requestFields = (fields: Record<string, string>) => ({
  submissionKey: randomUUID(),
  requesterRelationship: '',
  subjectEmail: '',
  subjectPhone: '',
  'subjectDateOfBirth-day': '',
  'subjectDateOfBirth-month': '',
  'subjectDateOfBirth-year': '',
  details: '',
  ...fields,
})

export const dateFields = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-')
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! }
}

/** The request's id from the redirect after recording it. */
export function requestIdOf(res: LightMyRequestResponse) {
  const id = /^\/rights\/([0-9a-f-]{36})$/.exec(String(res.headers.location))?.[1]
  if (res.statusCode !== 303 || !id) throw new Error(`not recorded: ${res.statusCode} ${res.body.slice(0, 500)}`)
  return id
}
