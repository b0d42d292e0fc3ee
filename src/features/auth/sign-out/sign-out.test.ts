// Signing out is a POST with the page's CSRF token, from the header's button: a link or a form on
// another site cannot sign anyone out, and GET /sign-out only shows the button.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertRedirect, html } from '../../../../test/helpers/html.ts'

describe('signing out', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
    await createStaff(t.database, 'coordinator@example.com', ['coordinator'])
  })
  after(() => t.close())

  test("the header's Sign out is a form's button (POST, with the page's token), not a link", async () => {
    const agent = await new Agent(t.app).signIn('coordinator@example.com')
    const page = html(await agent.get('/today'))
    const form = page.querySelector('.govuk-service-navigation form[action="/sign-out"]')!
    assert.equal(form.getAttribute('method'), 'post')
    assert.ok(form.querySelector('input[name=_csrf]')!.getAttribute('value'))
    assert.equal(form.querySelector('button')!.textContent.trim(), 'Sign out')
    assert.equal(page.querySelector('a[href="/sign-out"]'), null)
  })

  test('POST /sign-out with the token ends the session', async () => {
    const agent = await new Agent(t.app).signIn('coordinator@example.com')
    await agent.get('/today')
    assertRedirect(await agent.post('/sign-out'), '/sign-in')
    assertRedirect(await agent.get('/today'), /^\/sign-in/)
  })

  test('without the token (another site posting, or a link) nobody is signed out', async () => {
    const agent = await new Agent(t.app).signIn('coordinator@example.com')
    await agent.get('/today')
    const forged = await agent.post('/sign-out', { _csrf: 'not-the-token' })
    assert.equal(forged.statusCode, 403)
    const bare = await agent.post('/sign-out', { _csrf: '' })
    assert.equal(bare.statusCode, 403)
    const followed = await agent.get('/sign-out')
    assert.equal(followed.statusCode, 200, 'a link only shows the button')
    assert.ok(html(followed).querySelector('main form[action="/sign-out"] button'))
    assert.equal((await agent.get('/today')).statusCode, 200, 'still signed in')
    assertRedirect(await new Agent(t.app).get('/sign-out'), '/sign-in')
  })
})
