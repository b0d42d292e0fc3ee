// The service's name and contact details on each page, read as the settings are now: the
// provider's own (the first council's) on staff and public pages, the case's council's on a case's
// pages and in the parties' portal.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Agent } from '../helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../helpers/app.ts'
import { html, titleOf } from '../helpers/html.ts'
import { caseParties, localAuthorities } from '../../src/db/schema/index.ts'
import { makeCase } from '../../src/features/cases/testing.ts'
import { signInWithLink } from '../../src/features/portal/testing.ts'

describe('the service details pages show', () => {
  let t: TestApp
  let halton: string
  before(async () => {
    t = await createTestApp()
    const [row] = await t.database.db
      .insert(localAuthorities)
      .values({
        code: 'halton',
        name: 'Halton Borough Council',
        commissioned: true,
        postcodeDistricts: ['WA7', 'WA8'],
        serviceName: 'Halton SEN Mediation',
        phone: '01632 960 701',
        address: '1 Example Road, Widnes',
        openingHours: 'Monday to Thursday, 10am to 4pm',
      })
      .returning()
    halton = row!.id
    await createStaff(t.database, 'both@example.com', ['coordinator'], 'Bo Both')
  })
  after(() => t.close())

  const footer = (body: string) =>
    html({ body } as never)
      .querySelector('footer')
      ?.text.replace(/\s+/g, ' ') ?? ''

  it("are the provider's own on public and staff pages, as they are now", async () => {
    const start = await new Agent(t.app).get('/')
    assert.match(footer(start.body), /03330 062 835/)
    assert.match(titleOf(start), /SEN Mediation and Disagreement Resolution Service$/)
    const staff = await new Agent(t.app).signIn('both@example.com')
    assert.match(footer((await staff.get('/today')).body), /03330 062 835/)
    await t.database.db
      .update(localAuthorities)
      .set({ phone: '01632 960 100' })
      .where(eq(localAuthorities.code, 'warrington'))
    assert.match(footer((await new Agent(t.app).get('/')).body), /01632 960 100/, 'at once, with no restart')
    assert.doesNotMatch(footer((await staff.get('/today')).body), /01632 960 701/)
  })

  it("are the case's council's on its pages, for staff and for its parties in the portal", async () => {
    const made = await makeCase(t.database, t.clock, { childName: 'Hana Halton', localAuthorityId: halton })
    const staff = await new Agent(t.app).signIn('both@example.com')
    const page = await staff.get(`/cases/${made.id}`)
    assert.equal(page.statusCode, 200)
    assert.match(footer(page.body), /01632 960 701.*Monday to Thursday, 10am to 4pm/)
    assert.match(titleOf(page), /Halton SEN Mediation$/)
    assert.match(page.body, /Council: Halton Borough Council/)

    const [party] = await t.database.db.select().from(caseParties).where(eq(caseParties.caseId, made.id))
    const portal = await signInWithLink(t, party!.id)
    const home = await portal.get('/portal')
    assert.equal(home.statusCode, 200)
    assert.match(footer(home.body), /01632 960 701/)
    assert.doesNotMatch(footer(home.body), /01632 960 100|03330 062 835/)
  })
})
