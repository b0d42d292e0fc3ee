import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { asc, eq } from 'drizzle-orm'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { agreementPoints, agreements } from '../../../db/schema/index.ts'
import { dateFields } from '../../preparation/testing.ts'
import { agreementCase, agreementStaff, type Staff } from '../testing.ts'

describe('writing the points of the draft agreement, at /cases/:id/agreement/points', () => {
  let t: TestApp
  let staff: Staff
  const base = (id: string) => `/cases/${id}/agreement`
  const newUrl = (id: string) => `${base(id)}/points/new`
  const pointsOf = async (id: string) =>
    t.database.db
      .select()
      .from(agreementPoints)
      .where(eq(agreementPoints.caseId, id))
      .orderBy(asc(agreementPoints.position))
  const good = (partyId: string) => ({
    responsiblePartyId: partyId,
    responsibleName: 'Priya Shah, SEN officer',
    what: 'Send Sarah the draft amended EHC plan with 15 hours a week of teaching assistant support in section F.',
    ...dateFields('byWhen', '2026-12-11'),
    howKnown: 'Priya emails Sarah and the school a copy.',
    appealableKind: 'other',
  })

  before(async () => {
    t = await createTestApp()
    staff = await agreementStaff(t)
  })
  after(() => t.close())

  it("shows the form, with each appealable kind and the law's date for it", async () => {
    const c = await agreementCase(t, staff)
    const res = await staff.mediator.get(newUrl(c.id))
    assert.equal(res.statusCode, 200)
    assert.match(titleOf(res), /^Add a point - /)
    assert.match(res.body, /Make an EHC plan: send the draft \(within 5 weeks\)/)
    assert.match(res.body, /The law&#39;s date if made final today: Friday 1 January 2027\./) // 5 weeks from Friday 27 November 2026
    assert.equal(
      html(res).querySelectorAll('input[name=responsiblePartyId]').length,
      4,
      'three parties and "someone else"',
    )
    assert.equal((await staff.coordinator.get(newUrl(c.id))).statusCode, 200)
    assert.equal((await staff.otherMediator.get(newUrl(c.id))).statusCode, 404)
    assert.equal((await new Agent(t.app).get(newUrl(c.id))).statusCode, 303)
  })

  it('asks for who and what, and a real date if one is started, keeping what was typed', async () => {
    const c = await agreementCase(t, staff)
    const res = await staff.mediator.submit(newUrl(c.id), {
      submissionKey: randomUUID(),
      what: '',
      'byWhen-day': '31',
      'byWhen-month': '2',
      'byWhen-year': '2027',
      howKnown: 'an <b>email</b>',
    })
    assertFormErrors(res, ['responsiblePartyId', 'what', 'byWhen-day', 'appealableKind'])
    assert.match(res.body, /Enter what will be done, in the words everyone agreed/)
    assert.match(res.body, /The date it will be done by must be a real date/)
    assert.equal(html(res).getElementById('howKnown')?.text, 'an <b>email</b>')
    assert.equal(html(res).getElementById('byWhen-day')?.getAttribute('value'), '31')
    assert.equal((await pointsOf(c.id)).length, 0)
  })

  it('saves a vague point (the advice never blocks) and shows the advice beside it', async () => {
    const c = await agreementCase(t, staff)
    const res = await staff.mediator.submit(newUrl(c.id), {
      submissionKey: randomUUID(),
      responsiblePartyId: 'none',
      what: 'The school will try to find a quiet room as soon as possible.',
      appealableKind: 'none',
    })
    assertRedirect(res, /\/agreement#point-/)
    const [point] = await pointsOf(c.id)
    assert.equal(point!.what, 'The school will try to find a quiet room as soon as possible.')
    const page = await staff.mediator.get(base(c.id))
    assert.match(page.body, /Point added\. See the advice beside it/)
    const advice = html(page).getElementById(`advice-${point!.id}`)!.text
    assert.match(advice, /No one is named as doing this/)
    assert.match(advice, /There is no date/)
    assert.match(advice, /"try to" can be read in different ways/)
    assert.match(advice, /"as soon as possible" can be read in different ways\. Give a date instead/)
    assert.match(advice, /Say how everyone will know it has been done/)
  })

  it('adds one point for a double submit', async () => {
    const c = await agreementCase(t, staff)
    await staff.mediator.get(newUrl(c.id))
    const key = html(await staff.mediator.get(newUrl(c.id)))
      .querySelector('input[name=submissionKey]')!
      .getAttribute('value')!
    const fields = { ...good(c.council.id), submissionKey: key }
    const first = await staff.mediator.post(newUrl(c.id), fields)
    const second = await staff.mediator.post(newUrl(c.id), fields)
    assertRedirect(first)
    assertRedirect(second, String(first.headers.location))
    assert.equal((await pointsOf(c.id)).length, 1)
  })

  it("refuses a new point without the form's one-time key, adding nothing", async () => {
    const c = await agreementCase(t, staff)
    const res = await staff.mediator.submit(newUrl(c.id), good(c.council.id))
    assert.equal(res.statusCode, 400)
    assert.match(titleOf(res), /^Error: /)
    assert.match(
      html(res).querySelector('.govuk-error-summary')!.text,
      /This form is out of date\. Reload the page and try again\./,
    )
    assert.equal(html(res).getElementById('what')?.text, good(c.council.id).what)
    assert.equal((await pointsOf(c.id)).length, 0)
  })

  it('edits a point, refusing a stale version; reorders and removes points', async () => {
    const c = await agreementCase(t, staff)
    assertRedirect(await staff.mediator.submit(newUrl(c.id), { ...good(c.council.id), submissionKey: randomUUID() }))
    assertRedirect(
      await staff.mediator.submit(newUrl(c.id), {
        ...good(c.school.id),
        submissionKey: randomUUID(),
        what: 'Meet Sarah every Monday at 3:30pm.',
        appealableKind: 'none',
      }),
    )
    const [p1, p2] = await pointsOf(c.id)
    const editUrl = `${base(c.id)}/points/${p1!.id}`
    const edit = await staff.mediator.get(editUrl)
    assert.equal(edit.statusCode, 200)
    assert.match(titleOf(edit), /^Change a point - /)
    assert.equal(html(edit).getElementById('byWhen-day')?.getAttribute('value'), '11')
    assertRedirect(
      await staff.mediator.submit(editUrl, { ...good(c.council.id), what: 'Send the draft plan.', version: '1' }),
    )
    const stale = await staff.mediator.submit(editUrl, { ...good(c.council.id), what: 'Something else.', version: '1' })
    assert.equal(stale.statusCode, 409)
    assert.match(stale.body, /Someone else changed this agreement/)
    assert.equal(html(stale).getElementById('what')?.text, 'Something else.')
    assert.equal((await pointsOf(c.id))[0]!.what, 'Send the draft plan.')
    assertFormErrors(await staff.mediator.submit(editUrl, { ...good(c.council.id), what: ' ', version: '2' }), ['what'])

    const [agreement] = await t.database.db.select().from(agreements).where(eq(agreements.caseId, c.id))
    await staff.mediator.get(base(c.id))
    assertRedirect(
      await staff.mediator.post(`${base(c.id)}/points/${p2!.id}/move`, {
        direction: 'up',
        agreementVersion: String(agreement!.version),
      }),
    )
    assert.deepEqual(
      (await pointsOf(c.id)).map((p) => p.id),
      [p2!.id, p1!.id],
    )
    const staleMove = await staff.mediator.post(`${base(c.id)}/points/${p2!.id}/move`, {
      direction: 'down',
      agreementVersion: String(agreement!.version),
    })
    assert.equal(staleMove.statusCode, 409)
    assertRedirect(await staff.mediator.post(`${base(c.id)}/points/${p2!.id}/remove`, { version: '1' }))
    assertRedirect(
      await staff.mediator.post(`${base(c.id)}/points/${p2!.id}/remove`, { version: '1' }),
      `${base(c.id)}`,
    )
    assert.deepEqual(
      (await pointsOf(c.id)).map((p) => p.id),
      [p1!.id],
    )
    assert.equal((await staff.otherMediator.get(editUrl)).statusCode, 404)
    assert.equal((await staff.mediator.get(`${base(c.id)}/points/not-a-point`)).statusCode, 404)
  })
})
