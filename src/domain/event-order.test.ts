import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checkEventOrder, orderWarnings, type OrderEvent } from './event-order.ts'

const context = { receivedOn: '2026-11-02' }
const e = (type: string, date: string, data: Record<string, unknown> = {}): OrderEvent => ({ type, date, data })
const refused = (history: OrderEvent[], next: OrderEvent) => {
  const check = checkEventOrder(history, [next], context)
  assert.equal(check.ok, false, `${next.type} on ${next.date} should be refused`)
  return (check as { reason: string }).reason
}
const accepted = (history: OrderEvent[], next: OrderEvent | OrderEvent[]) => {
  const check = checkEventOrder(history, [next].flat(), context)
  assert.ok(check.ok, check.ok ? '' : check.reason)
  return check.warnings
}

const letter = e('decision-letter-sent', '2026-10-19')
const arranged = e('meeting-scheduled', '2026-11-10', { meetingDate: '2026-11-20' })

describe('the order of events', () => {
  it('accepts events in the usual order, without warnings', () => {
    const history = [letter, e('mediation-requested', '2026-11-03'), arranged]
    assert.deepEqual(accepted(history, [e('meeting-held', '2026-11-20'), e('mediation-concluded', '2026-11-20')]), [])
    assert.deepEqual(
      accepted([letter, e('mediation-declined', '2026-11-03')], e('certificate-issued', '2026-11-05')),
      [],
    )
  })

  it('refuses a meeting held, arranged or on a day before the case began', () => {
    assert.equal(
      refused([], e('meeting-held', '2026-10-30')),
      'The case began on Monday 2 November 2026: the meeting cannot have happened before it (Friday 30 October 2026).',
    )
    assert.match(
      refused([], e('meeting-scheduled', '2026-11-03', { meetingDate: '2026-10-31' })),
      /its meeting cannot be on Saturday 31 October 2026, before it/,
    )
    assert.match(
      refused([], e('meeting-scheduled', '2026-11-12', { meetingDate: '2026-11-11' })),
      /cannot have been arranged on Thursday 12 November 2026, after it/,
    )
  })

  it('refuses a meeting recorded as held, or the mediation as ended, before the meeting’s date', () => {
    assert.equal(
      refused([arranged], e('meeting-held', '2026-11-19')),
      'The meeting is on Friday 20 November 2026: it cannot be recorded as held on Thursday 19 November 2026, before its date.',
    )
    assert.match(refused([arranged], e('mediation-concluded', '2026-11-13', { outcome: 'none' })), /before its date/)
    // A cancelled meeting no longer sets a date.
    accepted(
      [arranged, e('meeting-cancelled', '2026-11-12')],
      e('meeting-scheduled', '2026-11-12', { meetingDate: '2026-11-16' }),
    )
  })

  it('refuses an answer or a reminder dated before the invitation', () => {
    const invited = [e('party-invited', '2026-11-10', { party: 'school', on: '2026-11-10' })]
    assert.equal(
      refused(invited, e('willingness-recorded', '2026-11-12', { party: 'school', on: '2026-11-09' })),
      'The answer (Monday 9 November 2026) cannot come before the invitation it answers (Tuesday 10 November 2026).',
    )
    assert.match(refused(invited, e('party-chased', '2026-11-09', { party: 'school', on: '2026-11-09' })), /A reminder/)
    accepted(invited, e('willingness-recorded', '2026-11-12', { party: 'school', on: '2026-11-11' }))
  })

  it('refuses a follow-up dated before the agreement it follows up', () => {
    const agreed = [arranged, e('meeting-held', '2026-11-20'), e('agreement-finalised', '2026-11-20')]
    assert.equal(
      refused(agreed, e('agreement-point-followed-up', '2026-11-19')),
      'The agreement was made on Friday 20 November 2026: following up a point of the agreement cannot be dated Thursday 19 November 2026, before it.',
    )
    assert.match(refused(agreed, e('follow-up-started', '2026-11-18')), /following up the agreement cannot be dated/)
    accepted(agreed, [e('follow-up-started', '2026-12-04'), e('agreement-point-followed-up', '2026-12-04')])
  })

  it('refuses an agreement dated before its meeting', () => {
    assert.match(
      refused(
        [arranged, e('meeting-held', '2026-11-20')],
        e('agreement-finalised', '2026-11-18', { outcome: 'agreement' }),
      ),
      /An agreement cannot be made before its meeting: the meeting was on Friday 20 November 2026, the agreement is dated Wednesday 18 November 2026/,
    )
  })

  it('refuses a certificate before what calls for it, or before the decision letter it follows', () => {
    assert.match(
      refused([letter, e('mediation-declined', '2026-11-06')], e('certificate-issued', '2026-11-05')),
      /The certificate follows declining mediation on Friday 6 November 2026: it cannot be issued on Thursday 5 November 2026, before it/,
    )
    assert.match(
      refused([letter], e('certificate-issued', '2026-10-16')),
      /follows the decision letter \(sent Monday 19 October 2026\)/,
    )
  })

  it('refuses an answer dated before the invitation it answers', () => {
    const invited = e('party-invited', '2026-11-05', { party: 'school', on: '2026-11-05' })
    assert.equal(
      refused([invited], e('willingness-recorded', '2026-11-06', { party: 'school', on: '2026-11-04' })),
      'The answer (Wednesday 4 November 2026) cannot come before the invitation it answers (Thursday 5 November 2026).',
    )
    accepted([invited], e('willingness-recorded', '2026-11-06', { party: 'local-authority', on: '2026-11-04' }))
  })

  it('refuses two outcomes that contradict each other, unless the case was reopened between', () => {
    const ended = e('mediation-concluded', '2026-11-20', { outcome: 'none' })
    assert.equal(
      refused([arranged, ended], e('agreement-finalised', '2026-11-23', { outcome: 'agreement' })),
      'The mediation was already recorded as ending in no agreement on Friday 20 November 2026: it cannot also have ended in an agreement.',
    )
    accepted([arranged, ended], e('agreement-finalised', '2026-11-23', { outcome: 'none' }))
    accepted(
      [arranged, ended, e('reopened', '2026-11-21')],
      e('mediation-concluded', '2026-11-23', { outcome: 'partial' }),
    )
  })

  it('checks events recorded together against each other', () => {
    const check = checkEventOrder(
      [],
      [e('meeting-scheduled', '2026-11-10', { meetingDate: '2026-11-20' }), e('meeting-held', '2026-11-10')],
      context,
    )
    assert.equal(check.ok, false)
  })

  it('accepts unusual but possible orders with a warning, and lists them for the case page', () => {
    assert.deepEqual(accepted([letter], e('mediation-declined', '2026-10-16')), [
      'Declining mediation (Friday 16 October 2026) is dated before the decision letter (Monday 19 October 2026): check both dates.',
    ])
    assert.deepEqual(accepted([], e('mediation-declined', '2026-10-30')), [
      'Declining mediation (Friday 30 October 2026) is dated before the case began (Monday 2 November 2026): check the date.',
    ])
    assert.match(
      accepted([], e('health-body-notified', '2026-11-04'))[0]!,
      /before the parent or young person asked for mediation/,
    )
    assert.match(
      accepted([e('mediation-declined', '2026-11-03')], e('decision-letter-sent', '2026-11-04'))[0]!,
      /new decision/,
    )
    assert.deepEqual(
      orderWarnings([letter, e('adviser-contacted', '2026-10-12'), e('mediation-requested', '2026-11-03')], context),
      [
        'Contact with the mediation adviser (Monday 12 October 2026) is dated before the decision letter (Monday 19 October 2026): check both dates.',
      ],
    )
  })
})
