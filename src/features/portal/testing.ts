// For the portal's tests: a case whose parties have their own email addresses (and a referrer
// acting for the family), a second case with another family, and signing in as a party the way a
// person does: ask for a link, read it from the message queued for them, continue.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { and, desc, eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { Agent } from '../../../test/helpers/agent.ts'
import type { TestApp } from '../../../test/helpers/app.ts'
import { caseParties, messages, partyPermissions, portalSignIns } from '../../db/schema/index.ts'
import { makeCase } from '../cases/testing.ts'
import { preparationCase } from '../preparation/testing.ts'
import { sha256 } from './sign-in-service.ts'

export const emails = {
  parent: 'sarah@example.com', // the requester's address in sampleFacts
  council: 'sen.officer@warrington.example.gov.uk',
  school: 'senco@brookfield.example.sch.uk',
  referrer: 'ias.officer@sendiass.example.org',
  otherParent: 'priya@example.com',
}

export async function portalCases(t: TestApp) {
  const made = await preparationCase(t)
  const db = t.database.db
  await db.update(caseParties).set({ email: emails.council }).where(eq(caseParties.id, made.council.id))
  await db
    .update(caseParties)
    .set({ email: emails.school, phone: '07700 900 123' })
    .where(eq(caseParties.id, made.school.id))
  const [referrer] = await db
    .insert(caseParties)
    .values({
      caseId: made.id,
      role: 'referrer',
      name: 'Rita Adviser',
      organisation: 'Warrington SENDIASS',
      email: emails.referrer,
      contactPreferences: { methods: ['email'] },
    })
    .returning()
  const [permission] = await db
    .insert(partyPermissions)
    .values({
      caseId: made.id,
      partyId: referrer!.id,
      givenBy: 'Sarah Hartley',
      givenOn: t.clock.today(),
      how: 'By phone',
      forWhat: 'To help with the mediation',
      createdAt: t.clock.now(),
    })
    .returning()

  const other = await makeCase(t.database, t.clock, { parentName: 'Priya Shah', childName: 'Arjun Shah' })
  const [otherParent] = await db
    .update(caseParties)
    .set({ email: emails.otherParent, contactPreferences: { methods: ['email'], email: emails.otherParent } })
    .where(and(eq(caseParties.caseId, other.id), eq(caseParties.role, 'parent')))
    .returning()
  const [parent] = await db.select().from(caseParties).where(eq(caseParties.id, made.parent.id))
  return {
    ...made,
    parent: parent!,
    referrer: referrer!,
    permission: permission!,
    other: { ...other, parent: otherParent! },
  }
}

/** The sign-in link in the newest email queued to this address. */
export async function latestLink(t: TestApp, email: string): Promise<string> {
  const [row] = await t.database.db
    .select()
    .from(messages)
    .where(and(eq(messages.recipientAddress, email), eq(messages.templateKey, 'portal-sign-in-link')))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(1)
  assert.ok(row, `no sign-in email to ${email}`)
  const link = /https?:\/\/\S+\/portal\/sign-in\/[A-Za-z0-9_-]{43}/.exec(row.body)?.[0]
  assert.ok(link, 'the email has a sign-in link')
  return new URL(link).pathname
}

/** Signs in as the party with this email, through the pages. */
export async function signInAsParty(t: TestApp, email: string, agent = new Agent(t.app)): Promise<Agent> {
  const asked = await agent.submit('/portal/sign-in', { contact: email })
  assert.equal(asked.statusCode, 303, `asking for a link: ${asked.statusCode} ${asked.body.slice(0, 200)}`)
  const path = await latestLink(t, email)
  const page = await agent.get(path)
  assert.equal(page.statusCode, 200, 'the link shows the continue button')
  const signedIn = await agent.post(path)
  assert.equal(signedIn.statusCode, 303, `continuing: ${signedIn.statusCode}`)
  return agent
}

/** A sign-in link made directly (as if emailed), for tests that are not about asking for one. */
export async function linkFor(t: TestApp, partyId: string, minutes = 30): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await t.database.db.insert(portalSignIns).values({
    tokenHash: sha256(token),
    partyId,
    channel: 'email',
    createdAt: t.clock.now(),
    expiresAt: new Date(t.clock.now().getTime() + minutes * 60_000),
  })
  return `/portal/sign-in/${token}`
}

/** Signs in as the party through the link pages (the link made directly). */
export async function signInWithLink(t: TestApp, partyId: string, agent = new Agent(t.app)): Promise<Agent> {
  const path = await linkFor(t, partyId)
  assert.equal((await agent.get(path)).statusCode, 200)
  const res = await agent.post(path)
  assert.equal(res.statusCode, 303, `signing in: ${res.statusCode}`)
  return agent
}

/** The routes the app has, from its route tree: "GET /portal/summary", ... (HEAD left out). */
export function registeredRoutes(app: FastifyInstance): string[] {
  const stack: string[] = []
  const found: string[] = []
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:[│ ] {3})*)(?:├── |└── )(.+?)(?: \(([^)]+)\))?$/.exec(line)
    if (!match) continue
    const depth = match[1]!.length / 4
    stack[depth] = (depth ? stack[depth - 1] : '') + match[2]!
    stack.length = depth + 1
    for (const method of (match[3] ?? '').split(', ').filter((m) => m && m !== 'HEAD'))
      found.push(`${method} ${stack[depth]}`)
  }
  return found
}
