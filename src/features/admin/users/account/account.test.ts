import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq, sql } from 'drizzle-orm'
import { auditTrail, localAuthorities, staffSecondFactors, users } from '../../../../db/schema/index.ts'
import { makeCase } from '../../../cases/testing.ts'
import { Agent } from '../../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, testPassword, type TestApp } from '../../../../../test/helpers/app.ts'
import { testTotpSecret } from '../../../../../test/helpers/second-factor.ts'
import { assertFormErrors, assertRedirect, html } from '../../../../../test/helpers/html.ts'

describe('/admin/users/:id', () => {
  let t: TestApp
  let adminId: string
  let coordId: string
  let adminAgent: Agent
  let warringtonId: string
  before(async () => {
    t = await createTestApp()
    warringtonId = (await t.database.db.select().from(localAuthorities))[0]!.id
    adminId = (await createStaff(t.database, 'admin@example.com', ['administrator', 'manager'], 'Ada Admin')).id
    coordId = (await createStaff(t.database, 'coord@example.com', ['coordinator'], 'Cora Coordinator')).id
    // One administrator's session for the file: sign-in is rate limited (10 in 5 minutes).
    adminAgent = await new Agent(t.app).signIn('admin@example.com')
  })
  after(() => t.close())

  const admin = async () => adminAgent
  const rolesOf = async (id: string) => (await t.database.db.select().from(users).where(eq(users.id, id)))[0]!.roles
  const sessionsOf = async (id: string) =>
    (
      await t.database.db.execute<{ n: number }>(
        sql`select count(*)::int as n from sessions where data->>'userId' = ${id}`,
      )
    ).rows[0]!.n

  it('shows an account to an administrator', async () => {
    const res = await (await admin()).get(`/admin/users/${coordId}`)
    assert.equal(res.statusCode, 200)
    const doc = html(res)
    assert.equal(doc.querySelector('h1')?.text.trim(), 'Cora Coordinator')
    assert.equal(doc.querySelector('input[name="roles"][value="coordinator"]')?.hasAttribute('checked'), true)
    assert.ok(doc.querySelector(`form[action="/admin/users/${coordId}/disable"]`))
    assert.ok(doc.querySelector(`form[action="/admin/users/${coordId}/reset-password"]`))
  })

  it('refuses a coordinator and sends someone not signed in to sign in', async () => {
    const coord = await new Agent(t.app).signIn('coord@example.com')
    assert.equal((await coord.get(`/admin/users/${adminId}`)).statusCode, 403)
    assertRedirect(await new Agent(t.app).get(`/admin/users/${adminId}`), /^\/sign-in\?next=/)
  })

  it('says when there is no such account', async () => {
    const agent = await admin()
    assert.equal((await agent.get('/admin/users/00000000-0000-4000-8000-000000000000')).statusCode, 404)
    assert.equal((await agent.get('/admin/users/not-an-id')).statusCode, 404)
  })

  it('changes roles, and needs at least one', async () => {
    const agent = await admin()
    await agent.get(`/admin/users/${coordId}`)
    assertFormErrors(await agent.post(`/admin/users/${coordId}/roles`, { shownRoles: 'coordinator' }), ['roles'])
    assert.deepEqual(await rolesOf(coordId), ['coordinator'])

    assertRedirect(
      await agent.post(`/admin/users/${coordId}/roles`, {
        shownRoles: 'coordinator',
        shownCouncils: warringtonId,
        roles: ['coordinator', 'mediator'],
        councils: warringtonId,
      }),
      `/admin/users/${coordId}`,
    )
    assert.deepEqual([...(await rolesOf(coordId))].sort(), ['coordinator', 'mediator'])
    const page = await agent.get(`/admin/users/${coordId}`)
    assert.match(page.body, /Roles and councils changed for Cora Coordinator/)

    // Someone else changed them meanwhile: nothing is overwritten.
    const stale = await agent.post(`/admin/users/${coordId}/roles`, {
      shownRoles: 'coordinator',
      shownCouncils: warringtonId,
      roles: 'manager',
      councils: warringtonId,
    })
    assertFormErrors(stale, ['roles'])
    assert.match(stale.body, /Someone else changed this account/)
    assert.deepEqual([...(await rolesOf(coordId))].sort(), ['coordinator', 'mediator'])
  })

  it('changes the councils someone works for, audited, and what they see follows at once', async () => {
    const agent = await admin()
    const [other] = await t.database.db
      .insert(localAuthorities)
      .values({
        code: 'halton',
        name: 'Halton Borough Council',
        commissioned: true,
        postcodeDistricts: ['WA7', 'WA8'],
        serviceName: 'Halton SEN Mediation',
        phone: '01632 960 321',
        address: '1 Example Road, Widnes',
        openingHours: 'Monday to Friday, 9am to 5pm',
      })
      .returning()
    const person = await createStaff(t.database, 'mae@example.com', ['coordinator'], 'Mae Manager', [warringtonId])
    const haltonCase = await makeCase(t.database, t.clock, { childName: 'Hana Halton', localAuthorityId: other!.id })
    const theirs = await new Agent(t.app).signIn('mae@example.com')
    assert.equal((await theirs.get(`/cases/${haltonCase.id}`)).statusCode, 404)

    const page = await agent.get(`/admin/users/${person.id}`)
    const doc = html(page)
    assert.match(doc.querySelector('.govuk-summary-list')?.text ?? '', /Councils\s*Warrington Borough Council/)
    assert.deepEqual(
      doc.querySelectorAll('input[name="councils"][checked]').map((i) => i.getAttribute('value')),
      [warringtonId],
    )
    // None for a manager: refused, and nothing changes.
    const none = await agent.post(`/admin/users/${person.id}/roles`, {
      shownRoles: 'coordinator',
      shownCouncils: warringtonId,
      roles: 'manager',
    })
    assertFormErrors(none, ['councils'])
    assert.match(none.body, /Select the councils they work for/)
    assert.deepEqual(await rolesOf(person.id), ['coordinator'])

    assertRedirect(
      await agent.post(`/admin/users/${person.id}/roles`, {
        shownRoles: 'coordinator',
        shownCouncils: warringtonId,
        roles: 'manager',
        councils: [warringtonId, other!.id],
      }),
      `/admin/users/${person.id}`,
    )
    assert.deepEqual(await rolesOf(person.id), ['manager'])
    // New roles sign them out everywhere; signed in again, they see the new council's case.
    assertRedirect(await theirs.get(`/cases/${haltonCase.id}`), /^\/sign-in/)
    const again = await new Agent(t.app).signIn('mae@example.com')
    assert.equal((await again.get(`/cases/${haltonCase.id}`)).statusCode, 200)
    const [change] = await t.database.db
      .select()
      .from(auditTrail)
      .where(and(eq(auditTrail.recordId, person.id), eq(auditTrail.action, 'staff.access-changed')))
    assert.equal(change?.userId, adminId)
    assert.deepEqual(change?.before?.roles, ['coordinator'])
    assert.deepEqual(change?.before?.councils, [warringtonId])
    assert.deepEqual(change?.after?.roles, ['manager'])
    assert.deepEqual(change?.after?.councils, [warringtonId, other!.id].sort())

    // A page shown before someone else changed the councils: refused, showing theirs.
    const stale = await agent.post(`/admin/users/${person.id}/roles`, {
      shownRoles: 'manager',
      shownCouncils: warringtonId,
      roles: 'manager',
      councils: warringtonId,
    })
    assertFormErrors(stale, ['roles'])
    assert.match(stale.body, /Someone else changed this account’s roles or councils/)
    assert.equal(html(stale).querySelectorAll('input[name="councils"][checked]').length, 2)
  })

  it('does not let administrators remove their own administrator role or disable themselves', async () => {
    const agent = await admin()
    const page = await agent.get(`/admin/users/${adminId}`)
    assert.equal(html(page).querySelector(`form[action="/admin/users/${adminId}/disable"]`), null)

    const roles = await agent.post(`/admin/users/${adminId}/roles`, {
      shownRoles: ['administrator', 'manager'],
      roles: 'manager',
    })
    assertFormErrors(roles, ['roles'])
    assert.match(roles.body, /You cannot remove your own administrator role/)
    assert.deepEqual([...(await rolesOf(adminId))].sort(), ['administrator', 'manager'])

    const disable = await agent.post(`/admin/users/${adminId}/disable`)
    assertFormErrors(disable, ['disable'])
    assert.match(disable.body, /You cannot disable your own account/)
    const [me] = await t.database.db.select().from(users).where(eq(users.id, adminId))
    assert.equal(me!.disabledAt, null)

    assertFormErrors(await agent.post(`/admin/users/${adminId}/reset-password`), ['reset-password'])
  })

  it('disabling ends the person’s sessions at once; re-enabling lets them back', async () => {
    const person = await createStaff(t.database, 'dis@example.com', ['coordinator'], 'Dee Disabled')
    const theirs = await new Agent(t.app).signIn('dis@example.com')
    assert.equal((await theirs.get('/account/password')).statusCode, 200)
    assert.equal(await sessionsOf(person.id), 1)

    const agent = await admin()
    await agent.get(`/admin/users/${person.id}`)
    assertRedirect(await agent.post(`/admin/users/${person.id}/disable`), `/admin/users/${person.id}`)
    assert.equal(await sessionsOf(person.id), 0)
    assert.ok((await t.database.db.select().from(users).where(eq(users.id, person.id)))[0]!.disabledAt)

    assertRedirect(await theirs.get('/account/password'), /^\/sign-in/)
    assert.equal(
      (
        await new Agent(t.app).submit('/sign-in', {
          email: 'dis@example.com',
          password: 'correct horse battery staple',
        })
      ).statusCode,
      400,
    )
    assert.match((await agent.get('/admin/users')).body, /Disabled/)

    await agent.get(`/admin/users/${person.id}`)
    assertRedirect(await agent.post(`/admin/users/${person.id}/enable`), `/admin/users/${person.id}`)
    await new Agent(t.app).signIn('dis@example.com')
  })

  it('resets a password to a new one-time password, shown once', async () => {
    const person = await createStaff(t.database, 'reset@example.com', ['mediator'], 'Rey Reset')
    const theirs = await new Agent(t.app).signIn('reset@example.com')
    const agent = await admin()
    await agent.get(`/admin/users/${person.id}`)
    const res = await agent.post(`/admin/users/${person.id}/reset-password`)
    assertRedirect(res, `/admin/users/${person.id}/one-time-password`)
    assert.equal(await sessionsOf(person.id), 0, 'signed out everywhere')
    assertRedirect(await theirs.get('/account/password'), /^\/sign-in/)

    const password =
      html(await agent.get(String(res.headers.location)))
        .getElementById('one-time-password')
        ?.text.trim() ?? ''
    assert.ok(password)
    assert.equal(
      (
        await new Agent(t.app).submit('/sign-in', {
          email: 'reset@example.com',
          password: 'correct horse battery staple',
        })
      ).statusCode,
      400,
    )
    const newPassword = new Agent(t.app)
    assertRedirect(
      await newPassword.submit('/sign-in', { email: 'reset@example.com', password }),
      '/sign-in/second-factor',
    )
    assertRedirect(await newPassword.passSecondStep('reset@example.com'), '/account/password')
  })

  it('resets an authenticator app: the person is signed out and sets up a new one, and it is in the audit trail', async () => {
    const person = await createStaff(t.database, 'lost@example.com', ['coordinator'], 'Lou Lostphone')
    const theirs = await new Agent(t.app).signIn('lost@example.com')
    const agent = await admin()
    const page = await agent.get(`/admin/users/${person.id}`)
    const doc = html(page)
    assert.match(
      doc.querySelector('.govuk-summary-list')!.text,
      /Authenticator app\s+Set up on .+, 0 recovery codes left/,
    )
    assert.ok(doc.querySelector(`form[action="/admin/users/${person.id}/reset-second-factor"]`))
    // The administrator never sees the secret, in any form.
    const [factor] = await t.database.db
      .select()
      .from(staffSecondFactors)
      .where(eq(staffSecondFactors.userId, person.id))
    assert.ok(!page.body.includes(testTotpSecret) && !page.body.includes(factor!.secret))

    const res = await agent.post(`/admin/users/${person.id}/reset-second-factor`)
    assertRedirect(res, `/admin/users/${person.id}`)
    const resetPage = await agent.get(`/admin/users/${person.id}`)
    assert.match(resetPage.body, /Lou Lostphone’s authenticator app has been reset/)
    assert.match(
      html(resetPage).querySelector('.govuk-summary-list')!.text,
      /Not set up: they set one up when they next sign in/,
    )
    assert.equal(await sessionsOf(person.id), 0, 'signed out everywhere')
    assertRedirect(await theirs.get('/cases'), /^\/sign-in/)
    assert.equal(
      (await t.database.db.select().from(staffSecondFactors).where(eq(staffSecondFactors.userId, person.id))).length,
      0,
    )

    const [audit] = await t.database.db
      .select()
      .from(auditTrail)
      .where(and(eq(auditTrail.recordId, person.id), eq(auditTrail.action, 'staff.second-factor-reset')))
    assert.equal(audit?.userId, adminId)
    assert.equal(audit?.before?.secondFactor, true)
    assert.equal(audit?.after?.secondFactor, false)
    assert.ok(!JSON.stringify(audit).includes(factor!.secret))

    // Their password still works, and then they must set up a new app before anything else.
    const again = new Agent(t.app)
    assertRedirect(
      await again.submit('/sign-in', { email: 'lost@example.com', password: testPassword }),
      '/sign-in/second-factor',
    )
    assertRedirect(await again.get('/sign-in/second-factor'), '/sign-in/enrol')
    assertRedirect(await again.get('/cases'), '/sign-in/second-factor')

    // Nothing left to reset until they have set one up.
    await agent.get(`/admin/users/${person.id}`)
    const none = await agent.post(`/admin/users/${person.id}/reset-second-factor`)
    assertFormErrors(none, ['reset-second-factor'])
    assert.match(none.body, /has no authenticator app set up yet/)
  })

  it('does not reset your own authenticator app', async () => {
    const agent = await admin()
    const page = await agent.get(`/admin/users/${adminId}`)
    assert.equal(html(page).querySelector(`form[action="/admin/users/${adminId}/reset-second-factor"]`), null)
    const res = await agent.post(`/admin/users/${adminId}/reset-second-factor`)
    assertFormErrors(res, ['reset-second-factor'])
    assert.match(res.body, /You cannot reset your own authenticator app/)
    assert.equal(
      (await t.database.db.select().from(staffSecondFactors).where(eq(staffSecondFactors.userId, adminId))).length,
      1,
    )
  })
})
