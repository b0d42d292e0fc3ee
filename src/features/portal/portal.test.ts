// Every portal route, walked from the app's own route table, with: no session, the right party,
// a different party of the same case, and a party of another case. Then the things each page
// promises: the timeline's plain words (and no staff notes), the appeal deadline, summaries kept
// private until released, uploads checked by content, a third party's access ending with the
// family's permission, the idle timeout and signing out everywhere. One long file: the walk and the
// promises share one set of fixtures, a whole case as a party sees it.
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { and, eq } from 'drizzle-orm'
import type { LightMyRequestResponse } from 'fastify'
import { Agent } from '../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { assertFormErrors, html, titleOf } from '../../../test/helpers/html.ts'
import {
  accessLog,
  agreementAcceptances,
  agreementPoints,
  agreements,
  attendees,
  caseEvents,
  caseParties,
  cases,
  certificates,
  meetingResponses,
  meetings,
  messages,
  partyAvailability,
  partyContacts,
  partyFeedback,
  partyPermissions,
  sessions,
  summaries,
  venues,
} from '../../db/schema/index.ts'
import { appendEvent } from '../cases/index.ts'
import { docxBytes, exeBytes, pdfBytes, submitMultipart } from '../preparation/testing.ts'
import { currentCalendar } from '../settings/index.ts'
import { emails, portalCases, registeredRoutes, signInWithLink } from './testing.ts'

/** A form that adds something carries its one-time key, as the page gives it. */
const withKey = <T extends Record<string, string>>(fields: T) => ({ submissionKey: randomUUID(), ...fields })

const secrets = {
  parentSummary: 'PARENT-PRIVATE-SUMMARY-7731',
  parentAttendee: 'Auntie Marker Person',
  parentPhone: '07700 900 555',
  staffNote: 'STAFF-NOTE-MARKER-4410',
  staffReason: 'STAFF-REASON-MARKER-9921',
  childViews: 'CHILD-VIEWS-MARKER-2210',
}

describe('the parties portal: every route, every kind of visitor', () => {
  let t: TestApp
  let f: Awaited<ReturnType<typeof portalCases>>
  const ids: Record<string, string> = {}
  let firstDay = ''
  /** The email address of the party making the requests. */
  let caller = ''

  before(async () => {
    t = await createTestApp()
    f = await portalCases(t)
    const db = t.database.db
    const now = t.clock.now()
    const coordinator = await createStaff(t.database, 'cora@example.com', ['coordinator'], 'Cora Ordinator')
    await db.update(caseParties).set({ phone: secrets.parentPhone }).where(eq(caseParties.id, f.parent.id))
    // What staff wrote, which no party may ever read.
    await db.insert(partyContacts).values({
      caseId: f.id,
      partyId: f.parent.id,
      contactedOn: t.clock.today(),
      method: 'phone',
      byUserId: coordinator.id,
      note: secrets.staffNote,
      createdAt: now,
    })
    await db.transaction((tx) =>
      appendEvent(tx, t.clock, {
        caseId: f.id,
        type: 'scope-decided',
        actor: { userId: coordinator.id, label: 'Cora Ordinator' },
        data: { scope: 'sen-mediation', reason: secrets.staffReason },
      }),
    )
    // The parent's own things (private to them until released), and the school's uploaded summary.
    await db
      .insert(summaries)
      .values({ caseId: f.id, partyId: f.parent.id, text: secrets.parentSummary, submittedAt: now })
    const [schoolSummary] = await db
      .insert(summaries)
      .values({
        caseId: f.id,
        partyId: f.school.id,
        fileName: 'school.pdf',
        fileType: 'application/pdf',
        fileSize: pdfBytes().length,
        file: pdfBytes(),
        submittedAt: now,
      })
      .returning()
    const [parentFile] = await db
      .insert(summaries)
      .values({
        caseId: f.id,
        partyId: f.parent.id,
        fileName: 'ours.pdf',
        fileType: 'application/pdf',
        fileSize: pdfBytes().length,
        file: pdfBytes(),
        submittedAt: new Date(now.getTime() - 60_000),
      })
      .returning()
    const [attendee] = await db
      .insert(attendees)
      .values({
        caseId: f.id,
        partyId: f.parent.id,
        name: secrets.parentAttendee,
        role: 'My aunt',
        isSupporter: true,
        createdAt: now,
      })
      .returning()
    const [venue] = await db
      .insert(venues)
      .values({
        name: 'Quiet Rooms',
        kind: 'in-person',
        address: '1 Bridge Street, Warrington',
        postcode: 'WA1 2AA',
        stepFree: true,
        createdAt: now,
      })
      .returning()
    const [meeting] = await db
      .insert(meetings)
      .values({
        caseId: f.id,
        venueId: venue!.id,
        day: '2026-12-10',
        startTime: '10:00',
        endTime: '13:00',
        icsUid: 'test-meeting@parley',
        noticeSentOn: t.clock.today(),
        bookedAt: now,
      })
      .returning()
    const [certificate] = await db
      .insert(certificates)
      .values({
        caseId: f.id,
        kind: 'declined',
        issuedOn: t.clock.today(),
        createdAt: now,
        content: {
          number: 'MED-2026-000001-C1',
          kind: 'declined',
          kindLabel: 'the parent or young person declining mediation',
          issuedOn: t.clock.today(),
          issuedTo: { name: 'Sarah Hartley', role: 'parent' },
          child: { name: 'Amelia Hartley', dateOfBirth: '2015-03-14' },
          localAuthority: 'Warrington Borough Council',
          decision: { description: 'Not to change the EHC plan after a review', letterDate: '2026-10-19' },
          provider: { name: 'KIDS', address: '1 Street', phone: '0300 000 000' },
          caseReference: f.reference,
        },
      })
      .returning()
    const [letter] = await db
      .insert(messages)
      .values({
        caseId: f.id,
        partyId: f.parent.id,
        channel: 'letter',
        recipientName: 'Sarah Hartley',
        recipientAddress: '2 Lane, Warrington, WA1 1AA',
        templateKey: 'case-update',
        subject: 'An update about your request',
        body: 'Dear Sarah Hartley,\n\nWe are still waiting to hear.',
        nextAttemptAt: now,
        createdAt: now,
      })
      .returning()
    const [agreement] = await db
      .insert(agreements)
      .values({ caseId: f.id, meetingId: meeting!.id, createdAt: now, updatedAt: now })
      .returning()
    await db.insert(agreementPoints).values({
      agreementId: agreement!.id,
      caseId: f.id,
      position: 1,
      responsiblePartyId: f.council.id,
      what: 'Send the amended plan',
      byWhen: '2027-01-15',
      dueDate: '2027-01-15',
      createdAt: now,
    })
    Object.assign(ids, {
      schoolSummary: schoolSummary!.id,
      parentFile: parentFile!.id,
      attendee: attendee!.id,
      meeting: meeting!.id,
      certificate: certificate!.id,
      letter: letter!.id,
      agreement: agreement!.id,
      permission: f.permission.id,
    })
    firstDay = (await currentCalendar(db)).addWorkingDays(t.clock.today(), 1)
  })
  after(() => t.close())

  interface Row {
    route: string
    url: () => string
    fields?: () => Record<string, string>
    /** The right party's answer. */
    own: number
    /** What a party who is not meant to see it gets (another party of the case; a party of another case). */
    sameCase?: number
    otherCase?: number
    /** A GET whose page is checked for the parent's private things. */
    page?: boolean
  }

  const rows: Row[] = [
    { route: 'GET /portal', url: () => '/portal', own: 200, page: true },
    { route: 'GET /portal/cases', url: () => '/portal/cases', own: 200, page: true },
    {
      route: 'POST /portal/cases',
      url: () => '/portal/cases',
      fields: () => ({ partyId: f.parent.id }),
      own: 303,
      sameCase: 404,
      otherCase: 404,
    },
    { route: 'GET /portal/contact', url: () => '/portal/contact', own: 200, page: true },
    // Each party saves their own details (the address they signed in with).
    {
      route: 'POST /portal/contact',
      url: () => '/portal/contact',
      fields: () => ({
        version: '1',
        methods: 'email',
        email: caller,
        phone: '',
        address: '',
        bestTimes: '',
        language: '',
        details: '',
      }),
      own: 303,
    },
    { route: 'GET /portal/attendees', url: () => '/portal/attendees', own: 200, page: true },
    {
      route: 'POST /portal/attendees',
      url: () => '/portal/attendees',
      fields: () => withKey({ name: 'Jo Friend', role: 'A friend' }),
      own: 303,
    },
    {
      route: 'POST /portal/attendees/:attendeeId/remove',
      url: () => `/portal/attendees/${ids.attendee}/remove`,
      own: 303,
      sameCase: 404,
      otherCase: 404,
    },
    { route: 'GET /portal/availability', url: () => '/portal/availability', own: 200, page: true },
    {
      route: 'POST /portal/availability',
      url: () => '/portal/availability',
      fields: () => ({ [`day-${firstDay}`]: 'morning' }),
      own: 303,
    },
    { route: 'GET /portal/meeting', url: () => '/portal/meeting', own: 200, page: true },
    {
      route: 'POST /portal/meeting',
      url: () => '/portal/meeting',
      fields: () => ({ meetingId: ids.meeting!, attending: 'yes', note: '' }),
      own: 303,
      otherCase: 404,
    },
    { route: 'GET /portal/summary', url: () => '/portal/summary', own: 200, page: true },
    {
      route: 'POST /portal/summary',
      url: () => '/portal/summary',
      fields: () => withKey({ summaryText: 'What matters to us is the speech therapy.' }),
      own: 303,
    },
    {
      route: 'GET /portal/summary/:summaryId/download',
      url: () => `/portal/summary/${ids.parentFile}/download`,
      own: 200,
      sameCase: 404,
      otherCase: 404,
    },
    { route: 'GET /portal/agreement', url: () => '/portal/agreement', own: 200, page: true },
    {
      route: 'POST /portal/agreement/accept',
      url: () => '/portal/agreement/accept',
      fields: () => ({ agreementId: ids.agreement!, version: '1' }),
      own: 303,
      otherCase: 404,
    },
    // A draft has no PDF; the final agreement's is checked below.
    {
      route: 'GET /portal/agreement/agreement.pdf',
      url: () => '/portal/agreement/agreement.pdf',
      own: 404,
      sameCase: 404,
      otherCase: 404,
    },
    { route: 'GET /portal/documents', url: () => '/portal/documents', own: 200, page: true },
    {
      route: 'GET /portal/documents/certificates/:file',
      url: () => `/portal/documents/certificates/${ids.certificate}.pdf`,
      own: 200,
      sameCase: 404,
      otherCase: 404,
    },
    {
      route: 'GET /portal/documents/letters/:file',
      url: () => `/portal/documents/letters/${ids.letter}.pdf`,
      own: 200,
      sameCase: 404,
      otherCase: 404,
    },
    { route: 'GET /portal/feedback', url: () => '/portal/feedback', own: 200, page: true },
    {
      route: 'POST /portal/feedback',
      url: () => '/portal/feedback',
      fields: () => withKey({ satisfaction: 'satisfied', heard: 'yes', comment: '' }),
      own: 303,
    },
    { route: 'GET /portal/complaint', url: () => '/portal/complaint', own: 200, page: true },
    {
      route: 'POST /portal/complaint',
      url: () => '/portal/complaint',
      fields: () => withKey({ complaint: 'Nobody called me back.', outcome: '' }),
      own: 303,
    },
    { route: 'GET /portal/complaint/received', url: () => '/portal/complaint/received', own: 200, page: true },
    // Only the family says who acts for them.
    { route: 'GET /portal/permissions', url: () => '/portal/permissions', own: 200, sameCase: 404, page: true },
    {
      route: 'POST /portal/permissions/:permissionId/withdraw',
      url: () => `/portal/permissions/${ids.permission}/withdraw`,
      own: 303,
      sameCase: 404,
      otherCase: 404,
    },
    { route: 'GET /portal/still-here', url: () => '/portal/still-here', own: 204 },
    { route: 'POST /portal/sign-out-everywhere', url: () => '/portal/sign-out-everywhere', own: 303 },
  ]
  // Open to anyone (they are how a party signs in), tested in sign-in.test.ts.
  const publicRoutes = [
    'GET /portal/sign-in',
    'POST /portal/sign-in',
    'GET /portal/sign-in/sent',
    'GET /portal/sign-in/code',
    'POST /portal/sign-in/code',
    'GET /portal/sign-in/:token',
    'POST /portal/sign-in/:token',
    'GET /portal/sign-out',
    'POST /portal/sign-out',
    'GET /portal/signed-out',
  ]

  test('the table below covers every /portal route the app has, and each declares who may use it', () => {
    const portal = registeredRoutes(t.app).filter((r) => r.split(' ')[1]!.startsWith('/portal'))
    assert.deepEqual([...portal].sort(), [...rows.map((r) => r.route), ...publicRoutes].sort())
  })

  async function call(agent: Agent, row: Row): Promise<LightMyRequestResponse> {
    if (!row.route.startsWith('POST')) return agent.get(row.url())
    return agent.post(row.url(), row.fields?.() ?? {})
  }

  /** The parent's private things, and staff notes, must not be on a page meant for someone else. */
  function assertNothingPrivate(res: LightMyRequestResponse, what: string, alsoHidden: string[] = []) {
    for (const secret of [
      secrets.parentSummary,
      secrets.parentAttendee,
      secrets.parentPhone,
      emails.parent,
      secrets.staffNote,
      secrets.staffReason,
      ...alsoHidden,
    ]) {
      assert.ok(!res.body.includes(secret), `${what} shows ${secret}`)
    }
  }

  test('with no session, every party route sends the visitor to sign in (GET and POST)', async () => {
    const agent = new Agent(t.app)
    await agent.get('/portal/sign-in') // a session with a form token, but nobody signed in
    for (const row of rows) {
      const res = await call(agent, row)
      assert.equal(res.statusCode, 303, `${row.route} with no session: ${res.statusCode}`)
      assert.equal(res.headers.location, '/portal/sign-in', row.route)
    }
  })

  test("a different party of the same case (the council) never sees the parent's private things", async () => {
    const council = await signInWithLink(t, f.council.id)
    caller = emails.council
    for (const row of rows.filter((r) => r.route !== 'POST /portal/sign-out-everywhere')) {
      await council.get('/portal/still-here')
      await council.get('/portal') // a fresh form token
      const res = await call(council, row)
      const expected = row.sameCase ?? row.own
      assert.equal(res.statusCode, expected, `${row.route} as the council: ${res.statusCode}`)
      if (row.page) assertNothingPrivate(res, `${row.route} as the council`)
    }
    // Their own summary page shows their summary, and not the parent's, while unreleased.
    const summary = await council.get('/portal/summary')
    assert.match(summary.body, /You can read them here once they are shared/)
  })

  test('a party of another case sees nothing of this case', async () => {
    const other = await signInWithLink(t, f.other.parent.id)
    caller = emails.otherParent
    for (const row of rows.filter((r) => r.route !== 'POST /portal/sign-out-everywhere')) {
      await other.get('/portal')
      const res = await call(other, row)
      const expected = row.otherCase ?? row.own
      assert.equal(res.statusCode, expected, `${row.route} as a party of another case: ${res.statusCode}`)
      if (row.page)
        assertNothingPrivate(res, `${row.route} as a party of another case`, [
          f.reference,
          'Amelia Hartley',
          emails.council,
          emails.school,
        ])
    }
  })

  test('the right party gets every page, and nothing staff wrote', async () => {
    const parent = await signInWithLink(t, f.parent.id)
    caller = emails.parent
    for (const row of rows) {
      const agent = row.route === 'POST /portal/sign-out-everywhere' ? await signInWithLink(t, f.parent.id) : parent
      await agent.get('/portal')
      const res = await call(agent, row)
      assert.equal(res.statusCode, row.own, `${row.route} as the parent: ${res.statusCode} ${res.body.slice(0, 300)}`)
      if (row.page) {
        assert.ok(titleOf(res).length > 0, `${row.route} has a title`)
        for (const secret of [secrets.staffNote, secrets.staffReason])
          assert.ok(!res.body.includes(secret), `${row.route} shows a staff note`)
      }
    }
    // Every look at the case by the party is in the access log, as staff looks are.
    const looks = await t.database.db.select().from(accessLog).where(eq(accessLog.partyId, f.parent.id))
    assert.ok(looks.length > 0 && looks.every((l) => l.caseId === f.id && l.userId === null))
    for (const path of ['/portal', '/portal/summary', '/portal/documents'])
      assert.ok(
        looks.some((l) => l.path === path),
        `${path} logged`,
      )
  })
})

describe('the parties portal: what the pages say and do', () => {
  let t: TestApp
  let f: Awaited<ReturnType<typeof portalCases>>

  before(async () => {
    t = await createTestApp()
    f = await portalCases(t)
  })
  after(() => t.close())

  test('the home page shows where things are, and the appeal deadline with the date it was worked out from', async () => {
    const parent = await signInWithLink(t, f.parent.id)
    const res = await parent.get('/portal')
    assert.equal(res.statusCode, 200)
    const dates = html(res).getElementById('key-dates')!.text.replace(/\s+/g, ' ')
    // The letter was sent Monday 19 October 2026: 2 months is Saturday 19 December, so Monday 21 December.
    assert.match(dates, /Last day to appeal to the SEND Tribunal/)
    assert.match(dates, /Monday 21 December 2026/)
    assert.match(dates, /decision letter: Monday 19 October 2026/)
    const history = html(res).getElementById('history')!.text
    assert.match(history, /We received the request for help/)

    // The council is not told the family's appeal deadline.
    const council = await signInWithLink(t, f.council.id)
    const theirs = await council.get('/portal')
    assert.ok(!theirs.body.includes('Last day to appeal'), 'the council sees no appeal deadline')
  })

  test('contact preferences: errors are linked to their fields, a save appends an event, a stale version is refused', async () => {
    const parent = await signInWithLink(t, f.parent.id)
    const bad = await parent.submit('/portal/contact', {
      version: '1',
      methods: ['email', 'post'],
      email: 'not an email',
      phone: '',
      address: '',
      bestTimes: '',
      adjustments: 'interpreter',
      language: '',
      details: '',
    })
    assertFormErrors(bad, ['email', 'address', 'language'])
    assert.match(html(bad).querySelector('#email')!.getAttribute('value') ?? '', /not an email/)

    const [before] = await t.database.db.select().from(caseParties).where(eq(caseParties.id, f.parent.id))
    const ok = await parent.submit('/portal/contact', {
      version: String(before!.version),
      methods: ['email', 'text'],
      email: emails.parent,
      phone: '07700 900 321',
      address: '',
      bestTimes: 'Mornings',
      adjustments: ['interpreter', 'large-print'],
      language: 'Polish',
      details: '',
    })
    assert.equal(ok.statusCode, 303)
    const [after] = await t.database.db.select().from(caseParties).where(eq(caseParties.id, f.parent.id))
    assert.deepEqual((after!.contactPreferences as { methods: string[] }).methods, ['email', 'text'])
    assert.deepEqual((after!.adjustments as { kinds: string[]; language: string }).kinds, [
      'interpreter',
      'large-print',
    ])
    assert.equal(after!.phone, '07700 900 321')
    const events = await t.database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, f.id), eq(caseEvents.type, 'contact-preferences-changed')))
    assert.equal(events.length, 1)
    assert.match(events[0]!.actorLabel, /through the portal/)

    const stale = await parent.submit('/portal/contact', {
      version: String(before!.version),
      methods: 'email',
      email: emails.parent,
      phone: '',
      address: '',
      bestTimes: '',
      language: '',
      details: '',
    })
    assert.equal(stale.statusCode, 409)
    assert.match(stale.body, /Someone else changed these details/)
  })

  test('availability: several days at once, from the portal, replacing earlier answers', async () => {
    const parent = await signInWithLink(t, f.parent.id)
    const calendar = await currentCalendar(t.database.db)
    const d1 = calendar.addWorkingDays(t.clock.today(), 1)
    const d2 = calendar.addWorkingDays(t.clock.today(), 2)
    const empty = await parent.submit('/portal/availability', {})
    assertFormErrors(empty, [`day-${d1}`])
    assert.equal(
      (await parent.submit('/portal/availability', { [`day-${d1}`]: 'all-day', [`day-${d2}`]: 'unavailable' }))
        .statusCode,
      303,
    )
    assert.equal((await parent.submit('/portal/availability', { [`day-${d1}`]: 'afternoon' })).statusCode, 303)
    const saved = await t.database.db.select().from(partyAvailability).where(eq(partyAvailability.partyId, f.parent.id))
    assert.deepEqual(
      saved.map((s) => [s.day, s.availability, s.source]).sort(),
      [
        [d1, 'afternoon', 'portal'],
        [d2, 'unavailable', 'portal'],
      ].sort(),
    )
    // A day not offered is refused.
    const odd = await parent.submit('/portal/availability', { 'day-2020-01-01': 'all-day' })
    assert.equal(odd.statusCode, 400)
  })

  test('who comes with them: added once even when the form is sent twice', async () => {
    const parent = await signInWithLink(t, f.parent.id)
    await parent.get('/portal/attendees')
    const key = '11111111-2222-4333-8444-555555555555'
    await parent.post('/portal/attendees', { submissionKey: key, name: 'Jo Friend', role: 'A friend' })
    await parent.post('/portal/attendees', { submissionKey: key, name: 'Jo Friend', role: 'A friend' })
    const rows = await t.database.db.select().from(attendees).where(eq(attendees.partyId, f.parent.id))
    assert.equal(rows.length, 1)
    assert.equal(rows[0]!.isSupporter, true)
    assertFormErrors(await parent.submit('/portal/attendees', withKey({ name: '', role: '' })), ['name', 'role'])
  })

  test('a form that adds something is refused without its one-time key, and adds nothing', async () => {
    const parent = await signInWithLink(t, f.parent.id)
    const db = t.database.db
    const counts = async () => [
      (await db.select().from(attendees).where(eq(attendees.partyId, f.parent.id))).length,
      (await db.select().from(partyFeedback).where(eq(partyFeedback.partyId, f.parent.id))).length,
      (await db.select().from(summaries).where(eq(summaries.partyId, f.parent.id))).length,
      (await db.select().from(caseEvents).where(eq(caseEvents.caseId, f.id))).length,
    ]
    const before = await counts()
    const refused = [
      await parent.submit('/portal/attendees', { name: 'Kim Keyless', role: 'A friend' }),
      await parent.submit('/portal/feedback', { satisfaction: 'satisfied', heard: 'yes', comment: '' }),
      await parent.submit('/portal/complaint', { complaint: 'No key.', outcome: '' }),
      await submitMultipart(t, parent, '/portal/summary', { summaryText: 'No key.' }),
    ]
    for (const res of refused) {
      assert.equal(res.statusCode, 400)
      assert.match(titleOf(res), /^Error: /)
      assert.match(
        html(res).querySelector('.govuk-error-summary')!.text,
        /This form is out of date. Reload the page and try again./,
      )
    }
    assert.equal(
      html(refused[0]!).getElementById('name')!.getAttribute('value'),
      'Kim Keyless',
      'what was typed is kept',
    )
    assert.deepEqual(await counts(), before)
  })

  test("summaries: typed or uploaded (a real PDF or .docx), a renamed program refused, the others' only once released", async () => {
    const parent = await signInWithLink(t, f.parent.id)
    const school = await signInWithLink(t, f.school.id)
    const pdf = await submitMultipart(t, parent, '/portal/summary', withKey({}), {
      name: 'our-summary.pdf',
      type: 'application/pdf',
      bytes: pdfBytes(),
    })
    assert.equal(pdf.statusCode, 303, pdf.body.slice(0, 300))
    const exe = await submitMultipart(t, parent, '/portal/summary', withKey({}), {
      name: 'summary.pdf',
      type: 'application/pdf',
      bytes: exeBytes(),
    })
    assertFormErrors(exe, ['document'])
    const docx = await submitMultipart(t, school, '/portal/summary', withKey({}), {
      name: 'school.docx',
      type: 'application/octet-stream',
      bytes: docxBytes(),
    })
    assert.equal(docx.statusCode, 303)
    const nothing = await submitMultipart(t, school, '/portal/summary', withKey({}))
    assertFormErrors(nothing, ['summaryText'])

    const [parentSummary] = await t.database.db.select().from(summaries).where(eq(summaries.partyId, f.parent.id))
    assert.equal(parentSummary!.fileType, 'application/pdf')
    // Before release: the school cannot download the parent's summary; the parent can.
    assert.equal((await school.get(`/portal/summary/${parentSummary!.id}/download`)).statusCode, 404)
    const own = await parent.get(`/portal/summary/${parentSummary!.id}/download`)
    assert.equal(own.statusCode, 200)
    assert.equal(own.headers['content-type'], 'application/pdf')

    await t.database.db.update(cases).set({ summariesReleasedAt: t.clock.now() }).where(eq(cases.id, f.id))
    assert.equal((await school.get(`/portal/summary/${parentSummary!.id}/download`)).statusCode, 200)
    const page = await school.get('/portal/summary')
    assert.match(html(page).getElementById('other-summaries')!.text, /Sarah Hartley/)
    // Once released, nobody can send a new one.
    const late = await submitMultipart(t, parent, '/portal/summary', withKey({ summaryText: 'Too late' }))
    assert.equal(late.statusCode, 400)
    assert.match(late.body, /already been shared with everyone/)
  })

  test('the meeting: details, and coming or not', async () => {
    const now = t.clock.now()
    const [venue] = await t.database.db
      .insert(venues)
      .values({ name: 'Quiet Rooms', kind: 'in-person', address: '1 Bridge Street', hearingLoop: true, createdAt: now })
      .returning()
    const [meeting] = await t.database.db
      .insert(meetings)
      .values({
        caseId: f.id,
        venueId: venue!.id,
        day: '2026-12-10',
        startTime: '09:30',
        endTime: '12:30',
        icsUid: 'portal-meeting@test',
        icsSequence: 2,
        noticeSentOn: t.clock.today(),
        bookedAt: now,
      })
      .returning()
    const parent = await signInWithLink(t, f.parent.id)
    const page = await parent.get('/portal/meeting')
    const details = html(page).getElementById('meeting-details')!.text.replace(/\s+/g, ' ')
    assert.match(details, /Thursday 10 December 2026/)
    assert.match(details, /9:30am to 12:30pm/)
    assert.match(details, /Quiet Rooms/)
    assertFormErrors(await parent.submit('/portal/meeting', { meetingId: meeting!.id, note: '' }), ['attending'])
    assert.equal(
      (await parent.submit('/portal/meeting', { meetingId: meeting!.id, attending: 'no', note: 'I am away' }))
        .statusCode,
      303,
    )
    const [response] = await t.database.db
      .select()
      .from(meetingResponses)
      .where(eq(meetingResponses.partyId, f.parent.id))
    assert.equal(response!.attending, false)
    assert.equal(response!.icsSequence, 2)
    const home = await parent.get('/portal')
    assert.match(html(home).getElementById('key-dates')!.text, /Thursday 10 December 2026/)
  })

  test('feedback and complaints are recorded once, for staff, and the complaint says what happens next', async () => {
    const parent = await signInWithLink(t, f.parent.id)
    assertFormErrors(await parent.submit('/portal/feedback', withKey({ comment: '' })), ['satisfaction', 'heard'])
    await parent.get('/portal/feedback')
    const key = '21111111-2222-4333-8444-555555555555'
    await parent.post('/portal/feedback', {
      submissionKey: key,
      satisfaction: 'very-satisfied',
      heard: 'yes',
      comment: 'Kind and clear.',
    })
    await parent.post('/portal/feedback', {
      submissionKey: key,
      satisfaction: 'very-satisfied',
      heard: 'yes',
      comment: 'Kind and clear.',
    })
    assertFormErrors(await parent.submit('/portal/complaint', withKey({ complaint: '', outcome: '' })), ['complaint'])
    const sent = await parent.submit(
      '/portal/complaint',
      withKey({ complaint: 'Nobody called me back.', outcome: 'A call' }),
    )
    assert.equal(sent.headers.location, '/portal/complaint/received')
    const received = await parent.get('/portal/complaint/received')
    assert.match(received.body, /Civil Mediation Council/)
    assert.match(received.body, /within 1 month of our answer, and within 6 months/)
    const rows = await t.database.db.select().from(partyFeedback).where(eq(partyFeedback.caseId, f.id))
    assert.deepEqual(rows.map((r) => r.kind).sort(), ['complaint', 'feedback'])

    // Staff read them on the case's portal page.
    await createStaff(t.database, 'coordinator@example.com', ['coordinator'], 'Cora Ordinator')
    const staff = await new Agent(t.app).signIn('coordinator@example.com')
    const page = await staff.get(`/cases/${f.id}/portal`)
    assert.equal(page.statusCode, 200)
    assert.match(html(page).getElementById('complaints')!.text, /Nobody called me back/)
    assert.match(html(page).getElementById('feedback')!.text, /Kind and clear/)
  })

  test("a third party sees the case only while the family's permission stands; withdrawing it ends their session at once", async () => {
    const referrer = await signInWithLink(t, f.referrer.id)
    assert.equal((await referrer.get('/portal')).statusCode, 200)
    // Someone acting for the family does not prepare for the meeting or read the family's documents.
    assert.equal((await referrer.get('/portal/summary')).statusCode, 404)
    assert.equal((await referrer.get('/portal/documents')).statusCode, 404)

    const parent = await signInWithLink(t, f.parent.id)
    const list = await parent.get('/portal/permissions')
    assert.match(list.body, /Rita Adviser, Warrington SENDIASS/)
    assert.equal((await parent.post(`/portal/permissions/${f.permission.id}/withdraw`)).statusCode, 303)
    const refused = await referrer.get('/portal')
    assert.equal(refused.statusCode, 303)
    assert.equal(refused.headers.location, '/portal/sign-in')
    const left = await t.database.db.select().from(sessions)
    assert.ok(!left.some((s) => (s.data as { partyId?: string }).partyId === f.referrer.id), 'their sessions are gone')
    const events = await t.database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, f.id), eq(caseEvents.type, 'permission-withdrawn')))
    assert.equal(events.length, 1)
    // A new link does not let them back in.
    const again = new Agent(t.app)
    await again.submit('/portal/sign-in', { contact: emails.referrer })
    const queued = await t.database.db.select().from(messages).where(eq(messages.recipientAddress, emails.referrer))
    assert.equal(queued.length, 0, 'no link is sent to someone without permission')

    // Staff record a new permission; they can sign in again.
    await createStaff(t.database, 'coord2@example.com', ['coordinator'], 'Cy Ordinator')
    const staff = await new Agent(t.app).signIn('coord2@example.com')
    await staff.get(`/cases/${f.id}/portal`)
    const form = await staff.post(`/cases/${f.id}/portal/permissions`, {
      submissionKey: randomUUID(),
      party: '',
      givenBy: '',
      'givenOn-day': '',
      'givenOn-month': '',
      'givenOn-year': '',
      how: '',
      forWhat: '',
    })
    assertFormErrors(form, ['party', 'givenBy', 'givenOn-day'])
    const [d, m, y] = [
      String(Number(t.clock.today().slice(8))),
      String(Number(t.clock.today().slice(5, 7))),
      t.clock.today().slice(0, 4),
    ]
    const ok = await staff.post(`/cases/${f.id}/portal/permissions`, {
      submissionKey: randomUUID(),
      party: f.referrer.id,
      givenBy: 'Sarah Hartley',
      'givenOn-day': d,
      'givenOn-month': m,
      'givenOn-year': y,
      how: 'By phone',
      forWhat: '',
    })
    assert.equal(ok.statusCode, 303)
    const standing = await t.database.db
      .select()
      .from(partyPermissions)
      .where(eq(partyPermissions.partyId, f.referrer.id))
    assert.equal(standing.filter((p) => !p.withdrawnAt).length, 1)
    const back = await signInWithLink(t, f.referrer.id)
    assert.equal((await back.get('/portal')).statusCode, 200)
    // Staff can withdraw it too (the family said so by phone): their access ends at once.
    const recorded = standing.find((p) => !p.withdrawnAt)!
    await staff.get(`/cases/${f.id}/portal`)
    assert.equal((await staff.post(`/cases/${f.id}/portal/permissions/${recorded.id}/withdraw`)).statusCode, 303)
    assert.equal((await back.get('/portal')).headers.location, '/portal/sign-in')
    assert.equal(
      (await staff.post(`/cases/${f.id}/portal/permissions/${recorded.id}/withdraw`)).statusCode,
      404,
      'already withdrawn',
    )
    // A mediator (not a case worker) may not use the staff page.
    await createStaff(t.database, 'med@example.com', ['mediator'], 'Mo Mediator')
    const mediator = await new Agent(t.app).signIn('med@example.com')
    assert.equal((await mediator.get(`/cases/${f.id}/portal`)).statusCode, 403)
  })

  test('a party is signed out after PORTAL_IDLE_MINUTES of doing nothing, and each page says when', async () => {
    const parent = await signInWithLink(t, f.parent.id)
    const page = await parent.get('/portal')
    assert.match(html(page).getElementById('idle-notice')!.text, /we will sign you out at 10:30am/)
    t.clock.set(new Date(t.clock.now().getTime() + 29 * 60_000))
    assert.equal((await parent.get('/portal')).statusCode, 200, 'still signed in after 29 minutes')
    t.clock.set(new Date(t.clock.now().getTime() + 29 * 60_000))
    assert.equal((await parent.get('/portal')).statusCode, 200, 'each request starts the 30 minutes again')
    t.clock.set(new Date(t.clock.now().getTime() + 31 * 60_000))
    const gone = await parent.get('/portal')
    assert.equal(gone.statusCode, 303)
    assert.equal(gone.headers.location, '/portal/sign-in')
    t.clock.set('2026-11-27T10:00:00Z')
  })

  test('sign out everywhere ends every session of that person, on every device', async () => {
    const phone = await signInWithLink(t, f.parent.id)
    const laptop = await signInWithLink(t, f.parent.id)
    const council = await signInWithLink(t, f.council.id)
    await laptop.get('/portal')
    const res = await laptop.post('/portal/sign-out-everywhere')
    assert.equal(res.headers.location, '/portal/signed-out?everywhere=yes')
    assert.equal((await phone.get('/portal')).statusCode, 303)
    assert.equal((await laptop.get('/portal')).statusCode, 303)
    assert.equal((await council.get('/portal')).statusCode, 200, 'another person stays signed in')
  })

  test('the final agreement: read, and downloaded as a PDF; a draft is accepted once per version', async () => {
    const now = t.clock.now()
    const [agreement] = await t.database.db
      .insert(agreements)
      .values({ caseId: f.id, createdAt: now, updatedAt: now, version: 3 })
      .returning()
    await t.database.db.insert(agreementPoints).values({
      agreementId: agreement!.id,
      caseId: f.id,
      position: 1,
      responsiblePartyId: f.council.id,
      what: 'Send the amended plan',
      dueDate: '2027-01-15',
      createdAt: now,
    })
    const parent = await signInWithLink(t, f.parent.id)
    const draft = await parent.get('/portal/agreement')
    assert.match(html(draft).getElementById('draft-agreement')!.text, /Send the amended plan/)
    assert.equal(
      (await parent.post('/portal/agreement/accept', { agreementId: agreement!.id, version: '2' })).statusCode,
      303,
    )
    assert.equal((await t.database.db.select().from(agreementAcceptances)).length, 0, 'a stale version is not accepted')
    await parent.get('/portal/agreement')
    await parent.post('/portal/agreement/accept', { agreementId: agreement!.id, version: '3' })
    await parent.post('/portal/agreement/accept', { agreementId: agreement!.id, version: '3' })
    const accepted = await t.database.db.select().from(agreementAcceptances)
    assert.equal(accepted.length, 1)
    assert.equal(accepted[0]!.how, 'portal')

    await t.database.db
      .update(agreements)
      .set({
        status: 'final',
        finalisedOn: t.clock.today(),
        finalContent: {
          title: 'Mediation agreement',
          caseReference: f.reference,
          service: 'KIDS',
          childName: 'Amelia Hartley',
          madeOn: t.clock.today(),
          version: 3,
          meeting: null,
          parties: [{ name: 'Sarah Hartley', accepted: 'Accepted online' }],
          attended: [],
          groundRules: [],
          outcome: 'agreement',
          points: [
            {
              number: 1,
              responsible: 'The council',
              what: 'Send the amended plan',
              byWhen: '2027-01-15',
              howKnown: null,
              appealable: null,
              ownTimescaleAgreed: false,
              statutoryDueDate: '2027-01-15',
              dueDate: '2027-01-15',
              rule: 'Agreed.',
            },
          ],
          notAgreed: [],
          checkInsAgreed: false,
          acceptanceNote: null,
          provider: { name: 'KIDS', phone: '0300 000 000', email: 'help@example.org' },
        },
      })
      .where(eq(agreements.id, agreement!.id))
    const final = await parent.get('/portal/agreement')
    assert.match(html(final).getElementById('final-agreement')!.text, /Send the amended plan/)
    const pdf = await parent.get('/portal/agreement/agreement.pdf')
    assert.equal(pdf.statusCode, 200)
    assert.equal(pdf.headers['content-type'], 'application/pdf')
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-')
    const docs = await parent.get('/portal/documents')
    assert.match(html(docs).getElementById('agreement-document')!.text, /The final agreement/)
  })
})
