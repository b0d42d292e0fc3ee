// A family signs out with the menu's button (a POST with the page's token): a link or another
// site's form cannot sign them out, and GET /portal/sign-out only shows the button.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertRedirect, html } from '../../../../test/helpers/html.ts'
import { portalCases, signInWithLink } from '../testing.ts'

describe('signing out of the portal', () => {
  let t: TestApp
  let made: Awaited<ReturnType<typeof portalCases>>
  before(async () => {
    t = await createTestApp()
    made = await portalCases(t)
  })
  after(() => t.close())

  test("the menu's Sign out is a form's button with the page's token, and it signs out", async () => {
    const family = await signInWithLink(t, made.parent.id)
    const page = html(await family.get('/portal'))
    const form = page.querySelector('.govuk-service-navigation form[action="/portal/sign-out"]')!
    assert.equal(form.getAttribute('method'), 'post')
    assert.ok(form.querySelector('input[name=_csrf]')!.getAttribute('value'))
    assert.equal(page.querySelector('a[href="/portal/sign-out"]'), null)
    assertRedirect(await family.post('/portal/sign-out'), '/portal/signed-out')
    assertRedirect(await family.get('/portal'), '/portal/sign-in')
  })

  test('a link, or a post without the token, signs nobody out', async () => {
    const family = await signInWithLink(t, made.parent.id)
    await family.get('/portal')
    assert.equal((await family.post('/portal/sign-out', { _csrf: 'not-the-token' })).statusCode, 403)
    const followed = await family.get('/portal/sign-out')
    assert.equal(followed.statusCode, 200)
    assert.ok(html(followed).querySelector('main form[action="/portal/sign-out"] button'))
    assert.equal((await family.get('/portal')).statusCode, 200, 'still signed in')
  })
})
