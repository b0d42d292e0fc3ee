import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { unzipSync, strFromU8 } from 'fflate'
import { Agent } from '../../../test/helpers/agent.ts'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html } from '../../../test/helpers/html.ts'
import { auditTrail, rightsExports, rightsRequests } from '../../db/schema/index.ts'
import { EXPORT_KEPT_DAYS } from './export-service.ts'
import { runRightsExports } from './index.ts'
import { dateFields, familyCase, requestFields, requestIdOf, staffAgent, twoCouncils } from './testing.ts'

// Monday 7 December 2026.
const today = '2026-12-07'

describe('subject access', () => {
  let t: TestApp
  let managerA: Agent
  let managerB: Agent
  let coordinator: Agent
  let councils: { a: string; b: string }
  let one: Awaited<ReturnType<typeof familyCase>>
  let two: Awaited<ReturnType<typeof familyCase>>
  let other: Awaited<ReturnType<typeof familyCase>>
  let elsewhere: Awaited<ReturnType<typeof familyCase>>
  let requestId: string

  before(async () => {
    t = await createTestApp({ now: `${today}T10:00:00Z` })
    councils = await twoCouncils(t)
    managerA = await staffAgent(t, 'mara@example.com', ['manager'], [councils.a])
    managerB = await staffAgent(t, 'halle@example.com', ['manager'], [councils.b])
    coordinator = await staffAgent(t, 'cora@example.com', ['coordinator'], [councils.a])
    const sarah = { parent: 'Sarah Hartley', email: 'sarah.hartley@example.com', phone: '07700 900123' }
    one = await familyCase(t, councils.a, {
      ...sarah,
      child: 'Amelia Hartley',
      officer: 'Peter Grant',
      officerEmail: 'peter.grant@council.example',
    })
    two = await familyCase(t, councils.a, {
      ...sarah,
      child: 'Oliver Hartley',
      officer: 'Wendy Okoro',
      officerEmail: 'wendy.okoro@council.example',
    })
    other = await familyCase(t, councils.a, {
      child: 'Zoe Quinn',
      parent: 'Rachel Quinn',
      email: 'rachel@example.com',
      officer: 'Ian Ferris',
      officerEmail: 'ian@council.example',
    })
    elsewhere = await familyCase(t, councils.b, {
      ...sarah,
      child: 'Ruby Hartley',
      officer: 'Halton Officer',
      officerEmail: 'officer@halton.example',
    })
  })
  after(() => t.close())

  test('recorded once, due a calendar month after it was received, and only for staff who handle rights', async () => {
    const form = await managerA.get('/rights/new')
    assert.equal(form.statusCode, 200)
    const missing = await managerA.post(
      '/rights/new',
      requestFields({
        kind: 'erasure',
        council: councils.a,
        requesterName: '',
        subjectName: '',
        ...dateFields('receivedOn', '2026-12-08'),
      }),
    )
    assertFormErrors(missing, ['requesterName', 'subjectName', 'details', 'receivedOn-day'])
    assert.match(missing.body, /value="erasure" checked/) // what was typed is kept

    const fields = requestFields({
      kind: 'access',
      council: councils.a,
      requesterName: 'Sarah Hartley',
      requesterRelationship: 'Herself',
      subjectName: 'Sarah Hartley',
      subjectEmail: 'sarah.hartley@example.com',
      ...dateFields('receivedOn', today),
    })
    const res = await managerA.post('/rights/new', fields)
    requestId = requestIdOf(res)
    await managerA.post('/rights/new', fields) // a double submit
    const rows = await t.database.db
      .select()
      .from(rightsRequests)
      .where(eq(rightsRequests.subjectName, 'Sarah Hartley'))
    assert.equal(rows.length, 1)
    assert.equal(rows[0]!.dueOn, '2027-01-07')
    assert.match(rows[0]!.reference, /^DPR-2026-\d{6}$/)
    const [audit] = await t.database.db
      .select()
      .from(auditTrail)
      .where(and(eq(auditTrail.recordId, requestId), eq(auditTrail.action, 'rights.recorded')))
    assert.ok(audit, 'recording is in the audit trail')

    // On a Saturday, the month ends on the bank holiday of Monday 28 December: due the next working day.
    const weekend = await managerA.post(
      '/rights/new',
      requestFields({
        kind: 'rectification',
        council: councils.a,
        requesterName: 'Tom Bell',
        subjectName: 'Tom Bell',
        details: 'My phone number is wrong',
        ...dateFields('receivedOn', '2026-11-28'),
      }),
    )
    const [late] = await t.database.db
      .select()
      .from(rightsRequests)
      .where(eq(rightsRequests.id, requestIdOf(weekend)))
    assert.equal(late!.dueOn, '2026-12-29')

    assert.equal((await coordinator.get('/rights')).statusCode, 403)
    assert.equal((await coordinator.get(`/rights/${requestId}`)).statusCode, 403)
    assert.equal((await managerB.get(`/rights/${requestId}`)).statusCode, 404)
    assert.ok(!(await managerB.get('/rights')).body.includes('Sarah Hartley'))
  })

  test('the deadline shows on Today and on the list, with its status', async () => {
    const page = html(await managerA.get('/today'))
    const section = page.getElementById('rights-due')
    assert.ok(section, 'Today has the rights requests')
    // Soonest due first.
    assert.match(section.text, /Tom Bell[\s\S]*Rectification request[\s\S]*Tuesday 29 December 2026[\s\S]*in 22 days/)
    assert.match(
      section.text,
      /in 22 days[\s\S]*DPR-2026-\d{6}[\s\S]*Sarah Hartley[\s\S]*Subject access request[\s\S]*Thursday 7 January 2027[\s\S]*in 31 days/,
    )
    assert.equal(html(await coordinator.get('/today')).getElementById('rights-due'), null)
    assert.equal(html(await managerB.get('/today')).getElementById('rights-due'), null)

    const list = html(await managerA.get('/rights'))
    assert.match(list.getElementById('rights-list')!.text, /Tom Bell[\s\S]*Open[\s\S]*Sarah Hartley[\s\S]*Open/)
  })

  test('finds the person in every case this manager may see, by a misspelt name or an email', async () => {
    const res = await managerA.get(`/rights/${requestId}?search=1&name=Sara+Hartly&email=&phone=`)
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /Accept: we will send a copy of the data/) // a refusal, if any, is recorded with its reasons
    const rows = html(res)
      .querySelectorAll('#match-list .app-candidate')
      .map((r) => r.text)
    const text = rows.join('\n')
    assert.ok(text.includes(one.reference) && text.includes(two.reference), 'both of her cases')
    assert.ok(!text.includes(elsewhere.reference), 'never a case of another council')
    assert.ok(!text.includes(other.reference))
    const byPhone = await managerA.get(`/rights/${requestId}?search=1&name=&email=&phone=%2B44+7700+900123`)
    assert.equal(html(byPhone).querySelectorAll('#match-list .app-candidate').length, 2)
    assertFormErrors(await managerA.get(`/rights/${requestId}?search=1&name=&email=&phone=`), ['name'])
  })

  test('exports her data from both cases as one zip, with the other parties marked, and nothing of anyone else', async () => {
    const none = await managerA.post(`/rights/${requestId}/exports`, {})
    assert.equal(none.statusCode, 400)
    assert.match(none.body, /Choose where the person was found/)

    const found = await managerA.get(`/rights/${requestId}?search=1&name=&email=sarah.hartley%40example.com&phone=`)
    const boxes = html(found)
      .querySelectorAll('#match-list input[name=match]')
      .map((i) => i.getAttribute('value')!)
    assert.equal(boxes.length, 2)
    const version = html(found).querySelector('#matches input[name=version]')!.getAttribute('value')!
    assertRedirect(await managerA.post(`/rights/${requestId}/matches`, { version, shown: boxes, match: boxes }))
    const [saved] = await t.database.db.select().from(rightsRequests).where(eq(rightsRequests.id, requestId))
    assert.deepEqual(saved!.matches.map((m) => m.partyId).sort(), [one.parent.id, two.parent.id].sort())

    await managerA.get(`/rights/${requestId}`)
    assertRedirect(await managerA.post(`/rights/${requestId}/exports`, {}), `/rights/${requestId}#exports`)
    const page = html(await managerA.get(`/rights/${requestId}`))
    const chosen = page.querySelectorAll('#match-list .app-chosen-match').map((r) => r.text.replace(/\s+/g, ' '))
    assert.equal(chosen.length, 2)
    assert.ok(
      chosen.every((r) => /Parent or carer Sarah Hartley Chosen/.test(r)),
      chosen.join(' | '),
    )
    const link = page.querySelector('#export-list a')!.getAttribute('href')!
    const download = await managerA.get(link)
    assert.equal(download.statusCode, 200)
    assert.equal(download.headers['content-type'], 'application/zip')
    const files = unzipSync(new Uint8Array(download.rawPayload))
    const names = Object.keys(files).sort()
    assert.ok(names.includes('data.json') && names.includes('index.html'))
    assert.ok(names.includes(`cases/${one.reference}/case.html`) && names.includes(`cases/${two.reference}/case.html`))

    const everything = names.map((n) => strFromU8(files[n]!)).join('\n')
    for (const secret of [
      other.reference,
      'Rachel Quinn',
      'Zoe Quinn',
      elsewhere.reference,
      'Ruby Hartley',
      'a note meant for the council alone',
    ])
      assert.ok(!everything.includes(secret), `the export holds "${secret}"`)

    const data = JSON.parse(strFromU8(files['data.json']!))
    assert.deepEqual(
      data.cases.map((c: { reference: string }) => c.reference).sort(),
      [one.reference, two.reference].sort(),
    )
    const first = data.cases.find((c: { reference: string }) => c.reference === one.reference)
    const sarah = first.parties.find((p: { name: string }) => p.name === 'Sarah Hartley')
    const peter = first.parties.find((p: { name: string }) => p.name === 'Peter Grant')
    assert.equal(sarah.subject, true)
    assert.equal(sarah.thirdParty, false)
    assert.equal(peter.thirdParty, true)
    assert.equal(peter.email, 'peter.grant@council.example')
    assert.equal(first.messages.length, 1, 'only the messages sent to her')
    assert.match(first.messages[0].body, /Peter Grant of the council has replied/)
    assert.deepEqual(first.messages[0].thirdPartyMentions, ['Peter Grant'])
    assert.ok(first.timeline.length > 0, 'the case timeline')
    assert.equal(first.child.name, 'Amelia Hartley')
    assert.match(first.child.review, /act for the child/)

    const readable = strFromU8(files[`cases/${one.reference}/case.html`]!)
    assert.match(
      readable,
      /<mark class="third-party"><span class="visually-hidden">Third party: <\/span>Peter Grant<\/mark>/,
    )
    assert.match(readable, /<mark class="third-party">[^]*?peter\.grant@council\.example<\/mark>/)
    assert.ok(
      !readable.includes('<mark class="third-party"><span class="visually-hidden">Third party: </span>Sarah Hartley'),
    )

    const [audited] = await t.database.db
      .select()
      .from(auditTrail)
      .where(and(eq(auditTrail.action, 'download'), eq(auditTrail.recordId, link)))
    assert.ok(audited, 'the download is in the audit trail')
    assert.equal((await managerB.get(link)).statusCode, 404)
  })

  test('a large export is built by the job', async () => {
    const many = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) =>
        familyCase(t, councils.a, {
          child: `Child ${n} Marsh`,
          parent: 'Dana Marsh',
          email: 'dana@example.com',
          officer: `Officer ${n}`,
          officerEmail: `o${n}@council.example`,
        }),
      ),
    )
    const res = await managerA.post(
      '/rights/new',
      requestFields({
        kind: 'access',
        council: councils.a,
        requesterName: 'Dana Marsh',
        subjectName: 'Dana Marsh',
        ...dateFields('receivedOn', today),
      }),
    )
    const id = requestIdOf(res)
    const found = html(await managerA.get(`/rights/${id}?search=1&name=&email=dana%40example.com&phone=`))
    const boxes = found.querySelectorAll('#match-list input[name=match]').map((i) => i.getAttribute('value')!)
    assert.equal(boxes.length, many.length)
    const version = found.querySelector('#matches input[name=version]')!.getAttribute('value')!
    await managerA.post(`/rights/${id}/matches`, { version, shown: boxes, match: boxes })
    await managerA.post(`/rights/${id}/exports`, {})
    assert.match(html(await managerA.get(`/rights/${id}`)).getElementById('export-list')!.text, /being prepared/)
    assert.deepEqual(await runRightsExports({ db: t.database.db, clock: t.clock }), { built: 1, deleted: 0 })
    const [row] = await t.database.db.select().from(rightsExports).where(eq(rightsExports.requestId, id))
    assert.equal(row!.status, 'ready')
    const data = JSON.parse(strFromU8(unzipSync(new Uint8Array(row!.file!))['data.json']!))
    assert.equal(data.cases.length, 6)

    // Kept for EXPORT_KEPT_DAYS, then the job deletes the file: the page says so, the link is gone.
    const link = `/rights/${id}/exports/${row!.id}`
    const madeAt = t.clock.now()
    t.clock.set(new Date(madeAt.getTime() + EXPORT_KEPT_DAYS * 24 * 60 * 60 * 1000 - 60_000).toISOString())
    assert.deepEqual(await runRightsExports({ db: t.database.db, clock: t.clock }), { built: 0, deleted: 0 })
    const [kept] = await t.database.db.select().from(rightsExports).where(eq(rightsExports.id, row!.id))
    assert.equal(kept!.status, 'ready', 'kept until its time')
    t.clock.set(new Date(madeAt.getTime() + EXPORT_KEPT_DAYS * 24 * 60 * 60 * 1000 + 60_000).toISOString())
    // Every file made by then goes (the other tests' exports were made the same day as this one).
    const ready = await t.database.db.select().from(rightsExports).where(eq(rightsExports.status, 'ready'))
    assert.deepEqual(await runRightsExports({ db: t.database.db, clock: t.clock }), {
      built: 0,
      deleted: ready.length,
    })
    const [gone] = await t.database.db.select().from(rightsExports).where(eq(rightsExports.id, row!.id))
    assert.equal(gone!.status, 'deleted')
    assert.equal(gone!.file, null)
    const later = await new Agent(t.app).signIn('mara@example.com') // a month on: signed in again
    assert.equal((await later.get(link)).statusCode, 404)
    assert.match(
      html(await later.get(`/rights/${id}`)).getElementById('export-list')!.text,
      /deleted 30 days after it was made/,
    )
    t.clock.set(madeAt.toISOString())
  })
})
