import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { users } from '../../../db/schema/index.ts'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect } from '../../../../test/helpers/html.ts'

describe('choosing a new password', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
    await createStaff(t.database, 'new@example.com', ['coordinator'])
    await t.database.db.update(users).set({ mustChangePassword: true }).where(eq(users.email, 'new@example.com'))
  })
  after(() => t.close())

  test('someone with a one-time password is sent to choose their own before anything else', async () => {
    const agent = new Agent(t.app)
    await agent.get('/sign-in')
    assertRedirect(
      await agent.post('/sign-in', { email: 'new@example.com', password: 'correct horse battery staple' }),
      '/sign-in/second-factor',
    )
    assertRedirect(await agent.passSecondStep('new@example.com'), '/account/password')
    assertRedirect(await agent.get('/cases'), '/account/password')
    assert.equal((await agent.get('/account/password')).statusCode, 200)

    assertFormErrors(await agent.submit('/account/password', { password: 'short', confirm: 'short' }), ['password'])
    assertFormErrors(
      await agent.submit('/account/password', { password: 'a long enough password', confirm: 'something else' }),
      ['confirm'],
    )
    assertRedirect(
      await agent.submit('/account/password', {
        password: 'a long enough password',
        confirm: 'a long enough password',
      }),
      '/today',
    )
    const page = await agent.get('/today')
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Your password has been changed/)

    const signInAgain = new Agent(t.app)
    assertRedirect(
      await signInAgain.submit('/sign-in', { email: 'new@example.com', password: 'a long enough password' }),
      '/sign-in/second-factor',
    )
    assertRedirect(await signInAgain.passSecondStep('new@example.com'), '/today')
  })

  test('without a session the page sends you to sign in', async () => {
    assertRedirect(await new Agent(t.app).get('/account/password'), /^\/sign-in/)
  })
})
