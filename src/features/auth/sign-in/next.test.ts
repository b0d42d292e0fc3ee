// After signing in, "next" leads only to a page of Parley (web/local-path.ts): an address that a
// browser would read as another site lands the person on their home page instead.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, testPassword, type TestApp } from '../../../../test/helpers/app.ts'
import { assertRedirect, html } from '../../../../test/helpers/html.ts'
import { appCode, forgetLastCode } from '../../../../test/helpers/second-factor.ts'

describe('where signing in leads', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
    await createStaff(t.database, 'coordinator@example.com', ['coordinator'])
  })
  after(() => t.close())

  /** Signs in with this "next" through both steps: where the last step leads. */
  async function landing(next: string) {
    const agent = new Agent(t.app)
    await agent.get('/sign-in')
    const password = await agent.post('/sign-in', { email: 'coordinator@example.com', password: testPassword, next })
    assert.equal(password.statusCode, 303)
    if (password.headers.location !== '/sign-in/second-factor') return password
    await agent.get('/sign-in/second-factor')
    await forgetLastCode(t.database, 'coordinator@example.com')
    return agent.post('/sign-in/second-factor', { code: appCode(t.clock.now()) })
  }

  test('a link to /sign-in?next=/%5Cevil.example keeps no "next" at all', async () => {
    const asked = await new Agent(t.app).get('/sign-in?next=/%5Cevil.example')
    assert.equal(asked.statusCode, 200)
    assert.equal(html(asked).querySelector('input[name=next]'), null)
  })

  for (const next of [
    '/\\evil.example',
    '//evil.example',
    'https://evil.example',
    '/\\evil',
    '/\t/evil.example',
    '/.//evil.example',
  ]) {
    test(`"next" of ${JSON.stringify(next)} lands on the home page`, async () => {
      assertRedirect(await landing(next), '/today')
    })
  }

  test('a page of Parley is kept, with its query', async () => {
    const kept = await new Agent(t.app).get('/sign-in?next=%2Fcases%3Fstatus%3Dopen')
    assert.equal(html(kept).querySelector('input[name=next]')!.getAttribute('value'), '/cases?status=open')
    assertRedirect(await landing('/cases?status=open'), '/cases?status=open')
  })
})
