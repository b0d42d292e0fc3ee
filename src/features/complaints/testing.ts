// For the complaints tests: two councils side by side, staff who work for one of them, a mediator
// on the panel, cases under either council, and reading what the pages show.
import assert from 'node:assert/strict'
import { and, eq } from 'drizzle-orm'
import type { LightMyRequestResponse } from 'fastify'
import { createStaff, type TestApp } from '../../../test/helpers/app.ts'
import { Agent } from '../../../test/helpers/agent.ts'
import {
  caseParties,
  cases,
  complaints,
  localAuthorities,
  mediators,
  userCouncils,
  type Role,
} from '../../db/schema/index.ts'
import { makeCase } from '../cases/testing.ts'

export async function councilIds(t: TestApp) {
  const db = t.database.db
  const [first] = await db.select().from(localAuthorities).where(eq(localAuthorities.code, 'warrington'))
  let [second] = await db.select().from(localAuthorities).where(eq(localAuthorities.code, 'halton-test'))
  if (!second) {
    ;[second] = await db
      .insert(localAuthorities)
      .values({
        code: 'halton-test',
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
  }
  return { a: first!.id, b: second!.id }
}

/** A member of staff who works for exactly these councils, signed in. */
export async function staffOf(t: TestApp, email: string, roles: Role[], councils: string[], name = 'Test Person') {
  const user = await createStaff(t.database, email, roles, name)
  await t.database.db.delete(userCouncils).where(eq(userCouncils.userId, user.id))
  for (const id of councils) await t.database.db.insert(userCouncils).values({ userId: user.id, localAuthorityId: id })
  return { user, agent: await new Agent(t.app).signIn(email) }
}

export async function panelMediator(t: TestApp, name: string, userId?: string) {
  const [row] = await t.database.db
    .insert(mediators)
    .values({
      name,
      email: `${name.split(' ')[0]!.toLowerCase()}@mediators.example`,
      userId,
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    })
    .returning()
  return row!
}

/** A case under the given council, with its parent (the requester). */
export async function caseOf(
  t: TestApp,
  councilId: string,
  childName = 'Amelia Hartley',
  parentName = 'Sarah Hartley',
) {
  const made = await makeCase(t.database, t.clock, { childName, parentName })
  await t.database.db.update(cases).set({ localAuthorityId: councilId }).where(eq(cases.id, made.id))
  const [parent] = await t.database.db
    .select()
    .from(caseParties)
    .where(and(eq(caseParties.caseId, made.id), eq(caseParties.role, 'parent')))
  return { ...made, parent: parent! }
}

/** A fresh one-time key for a form. */
let keys = 0
export const newKey = () => `c0000000-0000-4000-8000-${String(++keys).padStart(12, '0')}`

/** The complaint just made, from the address the record form redirected to. */
export async function complaintAt(t: TestApp, res: LightMyRequestResponse) {
  assert.equal(res.statusCode, 303, `expected a redirect, got ${res.statusCode}: ${res.body.slice(0, 400)}`)
  const id = /^\/complaints\/([0-9a-f-]{36})$/.exec(String(res.headers.location))?.[1]
  assert.ok(id, `redirected to ${res.headers.location}`)
  const [row] = await t.database.db.select().from(complaints).where(eq(complaints.id, id))
  return row!
}

/** A GOV.UK date input's fields. */
export const dateFields = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-')
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! }
}
