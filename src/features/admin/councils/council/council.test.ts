// One council's page: its settings and signposting list, saved together with a version check and
// audited; a new update cadence moves the updates owed on its open cases (this page took over the
// old cadence page, /admin/settings/authorities/:id, which now leads here); a change shows at once.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Agent } from '../../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../../test/helpers/html.ts'
import { agencies, auditTrail, caseDeadlines, councilAgencies, localAuthorities } from '../../../../db/schema/index.ts'
import { runTask } from '../../../../../test/helpers/tasks.ts'
import { makeCase } from '../../../cases/testing.ts'
import { councilFields } from '../testing.ts'

describe('/admin/councils/:id', () => {
  let t: TestApp
  let admin: Agent
  let adminId: string
  let councilId: string
  let url: string
  before(async () => {
    t = await createTestApp()
    adminId = (await createStaff(t.database, 'admin@example.com', ['administrator'], 'Ada Admin')).id
    await createStaff(t.database, 'coord@example.com', ['coordinator'], 'Cora Coordinator')
    councilId = (await t.database.db.select().from(localAuthorities))[0]!.id
    url = `/admin/councils/${councilId}`
    admin = await new Agent(t.app).signIn('admin@example.com')
  })
  after(() => t.close())

  const council = async () =>
    (await t.database.db.select().from(localAuthorities).where(eq(localAuthorities.id, councilId)))[0]!
  const versionOn = (body: string) =>
    html({ body } as never)
      .querySelector('input[name="version"]')
      ?.getAttribute('value') ?? ''
  /** The council's fields as they are saved, with some changed. */
  const fieldsNow = async (page: string, change: Record<string, string | string[]> = {}) => {
    const c = await council()
    const listed = await t.database.db
      .select()
      .from(councilAgencies)
      .where(eq(councilAgencies.localAuthorityId, councilId))
      .orderBy(councilAgencies.sortOrder)
    return {
      ...councilFields({
        name: c.name,
        postcodeDistricts: c.postcodeDistricts.join(', '),
        serviceName: c.serviceName,
        phone: c.phone,
        email: c.email ?? '',
        address: c.address,
        openingHours: c.openingHours,
        updateCadenceWorkingDays: String(c.updateCadenceWorkingDays),
        letterHeading: c.letterHeading ?? '',
        letterSignature: c.letterSignature ?? '',
        complaintAcknowledgeWorkingDays: String(c.complaintAcknowledgeWorkingDays),
        complaintResponseWorkingDays: String(c.complaintResponseWorkingDays),
      }),
      agencies: listed.map((l) => l.agencyId),
      version: versionOn(page),
      ...change,
    }
  }

  it('shows the council’s settings to an administrator', async () => {
    const res = await admin.get(url)
    assert.equal(res.statusCode, 200)
    assert.match(titleOf(res), /^Warrington Borough Council - Councils - /)
    const doc = html(res)
    assert.equal(doc.getElementById('updateCadenceWorkingDays')?.getAttribute('value'), '10')
    assert.equal(doc.getElementById('postcodeDistricts')?.text.trim(), 'WA1, WA2, WA3, WA4, WA5, WA13')
    assert.equal(doc.getElementById('phone')?.getAttribute('value'), '03330 062 835')
    assert.equal(doc.querySelector('input[name="commissioned"][checked]')?.getAttribute('value'), 'yes')
    assert.equal(doc.getElementById('complaintAcknowledgeWorkingDays')?.getAttribute('value'), '3')
    assert.equal(doc.getElementById('complaintResponseWorkingDays')?.getAttribute('value'), '20')
    assert.equal(versionOn(res.body), '1')
    // A fresh install's council signposts to every agency.
    const all = await t.database.db.select().from(agencies)
    assert.equal(doc.querySelectorAll('input[name="agencies"][checked]').length, all.length)
  })

  it('refuses a number out of range, keeping it', async () => {
    const page = await admin.get(url)
    const res = await admin.post(url, await fieldsNow(page.body, { updateCadenceWorkingDays: '41' }))
    assertFormErrors(res, ['updateCadenceWorkingDays'])
    assert.match(res.body, /must be between 1 and 40/)
    assert.equal(html(res).getElementById('updateCadenceWorkingDays')?.getAttribute('value'), '41')
    assert.equal((await council()).updateCadenceWorkingDays, 10)
  })

  it('saves a new cadence and moves the update owed on the council’s open cases', async () => {
    const made = await makeCase(t.database, t.clock)
    const updateDue = async () =>
      (await t.database.db.select().from(caseDeadlines).where(eq(caseDeadlines.caseId, made.id)))
        .filter((d) => d.name.startsWith('update:'))
        .map((d) => d.dueDate)
    const before = await updateDue()
    assert.ok(before.length > 0, 'the case owes someone an update')

    const page = await admin.get(url)
    assertRedirect(await admin.post(url, await fieldsNow(page.body, { updateCadenceWorkingDays: '15' })), url)
    assert.equal((await council()).updateCadenceWorkingDays, 15)
    assert.deepEqual(await updateDue(), before, 'a job works them out again')
    await runTask(t, 'recompute-deadlines')
    const afterwards = await updateDue()
    assert.notDeepEqual(afterwards, before)
    assert.ok(
      afterwards.every((d, i) => d > before[i]!),
      'each update is owed later',
    )
    assert.match(
      html(await admin.get(url)).querySelector('.govuk-notification-banner')?.text ?? '',
      /Warrington Borough Council saved\. The deadlines of the cases that are not closed are being worked out again/,
    )
  })

  it('saves every setting and the signposting list, audited with before and after, and pages show it at once', async () => {
    const [ipsea] = await t.database.db.select().from(agencies).where(eq(agencies.code, 'ipsea'))
    const made = await makeCase(t.database, t.clock, { childName: 'Alfie Example' })
    const coordinator = await new Agent(t.app).signIn('coord@example.com')
    assert.match((await coordinator.get(`/cases/${made.id}`)).body, /03330 062 835/)

    const page = await admin.get(url)
    const res = await admin.post(
      url,
      await fieldsNow(page.body, {
        serviceName: 'Warrington SEN Mediation',
        phone: '01632 960 555',
        openingHours: 'Monday to Friday, 8am to 4pm',
        letterHeading: 'SEN mediation for Warrington Borough Council',
        letterSignature: 'Sam Example\nCoordinator',
        freeForResidents: 'no',
        complaintAcknowledgeWorkingDays: '5',
        agencies: [ipsea!.id],
      }),
    )
    assertRedirect(res, url)
    const saved = await council()
    assert.equal(saved.version, 3, 'one save after the cadence change')
    assert.equal(saved.phone, '01632 960 555')
    assert.equal(saved.freeForResidents, false)
    assert.equal(saved.complaintAcknowledgeWorkingDays, 5)
    const listed = await t.database.db
      .select()
      .from(councilAgencies)
      .where(eq(councilAgencies.localAuthorityId, councilId))
    assert.deepEqual(
      listed.map((l) => l.agencyId),
      [ipsea!.id],
    )

    const [change] = await t.database.db
      .select()
      .from(auditTrail)
      .where(and(eq(auditTrail.recordId, councilId), eq(auditTrail.action, 'council.changed')))
      .orderBy(auditTrail.id)
      .offset(1)
    assert.equal(change?.userId, adminId)
    assert.equal(change?.before?.phone, '03330 062 835')
    assert.equal(change?.after?.phone, '01632 960 555')
    assert.equal(change?.after?.serviceName, 'Warrington SEN Mediation')
    assert.equal((change?.before?.signposting as string[]).length > 1, true)
    assert.deepEqual(change?.after?.signposting, ['ipsea'])

    // Without a restart: the case's pages, and the public pages, show the new details.
    const casePage = await coordinator.get(`/cases/${made.id}`)
    assert.match(casePage.body, /01632 960 555/)
    assert.match(casePage.body, /Monday to Friday, 8am to 4pm/)
    assert.match(titleOf(casePage), /Warrington SEN Mediation$/)
    assert.doesNotMatch(casePage.body, /03330 062 835/)
    assert.match((await new Agent(t.app).get('/')).body, /01632 960 555/)
  })

  it('refuses a save made from a page someone else changed since (409), showing their changes', async () => {
    const page = await admin.get(url)
    const stale = await fieldsNow(page.body, { phone: '01632 960 999' })
    const other = await new Agent(t.app).signIn('admin@example.com')
    const otherPage = await other.get(url)
    assertRedirect(await other.post(url, await fieldsNow(otherPage.body, { phone: '01632 960 777' })), url)
    const res = await admin.post(url, stale)
    assert.equal(res.statusCode, 409)
    assert.match(res.body, /Someone else changed this council/)
    assert.equal(
      html(res).getElementById('phone')?.getAttribute('value'),
      '01632 960 777',
      'their change, to go on from',
    )
    assert.equal((await council()).phone, '01632 960 777')
  })

  it('keeps at least one council commissioning the service', async () => {
    const page = await admin.get(url)
    const res = await admin.post(url, await fieldsNow(page.body, { commissioned: 'no' }))
    assertFormErrors(res, ['commissioned'])
    assert.match(res.body, /At least one council must commission the service/)
    assert.equal((await council()).commissioned, true)
  })

  it('says not found for a council that does not exist', async () => {
    assert.equal((await admin.get('/admin/councils/not-a-uuid')).statusCode, 404)
    assert.equal((await admin.get('/admin/councils/00000000-0000-4000-8000-000000000000')).statusCode, 404)
  })

  it('refuses a coordinator and sends someone not signed in to sign in', async () => {
    const coordinator = await new Agent(t.app).signIn('coord@example.com')
    assert.equal((await coordinator.get(url)).statusCode, 403)
    assert.equal((await coordinator.post(url, councilFields({ version: '1' }))).statusCode, 403)
    assertRedirect(await new Agent(t.app).get(url), `/sign-in?next=${encodeURIComponent(url)}`)
  })

  it('leads the old cadence page’s address here', async () => {
    const res = await admin.get(`/admin/settings/authorities/${councilId}`)
    assert.equal(res.statusCode, 301)
    assert.equal(res.headers.location, url)
  })
})
