// The people and records of the authorisation matrix (authorisation-matrix.test.ts), made once: two
// councils (A: Warrington, B: Halton), a full case of each (every kind of record a page can show),
// and one signed-in visitor for each identity of authorisation-matrix.expected.ts. Path parameters
// are filled with council A's records, so an identity's answer says whether it may see them.
import { randomBytes, randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { Agent } from '../helpers/agent.ts'
import { createStaff, type TestApp } from '../helpers/app.ts'
import {
  attendees,
  caseParties,
  localAuthorities,
  mediatorConflicts,
  mediatorUnavailability,
  partyPermissions,
  reportRuns,
  users,
} from '../../src/db/schema/index.ts'
import { issueToken } from '../../src/features/api/test-kit.ts'
import { fullCase, type Built } from '../../src/features/cases/test-kit.ts'
import { makeVenue } from '../../src/features/meetings/testing.ts'
import { insertMediator } from '../../src/features/mediators/testing.ts'
import { makeSession } from '../../src/features/sessions/testing.ts'
import { signInWithLink } from '../../src/features/portal/testing.ts'
import type { Identity } from './authorisation-matrix.rules.ts'

export interface Visitor {
  /** A browser without JavaScript (cookies and CSRF tokens kept), for every identity but the tokens. */
  agent: Agent
  /** The API token of a token identity (sent as a bearer token, with no cookies). */
  token?: string
  /** The address a token's system sends from. */
  address?: string
}

export interface MatrixFixtures {
  caseA: Built
  caseB: Built
  /** What no outsider may ever see of case A: its reference, child, family's name and contact details. */
  secretsOfA: string[]
  visitors: Record<Identity, Visitor>
  /** The value for each path parameter (":id" by the path's start, see fill()). */
  fill(path: string): string
}

const halton = {
  code: 'halton',
  name: 'Halton Borough Council',
  commissioned: true,
  freeForResidents: true,
  postcodeDistricts: ['WA7', 'WA8'],
  serviceName: 'Halton SEN Mediation',
  phone: '01632 960 888',
  address: '1 Example Road, Widnes',
  openingHours: 'Monday to Friday, 9am to 5pm',
}

export async function matrixFixtures(t: TestApp): Promise<MatrixFixtures> {
  const db = t.database.db
  const [warrington] = await db.select().from(localAuthorities).where(eq(localAuthorities.code, 'warrington'))
  const councilA = warrington!.id
  const councilB = (await db.insert(localAuthorities).values(halton).returning())[0]!.id
  // Cora (a coordinator of both councils, never a visitor here) runs both cases; Alice mediates both.
  const cora = await createStaff(t.database, 'cora@example.com', ['coordinator'], 'Cora Ordinator')
  const alice = await createStaff(t.database, 'alice@example.com', ['mediator'], 'Alice Able')
  // Mo: a mediator of the panel too, given neither case.
  const mo = await createStaff(t.database, 'mo@example.com', ['mediator'], 'Mo Mediator')
  await insertMediator(t.database, { name: 'Mo Mediator', email: 'mo.mediator@example.com', userId: mo.id })
  const mediator = await insertMediator(t.database, {
    name: 'Alice Able',
    email: 'alice.able@example.com',
    userId: alice.id,
  })
  const staff = { coordinatorId: cora.id, mediatorUserId: alice.id, mediatorId: mediator.id }
  const caseA = await fullCase(t, staff, councilA, 'Alfie Awarrington', 'Anna Awarrington')
  const caseB = await fullCase(t, staff, councilB, 'Bethany Beyond', 'Bella Beyond')
  // Each family its own address, or B's parent would be the same person as A's (and rightly see both).
  for (const [role, email] of [
    ['parent', 'bella.beyond@example.com'],
    ['local-authority', 'sen@halton.example.gov.uk'],
    ['school', 'office@beyond.example.sch.uk'],
  ] as const)
    await db
      .update(caseParties)
      .set({ email, phone: null })
      .where(and(eq(caseParties.caseId, caseB.id), eq(caseParties.role, role)))
  await db.update(caseParties).set({ phone: '07700 900 432' }).where(eq(caseParties.id, caseA.ids.partyId!))
  // Someone acting for A's family, whose permission is withdrawn once they are signed in.
  const [referrer] = await db
    .insert(caseParties)
    .values({
      caseId: caseA.id,
      role: 'referrer',
      name: 'Rita Adviser',
      organisation: 'Warrington SENDIASS',
      email: 'rita.adviser@sendiass.example.org',
      contactPreferences: { methods: ['email'] },
    })
    .returning()
  const [permission] = await db
    .insert(partyPermissions)
    .values({
      caseId: caseA.id,
      partyId: referrer!.id,
      givenBy: 'Anna Awarrington',
      givenOn: t.clock.today(),
      createdAt: t.clock.now(),
    })
    .returning()

  // Each visitor over HTTPS (behind the proxy), from an address of their own, so that the limits on
  // public forms count each apart.
  let addresses = 0
  const browser = () => new Agent(t.app, { https: true, headers: { 'x-forwarded-for': `192.0.2.${++addresses}` } })
  const staffOf = async (email: string, roles: Parameters<typeof createStaff>[2], councils?: string[]) => {
    if (roles.length) await createStaff(t.database, email, roles, email.split('@')[0], councils)
    return { agent: await browser().signIn(email) }
  }
  // Records of council A that are not a case, and people who are nobody's visitor (a page about
  // them may change them: an administrator's empty form must never disable a visitor).
  const target = await createStaff(t.database, 'target@example.com', ['coordinator'], 'Tara Target', [councilA])
  const tokenA = await issueToken(t, 'warrington', 'Council A system')
  const tokenB = await issueToken(t, 'halton', 'Council B system')
  const targetToken = await issueToken(t, 'warrington', 'A token to look at')
  const [run] = await db
    .insert(reportRuns)
    .values({
      requestedBy: target.id,
      councilIds: [councilA],
      councilName: warrington!.name,
      fromDate: '2026-07-01',
      toDate: '2026-09-30',
      stepsTotal: 3,
      createdAt: t.clock.now(),
    })
    .returning()
  const { venue, rooms } = await makeVenue(t.database, t.clock)
  const [conflict] = await db
    .insert(mediatorConflicts)
    .values({
      mediatorId: staff.mediatorId,
      organisationKind: 'school',
      organisationName: 'Hillside School',
      link: 'family',
      declaredOn: t.clock.today(),
    })
    .returning()
  const [away] = await db
    .insert(mediatorUnavailability)
    .values({ mediatorId: staff.mediatorId, fromDate: '2027-01-04', toDate: '2027-01-08' })
    .returning()

  const session = await makeSession(t, councilA, target.id)

  const withdrawn = await signInWithLink(t, referrer!.id, browser())
  await db
    .update(partyPermissions)
    .set({ withdrawnAt: t.clock.now(), withdrawnBy: 'Anna Awarrington' })
    .where(eq(partyPermissions.id, permission!.id))

  const anonymous = browser()
  await anonymous.get('/sign-in') // a visitor's session, with a form token, and nobody signed in
  const visitors: Record<Identity, Visitor> = {
    nobody: { agent: anonymous },
    coordinator: await staffOf('coordinator.a@example.com', ['coordinator'], [councilA]),
    manager: await staffOf('manager.a@example.com', ['manager'], [councilA]),
    administrator: await staffOf('administrator@example.com', ['administrator']),
    commissioner: await staffOf('commissioner.a@example.com', ['commissioner'], [councilA]),
    mediator: await staffOf('mo@example.com', []),
    caseMediator: await staffOf('alice@example.com', []),
    otherCouncil: await staffOf('staff.b@example.com', ['coordinator', 'manager'], [councilB]),
    party: { agent: await signInWithLink(t, caseA.ids.partyId!, browser()) },
    otherParty: { agent: await signInWithLink(t, caseB.ids.partyId!, browser()) },
    withdrawnParty: { agent: withdrawn },
    otherToken: { agent: browser(), token: tokenB.token, address: `192.0.2.${++addresses}` },
    token: { agent: browser(), token: tokenA.token, address: `192.0.2.${++addresses}` },
  }
  // A complaint about case A, recorded as staff do (its first stage and deadlines with it).
  const [y, m, d] = t.clock.today().split('-')
  const date = (name: string) => ({
    [`${name}-day`]: String(Number(d)),
    [`${name}-month`]: String(Number(m)),
    [`${name}-year`]: y!,
  })
  const recorded = await visitors.coordinator.agent.submit('/complaints/new', {
    submissionKey: randomUUID(),
    caseId: caseA.id,
    complainant: caseA.ids.partyId!,
    receivedVia: 'phone',
    ...date('receivedOn'),
    about: 'service',
    aboutMediator: '',
    aboutUser: '',
    whatHappened: 'Nobody called back.',
    ...date('happenedOn'),
    wantedOutcome: '',
    startStage: 'informal',
  })
  const complaintId = /^\/complaints\/([0-9a-f-]{36})$/.exec(String(recorded.headers.location))?.[1]
  if (!complaintId)
    throw new Error(`the complaint was not recorded: ${recorded.statusCode} ${recorded.body.slice(0, 300)}`)
  // A subject access request of council A, recorded by its manager (nobody in it found yet).
  const asked = await visitors.manager.agent.submit('/rights/new', {
    submissionKey: randomUUID(),
    kind: 'access',
    council: councilA,
    requesterName: 'Rowan Ashby',
    requesterRelationship: '',
    subjectName: 'Rowan Ashby',
    subjectEmail: '',
    subjectPhone: '',
    details: '',
    ...date('receivedOn'),
  })
  const rightsId = /^\/rights\/([0-9a-f-]{36})$/.exec(String(asked.headers.location))?.[1]
  if (!rightsId) throw new Error(`the rights request was not recorded: ${asked.statusCode} ${asked.body.slice(0, 300)}`)
  // The report run is the manager's, who asked for it.
  const [manager] = await db.select().from(users).where(eq(users.email, 'manager.a@example.com'))
  await db.update(reportRuns).set({ requestedBy: manager!.id }).where(eq(reportRuns.id, run!.id))
  // Every visitor holds a form token from a page of their own before the walk.
  for (const [who, v] of Object.entries(visitors)) {
    if (who === 'party' || who === 'otherParty' || who === 'withdrawnParty') await v.agent.get('/portal/sign-in')
    else if (!v.token && who !== 'nobody') await v.agent.get('/account/password')
  }

  const [attendee] = await db.select().from(attendees).where(eq(attendees.caseId, caseA.id)).limit(1)
  const known: Record<string, string> = {
    ...caseA.ids,
    reference: caseA.reference,
    token: randomBytes(32).toString('base64url'), // a sign-in link nobody was sent
    attendeeId: attendee!.id,
    file: `${caseA.ids.address}.pdf`,
    table: 'outcomes',
    council: 'warrington',
    councilId: councilA,
    page: 'privacy',
    key: 'case-update',
    conflictId: conflict!.id,
    entryId: away!.id,
    roomId: rooms[0]!.id,
  }
  // ":id" is the record the path is about, by where the path starts.
  const idOf: [string, string][] = [
    ['/admin/users/', target.id],
    ['/admin/councils/', councilA],
    ['/admin/retention/councils/', councilA],
    ['/admin/settings/authorities/', councilA],
    ['/admin/api-tokens/', targetToken.id],
    ['/admin/messages/', caseA.ids.messageId!],
    ['/reports/runs/', run!.id],
    ['/complaints/', complaintId],
    ['/rights/', rightsId],
    ['/mediators/', staff.mediatorId],
    ['/venues/', venue.id],
    ['/cases/', caseA.id],
    ['/sessions/', session],
    ['/services/', session],
  ]
  const fill = (path: string) => {
    const id = idOf.find(([start]) => path.startsWith(start))?.[1]
    return path.replace(/:(\w+)/g, (_, name: string) => (name === 'id' ? id : known[name]) ?? randomUUID())
  }
  return {
    caseA,
    caseB,
    secretsOfA: [
      caseA.reference,
      caseA.childName,
      caseA.parentName,
      'Awarrington',
      'sarah@example.com',
      '07700 900 432',
    ],
    visitors,
    fill,
  }
}
