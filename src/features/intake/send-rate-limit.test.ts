// Sending a request is rate-limited: a public form that makes a case must not be flooded.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { Agent } from '../../../test/helpers/agent.ts'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())

test('more than 10 sends in 10 minutes are refused', async () => {
  const agent = new Agent(t.app)
  await agent.get('/request') // for a form token
  for (let i = 0; i < 10; i++)
    assert.notEqual((await agent.post('/request/check', { submissionKey: `key-${i}` })).statusCode, 429)
  const res = await agent.post('/request/check', { submissionKey: 'key-10' })
  assert.equal(res.statusCode, 429)
  assert.match(res.body, /too many attempts/)
  // The questions themselves are not limited.
  assert.equal((await agent.post('/request', { role: 'parent' })).statusCode, 303)
})
