// The interpreter's language is chosen from a list, with "another language" typed in: what is
// kept is the language's name, and the page shows it chosen again when the person comes back.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, html } from '../../../../test/helpers/html.ts'
import { Agent } from '../../../../test/helpers/agent.ts'
import { walkTo } from '../test-kit.ts'

describe('the interpreter language at /request/adjustments', () => {
  let t: TestApp
  let journey: Agent
  before(async () => {
    t = await createTestApp()
    journey = new Agent(t.app)
    await walkTo(journey, '/request/adjustments')
  })
  after(() => t.close())

  it('offers a list of languages with another language, and asks for one when an interpreter is ticked', async () => {
    const page = html(await journey.get('/request/adjustments'))
    const options = page.querySelectorAll('#language option').map((o) => o.getAttribute('value'))
    assert.ok(options.includes('Polish') && options.includes('Urdu') && options.includes('Arabic'))
    assert.equal(options.at(-1), 'other')
    assertFormErrors(await journey.submit('/request/adjustments', { adjustments: 'interpreter', language: '' }), [
      'language',
    ])
    const missing = await journey.submit('/request/adjustments', { adjustments: 'interpreter', language: 'other' })
    assertFormErrors(missing, ['otherLanguage'])
    assert.match(missing.body, /Enter the language you need an interpreter for/)
  })

  it('keeps a language from the list, and another typed in, and shows each again', async () => {
    assert.equal(
      (await journey.submit('/request/adjustments', { adjustments: 'interpreter', language: 'Somali' })).statusCode,
      303,
    )
    let page = html(await journey.get('/request/adjustments'))
    assert.equal(page.querySelector('#language option[selected]')?.getAttribute('value'), 'Somali')
    const typed = { adjustments: 'interpreter', language: 'other', otherLanguage: ' Yoruba ' }
    assert.equal((await journey.submit('/request/adjustments', typed)).statusCode, 303)
    page = html(await journey.get('/request/adjustments'))
    assert.equal(page.querySelector('#language option[selected]')?.getAttribute('value'), 'other')
    assert.equal(page.getElementById('otherLanguage')?.getAttribute('value'), 'Yoruba')
    // A language of the list typed in is kept in the list's spelling.
    await journey.submit('/request/adjustments', {
      adjustments: 'interpreter',
      language: 'other',
      otherLanguage: 'polish',
    })
    page = html(await journey.get('/request/adjustments'))
    assert.equal(page.querySelector('#language option[selected]')?.getAttribute('value'), 'Polish')
  })
})
