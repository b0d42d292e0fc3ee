import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { mediators } from '../../../db/schema/index.ts'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { profileFields } from '../testing.ts'

/** A profile form with its one-time key, as the page sends it. */
const withKey = (overrides: Record<string, string | string[]> = {}) => ({
  ...profileFields(overrides),
  submissionKey: randomUUID(),
})

describe('adding a mediator', () => {
  let t: TestApp
  let mediatorAccount: string
  before(async () => {
    t = await createTestApp()
    await createStaff(t.database, 'manager@example.com', ['manager'])
    await createStaff(t.database, 'admin2@example.com', ['administrator'])
    await createStaff(t.database, 'coord@example.com', ['coordinator'])
    mediatorAccount = (await createStaff(t.database, 'dee@example.com', ['mediator'], 'Dee Newcomer')).id
    await createStaff(t.database, 'notamediator@example.com', ['coordinator'], 'Not A Mediator')
  })
  after(() => t.close())

  test('a manager adds a mediator with everything; it is saved as entered', async () => {
    const agent = await new Agent(t.app).signIn('manager@example.com')
    const page = await agent.get('/mediators/new')
    assert.equal(page.statusCode, 200)
    assert.equal(titleOf(page), 'Add a mediator - SEN Mediation and Disagreement Resolution Service')
    // Only accounts with the mediator role are offered.
    assert.match(page.body, /Dee Newcomer \(dee@example.com\)/)
    assert.doesNotMatch(page.body, /notamediator@example.com/)

    const res = await agent.post('/mediators/new', {
      ...profileFields({ userId: mediatorAccount }),
      submissionKey: randomUUID(),
    })
    assertRedirect(res, /^\/mediators\/[0-9a-f-]{36}$/)
    const [row] = await t.database.db.select().from(mediators).where(eq(mediators.email, 'dee@example.com'))
    assert.ok(row)
    assert.equal(row.cmcRegistrationExpiry, '2027-06-30')
    assert.equal(row.insuranceCoverPounds, 2_000_000)
    assert.deepEqual(row.languages, ['English', 'BSL', 'Tamil', 'Polish'])
    assert.deepEqual(row.venues, ['Warrington Library', 'Town Hall'])
    assert.deepEqual(row.workingDays, [1, 3])
    assert.equal(row.userId, mediatorAccount)
    assert.equal(row.version, 1)
    const profile = await agent.get(String(res.headers.location))
    assert.match(profile.body, /Dee Newcomer has been added to the panel/)
    assert.match(profile.body, /Can be allocated|Renewal due soon/)
  })

  test('the same staff account cannot be linked to a second profile', async () => {
    const agent = await new Agent(t.app).signIn('admin2@example.com')
    // The linked account is no longer offered, so choosing it is refused as not on the list.
    assertFormErrors(
      await agent.submit('/mediators/new', withKey({ email: 'other@example.com', userId: mediatorAccount })),
      ['userId'],
    )
  })

  test('cover under £1 million is saved, with a warning that they cannot be allocated', async () => {
    const agent = await new Agent(t.app).signIn('admin2@example.com')
    const res = await agent.submit(
      '/mediators/new',
      withKey({ name: 'Low Cover', email: 'low@example.com', insuranceCoverPounds: '500000' }),
    )
    assertRedirect(res)
    const profile = await agent.get(String(res.headers.location))
    assert.match(profile.body, /insurance cover of £500,000 is under £1,000,000, so they cannot be allocated/)
    assert.match(profile.body, /Cannot be allocated/)
    assert.match(profile.body, /Professional indemnity cover must be at least £1 million/)
  })

  test('problems are listed in page order, each linking to its field, with what was typed kept', async () => {
    const agent = await new Agent(t.app).signIn('manager@example.com')
    const res = await agent.submit(
      '/mediators/new',
      withKey({
        name: '',
        email: 'not an email',
        'cmcRegistrationExpiry-day': '31',
        'cmcRegistrationExpiry-month': '2',
        'cmcRegistrationExpiry-year': '2027',
        'sendRegisterExpiry-day': '',
        'sendRegisterExpiry-month': '6',
        'sendRegisterExpiry-year': '2027',
        'senTrainingCompletedOn-year': '2030',
        insuranceCoverPounds: 'a million',
        'dbsRenewalDue-year': '2024',
        workingDays: [],
        active: '',
      }),
    )
    assertFormErrors(res, [
      'name',
      'email',
      'cmcRegistrationExpiry-day',
      'sendRegisterExpiry-day',
      'senTrainingCompletedOn-day',
      'insuranceCoverPounds',
      'dbsRenewalDue-day',
      'workingDays',
      'active',
    ])
    const summary = html(res).querySelector('.govuk-error-summary')?.text ?? ''
    assert.match(summary, /Enter the mediator’s name/)
    assert.match(summary, /Enter an email address in the correct format, like name@example.com/)
    assert.match(summary, /The date the registration expires must be a real date/)
    assert.match(summary, /The date the register entry expires must include a day/)
    assert.match(summary, /The date SEN training was completed must be today or in the past/)
    assert.match(summary, /Insurance cover must be a whole number of pounds, like 1,000,000/)
    assert.match(summary, /The date the DBS check is due for renewal must be after the date of the check/)
    assert.match(summary, /Select the days they work/)
    assert.match(summary, /Select whether they are taking cases/)
    assert.equal(html(res).getElementById('insuranceCoverPounds')?.getAttribute('value'), 'a million')
    assert.ok(html(res).querySelector('input[name="languages"][value="BSL"]')?.hasAttribute('checked'))
  })

  test('a field the form never had is refused', async () => {
    const agent = await new Agent(t.app).signIn('manager@example.com')
    const res = await agent.submit('/mediators/new', withKey({ version: '1', isAdmin: 'yes' }))
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /The form had information it did not ask for/)
  })

  test('a coordinator may not add mediators; without a session it asks you to sign in', async () => {
    const agent = await new Agent(t.app).signIn('coord@example.com')
    assert.equal((await agent.get('/mediators/new')).statusCode, 403)
    assert.equal((await agent.post('/mediators/new', profileFields())).statusCode, 403)
    assertRedirect(await new Agent(t.app).get('/mediators/new'), /^\/sign-in/)
  })
})
