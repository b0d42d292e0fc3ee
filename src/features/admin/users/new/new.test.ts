import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import { auditTrail, localAuthorities, userCouncils, users } from '../../../../db/schema/index.ts'
import { Agent } from '../../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../../test/helpers/html.ts'

describe('/admin/users/new', () => {
  let t: TestApp
  let warringtonId: string
  before(async () => {
    t = await createTestApp()
    warringtonId = (await t.database.db.select().from(localAuthorities))[0]!.id
    await createStaff(t.database, 'admin@example.com', ['administrator'], 'Ada Admin')
    await createStaff(t.database, 'coord@example.com', ['coordinator'], 'Cora Coordinator')
  })
  after(() => t.close())

  const admin = () => new Agent(t.app).signIn('admin@example.com')
  const keyOf = (body: string) => /name="submissionKey" value="([^"]+)"/.exec(body)?.[1] ?? ''

  it('shows the form to an administrator', async () => {
    const res = await (await admin()).get('/admin/users/new')
    assert.equal(res.statusCode, 200)
    const doc = html(res)
    for (const id of ['name', 'email', 'roles']) assert.ok(doc.getElementById(id), id)
    assert.equal(doc.querySelectorAll('input[name="roles"]').length, 5, 'every role, a commissioner’s too')
    assert.deepEqual(
      doc.querySelectorAll('input[name="councils"]').map((i) => i.getAttribute('value')),
      [warringtonId],
      'the councils they may work for',
    )
    assert.ok(keyOf(res.body), 'a one-time submission key')
  })

  it('refuses a coordinator and sends someone not signed in to sign in', async () => {
    const coord = await new Agent(t.app).signIn('coord@example.com')
    assert.equal((await coord.get('/admin/users/new')).statusCode, 403)
    assertRedirect(await new Agent(t.app).get('/admin/users/new'), /^\/sign-in\?next=/)
  })

  it('says what is missing', async () => {
    const agent = await admin()
    await agent.get('/admin/users/new')
    const res = await agent.post('/admin/users/new', { submissionKey: randomUUID(), name: ' ', email: '' })
    assertFormErrors(res, ['name', 'email', 'roles'])
    assert.match(res.body, /Enter their full name/)
    assert.match(res.body, /Select at least one role/)
  })

  it('keeps what was typed when the email is not valid', async () => {
    const agent = await admin()
    await agent.get('/admin/users/new')
    const res = await agent.post('/admin/users/new', {
      submissionKey: randomUUID(),
      name: '<script>alert(1)</script>',
      email: 'not-an-email',
      roles: ['mediator'],
    })
    assertFormErrors(res, ['email'])
    const doc = html(res)
    assert.equal(doc.getElementById('name')?.getAttribute('value'), '<script>alert(1)</script>')
    assert.ok(!res.body.includes('<script>alert(1)'), 'escaped')
    assert.equal(doc.getElementById('email')?.getAttribute('value'), 'not-an-email')
    assert.equal(doc.querySelector('input[name="roles"][value="mediator"]')?.hasAttribute('checked'), true)
    assert.equal(doc.querySelector('input[name="roles"][value="manager"]')?.hasAttribute('checked'), false)
  })

  it('refuses a form without its one-time key, adding no account', async () => {
    const agent = await admin()
    await agent.get('/admin/users/new')
    const res = await agent.post('/admin/users/new', {
      name: 'Kay Keyless',
      email: 'kay@example.com',
      roles: 'mediator',
    })
    assert.equal(res.statusCode, 400)
    assert.match(titleOf(res), /^Error: /)
    assert.match(html(res).querySelector('.govuk-error-summary')?.text ?? '', /This form is out of date/)
    assert.equal(html(res).getElementById('name')?.getAttribute('value'), 'Kay Keyless')
    assert.equal((await t.database.db.select().from(users).where(eq(users.email, 'kay@example.com'))).length, 0)
  })

  it('refuses an email already used, whatever its case', async () => {
    const agent = await admin()
    const form = await agent.get('/admin/users/new')
    const res = await agent.post('/admin/users/new', {
      submissionKey: keyOf(form.body),
      name: 'Copy',
      email: ' COORD@Example.com ',
      roles: 'mediator',
    })
    assertFormErrors(res, ['email'])
    assert.match(res.body, /already a staff account with this email address/)
    const [{ n } = { n: 0 }] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(eq(users.email, 'coord@example.com'))
    assert.equal(n, 1)
  })

  it('adds an account with a one-time password shown once, which its owner signs in with', async () => {
    const agent = await admin()
    const form = await agent.get('/admin/users/new')
    const fields = {
      submissionKey: keyOf(form.body),
      name: 'Mo Mediator',
      email: 'Mo.Mediator@Example.com',
      roles: ['mediator', 'coordinator'],
      councils: warringtonId,
    }
    const res = await agent.post('/admin/users/new', fields)
    assertRedirect(res, /^\/admin\/users\/[0-9a-f-]{36}\/one-time-password$/)
    const [row] = await t.database.db.select().from(users).where(eq(users.email, 'mo.mediator@example.com'))
    assert.ok(row)
    assert.deepEqual([...row.roles].sort(), ['coordinator', 'mediator'])
    assert.deepEqual(
      (await t.database.db.select().from(userCouncils).where(eq(userCouncils.userId, row.id))).map(
        (c) => c.localAuthorityId,
      ),
      [warringtonId],
    )
    assert.equal(row.mustChangePassword, true)

    const shown = await agent.get(String(res.headers.location))
    assert.equal(shown.statusCode, 200)
    assert.equal(shown.headers['cache-control'], 'no-store')
    const password = html(shown).getElementById('one-time-password')?.text.trim() ?? ''
    assert.match(password, /^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/)

    // Never in plain text: not as the hash, not in any session.
    assert.ok(!row.passwordHash.includes(password))
    const stored = await t.database.db.execute<{ data: string }>(sql`select data::text as data from sessions`)
    assert.ok(stored.rows.length > 0)
    for (const s of stored.rows) assert.ok(!s.data.includes(password), 'the session holds no plain password')

    // Shown once: a reload does not show it again.
    const again = await agent.get(String(res.headers.location))
    assert.equal(html(again).getElementById('one-time-password'), null)
    assert.match(again.body, /already been shown/)

    // The same form sent again finds the same account rather than making another.
    const retry = await agent.post('/admin/users/new', fields)
    assertRedirect(retry, String(res.headers.location))
    const [{ n } = { n: 0 }] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(eq(users.email, 'mo.mediator@example.com'))
    assert.equal(n, 1)

    // The new person signs in with it, sets up an authenticator app, and must choose their own password first.
    const newcomer = new Agent(t.app)
    assertRedirect(
      await newcomer.submit('/sign-in', { email: 'mo.mediator@example.com', password }),
      '/sign-in/second-factor',
    )
    assertRedirect(await newcomer.get('/sign-in/second-factor'), '/sign-in/enrol')
    const codes = await newcomer.passSecondStep('mo.mediator@example.com')
    assert.equal(html(codes).querySelector('a.govuk-button')?.getAttribute('href'), '/account/password')
    assertRedirect(await newcomer.get('/admin/users'), '/account/password')
  })

  it('a double submit before the first response is seen still makes one account', async () => {
    const agent = await admin()
    const form = await agent.get('/admin/users/new')
    const fields = {
      submissionKey: keyOf(form.body),
      name: 'Dee Double',
      email: 'dee@example.com',
      roles: 'coordinator',
      councils: warringtonId,
    }
    const [a, b] = await Promise.all([agent.post('/admin/users/new', fields), agent.post('/admin/users/new', fields)])
    assert.ok([a.statusCode, b.statusCode].includes(303))
    const [{ n } = { n: 0 }] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(eq(users.email, 'dee@example.com'))
    assert.equal(n, 1)
  })

  it('needs the councils of a coordinator, manager or commissioner, and none of an administrator or mediator', async () => {
    const agent = await admin()
    let form = await agent.get('/admin/users/new')
    const res = await agent.post('/admin/users/new', {
      submissionKey: keyOf(form.body),
      name: 'Noor Nowhere',
      email: 'noor@example.com',
      roles: 'manager',
    })
    assertFormErrors(res, ['councils'])
    assert.match(res.body, /Select the councils they work for/)
    assert.equal((await t.database.db.select().from(users).where(eq(users.email, 'noor@example.com'))).length, 0)

    form = await agent.get('/admin/users/new')
    const mixed = await agent.post('/admin/users/new', {
      submissionKey: keyOf(form.body),
      name: 'Cam Commissioner',
      email: 'cam@example.com',
      roles: ['commissioner', 'coordinator'],
      councils: warringtonId,
    })
    assertFormErrors(mixed, ['roles'])
    assert.match(mixed.body, /A commissioner is a council’s own staff/)

    form = await agent.get('/admin/users/new')
    assertRedirect(
      await agent.post('/admin/users/new', {
        submissionKey: keyOf(form.body),
        name: 'Cam Commissioner',
        email: 'cam@example.com',
        roles: 'commissioner',
        councils: warringtonId,
      }),
    )
    const [cam] = await t.database.db.select().from(users).where(eq(users.email, 'cam@example.com'))
    assert.deepEqual(cam!.roles, ['commissioner'])
    const [made] = await t.database.db.select().from(auditTrail).where(eq(auditTrail.recordId, cam!.id))
    assert.equal(made?.action, 'staff.created')
    assert.deepEqual(made?.after, {
      email: 'cam@example.com',
      name: 'Cam Commissioner',
      roles: ['commissioner'],
      councils: [warringtonId],
      disabled: false,
    })

    // A mediator works on the cases they are given: councils ticked for them are not kept.
    form = await agent.get('/admin/users/new')
    assertRedirect(
      await agent.post('/admin/users/new', {
        submissionKey: keyOf(form.body),
        name: 'Mia Mediator',
        email: 'mia@example.com',
        roles: 'mediator',
        councils: warringtonId,
      }),
    )
    const [mia] = await t.database.db.select().from(users).where(eq(users.email, 'mia@example.com'))
    assert.equal((await t.database.db.select().from(userCouncils).where(eq(userCouncils.userId, mia!.id))).length, 0)
  })
})
