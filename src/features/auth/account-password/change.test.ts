// Changing one's own password: the current one first, a new one as the NCSC advises (long, not
// common, not one's own email or name), each problem said plainly and no password filled in
// again; the change ends every other session of the person and keeps the one it was made in.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { auditTrail, sessions } from '../../../db/schema/index.ts'
import { passwordMessages } from '../../../domain/password-policy.ts'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, testPassword, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html } from '../../../../test/helpers/html.ts'

describe('changing your password', () => {
  let t: TestApp
  let userId: string
  before(async () => {
    t = await createTestApp()
    userId = (await createStaff(t.database, 'priya.okafor@example.com', ['coordinator'], 'Priya Okafor')).id
  })
  after(() => t.close())

  const messageOf = (res: Awaited<ReturnType<Agent['post']>>, field: string) =>
    html(res).querySelector(`#${field}-error`)?.textContent.replace('Error:', '').trim()

  test('each problem is said plainly, and no password field is ever filled in again', async () => {
    const agent = await new Agent(t.app).signIn('priya.okafor@example.com')
    const page = await agent.get('/account/password')
    assert.ok(html(page).getElementById('current'), 'the current password is asked for')
    const cases: [Record<string, string>, string, string][] = [
      [
        { current: '', password: 'kettle drum sparrow', confirm: 'kettle drum sparrow' },
        'current',
        'Enter your current password',
      ],
      [
        { current: testPassword, password: 'aaaaaaaaaaaa', confirm: 'aaaaaaaaaaaa' },
        'password',
        passwordMessages.predictable,
      ],
      [
        { current: testPassword, password: 'password1234', confirm: 'password1234' },
        'password',
        passwordMessages.common,
      ],
      [
        { current: testPassword, password: 'priya.okafor@example.com', confirm: 'priya.okafor@example.com' },
        'password',
        passwordMessages.personal,
      ],
      [
        { current: testPassword, password: 'Priya Okafor 2026', confirm: 'Priya Okafor 2026' },
        'password',
        passwordMessages.personal,
      ],
      [{ current: testPassword, password: 'too short', confirm: 'too short' }, 'password', passwordMessages.short],
      [
        { current: testPassword, password: 'kettle drum sparrow', confirm: 'kettle drum sparow' },
        'confirm',
        'The passwords do not match: enter the same password twice',
      ],
      [
        { current: 'not my password', password: 'kettle drum sparrow', confirm: 'kettle drum sparrow' },
        'current',
        'Your current password is not right. Enter the password you sign in with now',
      ],
    ]
    for (const [fields, field, message] of cases) {
      const res = await agent.submit('/account/password', fields)
      assertFormErrors(res, [field])
      assert.equal(messageOf(res, field), message, JSON.stringify(fields))
      for (const input of html(res).querySelectorAll('input[type=password]')) {
        assert.equal(input.getAttribute('value'), undefined, `${input.getAttribute('name')} is not filled in again`)
      }
    }
  })

  test('a long passphrase is welcome; the change signs you out everywhere else and keeps this session', async () => {
    const elsewhere = await new Agent(t.app).signIn('priya.okafor@example.com')
    const other = await new Agent(t.app).signIn('priya.okafor@example.com')
    const here = await new Agent(t.app).signIn('priya.okafor@example.com')
    assert.equal((await elsewhere.get('/cases')).statusCode, 200)
    const passphrase = 'the allotment shed by the canal has a blue door and a leaky roof'
    assertRedirect(
      await here.submit('/account/password', { current: testPassword, password: passphrase, confirm: passphrase }),
      '/today',
    )
    assert.match((await here.get('/today')).body, /Your password has been changed/)
    assert.equal((await here.get('/cases')).statusCode, 200, 'the session it was changed in goes on')
    assertRedirect(await elsewhere.get('/cases'), /^\/sign-in/)
    assertRedirect(await other.get('/cases'), /^\/sign-in/)
    const left = (await t.database.db.select().from(sessions)).filter((s) => s.data.userId === userId)
    assert.equal(left.length, 1)
    const [changed] = await t.database.db
      .select()
      .from(auditTrail)
      .where(eq(auditTrail.action, 'staff.password-changed'))
    assert.equal(changed?.userId, userId)

    // The new password signs in; the old one does not.
    await new Agent(t.app).signIn('priya.okafor@example.com', passphrase)
    const old = await new Agent(t.app).submit('/sign-in', { email: 'priya.okafor@example.com', password: testPassword })
    assertFormErrors(old, ['email'])
  })
})
