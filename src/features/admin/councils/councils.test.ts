import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { agencies, auditTrail, councilAgencies, localAuthorities } from '../../../db/schema/index.ts'
import { councilFields } from './testing.ts'

describe('/admin/councils', () => {
  let t: TestApp
  let admin: Agent
  let adminId: string
  before(async () => {
    t = await createTestApp()
    adminId = (await createStaff(t.database, 'admin@example.com', ['administrator'], 'Ada Admin')).id
    await createStaff(t.database, 'coord@example.com', ['coordinator', 'manager'], 'Cora Coordinator')
    admin = await new Agent(t.app).signIn('admin@example.com')
  })
  after(() => t.close())

  const keyOf = (body: string) => /name="submissionKey" value="([^"]+)"/.exec(body)?.[1] ?? ''
  const councilWithCode = async (code: string) =>
    (await t.database.db.select().from(localAuthorities).where(eq(localAuthorities.code, code)))[0]

  it('lists every council with its districts, cadence and staff, for an administrator', async () => {
    const res = await admin.get('/admin/councils')
    assert.equal(res.statusCode, 200)
    assert.match(titleOf(res), /^Councils - /)
    const rows = html(res)
      .querySelectorAll('#councils tbody tr')
      .map((tr) => tr.querySelectorAll('td').map((td) => td.text.trim().replace(/\s+/g, ' ')))
    assert.deepEqual(rows, [
      ['Warrington Borough Council', 'warrington', 'Yes', 'WA1, WA2, WA3, WA4, WA5, WA13', '10 working days', '1'],
    ])
    const warrington = (await councilWithCode('warrington'))!
    assert.ok(html(res).querySelector(`a[href="/admin/councils/${warrington.id}"]`))
    assert.ok(html(res).querySelector('nav[aria-label="Administration"] a[href="/admin/councils"]'))
  })

  it('refuses a coordinator and sends someone not signed in to sign in', async () => {
    const coordinator = await new Agent(t.app).signIn('coord@example.com')
    assert.equal((await coordinator.get('/admin/councils')).statusCode, 403)
    assert.equal((await coordinator.get('/admin/councils/new')).statusCode, 403)
    assert.equal((await coordinator.post('/admin/councils/new', councilFields({ code: 'x' }))).statusCode, 403)
    assertRedirect(await new Agent(t.app).get('/admin/councils'), '/sign-in?next=%2Fadmin%2Fcouncils')
  })

  it('refuses a form with problems, in page order, keeping what was typed', async () => {
    const page = await admin.get('/admin/councils/new')
    assert.equal(page.statusCode, 200)
    assert.equal(html(page).querySelector('input[name="commissioned"][checked]')?.getAttribute('value'), 'yes')
    assert.equal(html(page).getElementById('updateCadenceWorkingDays')?.getAttribute('value'), '10')
    const res = await admin.post(
      '/admin/councils/new',
      councilFields({
        submissionKey: keyOf(page.body),
        name: '',
        code: 'St Helens!',
        postcodeDistricts: 'WA9, 12345',
        email: 'not an email',
        updateCadenceWorkingDays: '41',
        complaintResponseWorkingDays: '',
      }),
    )
    assertFormErrors(res, [
      'name',
      'code',
      'postcodeDistricts',
      'email',
      'updateCadenceWorkingDays',
      'complaintResponseWorkingDays',
    ])
    assert.match(res.body, /12345 is not a postcode district/)
    assert.match(res.body, /must be between 1 and 40/)
    const doc = html(res)
    assert.equal(doc.getElementById('code')?.getAttribute('value'), 'St Helens!')
    assert.equal(doc.getElementById('postcodeDistricts')?.text.trim(), 'WA9, 12345')
    assert.equal(await councilWithCode('st-helens'), undefined)
  })

  it('adds a council with its settings and signposting list, once, and audits it', async () => {
    const [sendiass, ipsea] = await Promise.all(
      ['sendiass', 'ipsea'].map(
        async (code) => (await t.database.db.select().from(agencies).where(eq(agencies.code, code)))[0]!,
      ),
    )
    const page = await admin.get('/admin/councils/new')
    const fields = councilFields({
      submissionKey: keyOf(page.body),
      code: 'st-helens',
      agencies: [ipsea!.id, sendiass!.id],
    })
    const res = await admin.post('/admin/councils/new', fields)
    const made = (await councilWithCode('st-helens'))!
    assertRedirect(res, `/admin/councils/${made.id}`)
    assert.deepEqual(
      {
        name: made.name,
        commissioned: made.commissioned,
        districts: made.postcodeDistricts,
        email: made.email,
        cadence: made.updateCadenceWorkingDays,
        heading: made.letterHeading,
        signature: made.letterSignature,
        complaints: [made.complaintAcknowledgeWorkingDays, made.complaintResponseWorkingDays],
      },
      {
        name: 'St Helens Borough Council',
        commissioned: true,
        districts: ['WA9', 'WA10', 'WA11'],
        email: 'mediation@sthelens.example.org',
        cadence: 15,
        heading: 'SEN mediation for St Helens Borough Council',
        signature: 'Robin Example\nService manager',
        complaints: [2, 15],
      },
    )
    const listed = await t.database.db
      .select()
      .from(councilAgencies)
      .where(eq(councilAgencies.localAuthorityId, made.id))
      .orderBy(councilAgencies.sortOrder)
    assert.deepEqual(
      listed.map((l) => l.agencyId),
      [ipsea!.id, sendiass!.id],
      'in the order given',
    )
    const [audit] = await t.database.db.select().from(auditTrail).where(eq(auditTrail.recordId, made.id))
    assert.equal(audit?.action, 'council.created')
    assert.equal(audit?.recordKind, 'council')
    assert.equal(audit?.userId, adminId)
    assert.ok(audit?.ip, 'where the change came from')
    assert.equal(audit?.before, null)
    assert.equal(audit?.after?.phone, '01632 960 100')
    assert.deepEqual(audit?.after?.signposting, ['ipsea', 'sendiass'])
    assert.match(html(await admin.get(`/admin/councils/${made.id}`)).text, /St Helens Borough Council added/)

    // The same form again (a double click, a retry) adds nothing more.
    assertRedirect(await admin.post('/admin/councils/new', fields), `/admin/councils/${made.id}`)
    const all = await t.database.db.select().from(localAuthorities)
    assert.equal(all.filter((c) => c.code === 'st-helens').length, 1)
    assert.equal((await t.database.db.select().from(auditTrail).where(eq(auditTrail.recordId, made.id))).length, 1)
  })

  it('refuses a code in use, and a postcode district another council has', async () => {
    let page = await admin.get('/admin/councils/new')
    const taken = await admin.post(
      '/admin/councils/new',
      councilFields({ submissionKey: keyOf(page.body), name: 'Another', code: 'warrington', postcodeDistricts: '' }),
    )
    assertFormErrors(taken, ['code'])
    assert.match(taken.body, /already a council with this code/)
    page = await admin.get('/admin/councils/new')
    const shared = await admin.post(
      '/admin/councils/new',
      councilFields({ submissionKey: keyOf(page.body), name: 'Halton', code: 'halton', postcodeDistricts: 'WA7, WA4' }),
    )
    assertFormErrors(shared, ['postcodeDistricts'])
    assert.match(shared.body, /WA4 is already a postcode district of Warrington Borough Council/)
    assert.equal(await councilWithCode('halton'), undefined)
  })
})
