import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { placementOnly } from './appeal-subject.ts'
import { createShippedCalendar } from './calendar.ts'
import { computeDeadlines } from './clocks.ts'
import { refusalReason, stateFromEvents, transition } from './workflow.ts'

const calendar = createShippedCalendar()
const placement = { decisions: ['plan-contents'], sections: ['I'] }

describe('an appeal only about the school or placement named (section I)', () => {
  it('is one whose only section is I, and whose decisions are about the plan’s contents', () => {
    assert.equal(placementOnly({ decisions: ['plan-contents'], sections: ['I'] }), true)
    assert.equal(placementOnly({ decisions: [], sections: ['I', 'I'] }), true)
    assert.equal(placementOnly({ decisions: ['refuse-amend'], sections: ['I'] }), true)
    assert.equal(placementOnly({ decisions: ['plan-contents'], sections: ['B', 'I'] }), false)
    assert.equal(placementOnly({ decisions: ['cease-plan'], sections: ['I'] }), false)
    assert.equal(placementOnly({ decisions: ['plan-contents'], sections: [] }), false)
    assert.equal(placementOnly(undefined), false)
  })

  it('starts no adviser-contact and no certificate deadline; the appeal deadline stays', () => {
    const events = [
      { type: 'decision-letter-sent', date: '2026-10-19' },
      { type: 'mediation-declined', date: '2026-12-18' },
    ]
    const names = (list: { type: string; date: string; data?: Record<string, unknown> }[]) =>
      computeDeadlines(list, { calendar }).map((d) => d.name)
    assert.deepEqual(names(events).sort(), ['adviser-contact', 'appeal', 'certificate'])
    const scoped = [
      { type: 'scope-decided', date: '2026-10-20', data: { scope: 'sen-mediation', appealSubject: placement } },
      ...events,
    ]
    assert.deepEqual(names(scoped), ['appeal'])
    // A later decision that the appeal is about more than the placement brings them back.
    const widened = [
      ...scoped,
      {
        type: 'scope-decided',
        date: '2026-12-19',
        data: { scope: 'sen-mediation', appealSubject: { decisions: ['plan-contents'], sections: ['F', 'I'] } },
      },
    ]
    assert.deepEqual(names(widened).sort(), ['adviser-contact', 'appeal', 'certificate'])
  })

  it('needs no certificate in the workflow: declining leaves none due, and the case can be closed', () => {
    const decided = transition(stateFromEvents([]), {
      type: 'decide-scope',
      scope: 'sen-mediation',
      reason: 'Only the school named is in dispute',
      appealSubject: { decisions: ['plan-contents'], sections: ['I'] },
    })
    assert.ok(decided.ok)
    assert.deepEqual(decided.event.data.appealSubject, placement)
    const declined = transition(decided.state, { type: 'decline-mediation' })
    assert.ok(declined.ok)
    assert.equal(declined.state.certificateDue, undefined)
    assert.match(refusalReason(declined.state, 'issue-certificate')!, /needs no mediation certificate/)
    assert.equal(refusalReason(declined.state, 'close'), undefined)
    // Without the subject, the same steps make a certificate due.
    const plain = transition(stateFromEvents([]), { type: 'decide-scope', scope: 'sen-mediation', reason: 'x' })
    assert.ok(plain.ok)
    const due = transition(plain.state, { type: 'decline-mediation' })
    assert.ok(due.ok)
    assert.equal(due.state.certificateDue, 'declined')
  })
})
