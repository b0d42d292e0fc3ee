import assert from 'node:assert/strict'
import { test } from 'node:test'
import { availableActions, stateFromEvents, transition } from '../workflow.ts'

test('a case whose personal details were removed cannot be reopened or changed', () => {
  const closed = stateFromEvents([
    { type: 'enquiry-received', data: {} },
    { type: 'closed', data: { reason: 'Signposted elsewhere' } },
  ])
  assert.equal(
    transition(closed, { type: 'reopen', reason: 'They called again' }).ok,
    true,
    'before: it may be reopened',
  )

  const anonymised = stateFromEvents([{ type: 'anonymised', data: { why: 'retention' } }], closed)
  const refused = transition(anonymised, { type: 'reopen', reason: 'They called again' })
  assert.equal(refused.ok, false)
  assert.match(!refused.ok ? refused.reason : '', /personal details were removed.*Open a new case/)
  assert.deepEqual(availableActions(anonymised), [], 'no action is offered')
})
