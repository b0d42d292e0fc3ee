import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { stateFromEvents, type CaseState } from '../workflow.ts'
import { stepsNow } from './next-steps.ts'

const after = (...types: [string, Record<string, unknown>?][]): CaseState =>
  stateFromEvents(types.map(([type, data]) => ({ type, data: data ?? {} })))

describe('the steps open now: what moves the case on, apart from what changes a done step', () => {
  it('offers deciding the scope only before it is decided, and then as a change', () => {
    assert.deepEqual(stepsNow(after()).next, ['decide-scope'])
    const decided = stepsNow(after(['scope-decided', { scope: 'disagreement-resolution', reason: 'x' }]))
    assert.deepEqual(decided.next, ['start-willingness'])
    assert.deepEqual(decided.other, ['decide-scope', 'withdraw'])
  })

  it('offers allocating a mediator only until one is allocated', () => {
    const asking = after(['scope-decided', { scope: 'disagreement-resolution', reason: 'x' }], ['willingness-started'])
    assert.ok(stepsNow(asking).next.includes('allocate-mediator'))
    const allocated = stepsNow(
      after(
        ['scope-decided', { scope: 'disagreement-resolution', reason: 'x' }],
        ['willingness-started'],
        ['mediator-allocated', { mediator: 'Maya Mediator' }],
      ),
    )
    assert.deepEqual(allocated.next, ['start-preparation'])
    assert.ok(allocated.other.includes('allocate-mediator'))
  })

  it('never lists a step twice, and lists only steps open now', () => {
    for (const state of [after(), after(['scope-decided', { scope: 'sen-mediation', reason: 'x' }])]) {
      const { next, other } = stepsNow(state)
      assert.equal(new Set([...next, ...other]).size, next.length + other.length)
    }
  })
})
