import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createShippedCalendar } from './calendar.ts'
import {
  agreementPointDeadlines,
  APPEALABLE_KINDS,
  concludedOutcome,
  followUpCounts,
  pointDueDate,
  type AppealableKind,
} from './agreement-rules.ts'

const calendar = createShippedCalendar()
// Agreement made on Friday 20 November 2026.
const made = '2026-11-20'

describe('when each point is due (regs 42 and 44, rules.md "After an agreement")', () => {
  // rules.md: assess, notify within 2 weeks; decide not to issue a plan within 10 weeks; issue the
  // final plan within 14 weeks; to make a plan, a draft within 5 weeks, the final within 11; to
  // cease, immediately; any other item within 2 weeks.
  const expected: Record<AppealableKind, string> = {
    assess: '2026-12-04',
    'no-plan': '2027-01-29',
    'issue-plan': '2027-02-26',
    'draft-plan': '2026-12-25',
    'final-plan': '2027-02-05',
    amend: '2026-12-25', // reg 44: an amended plan within 5 weeks
    cease: '2026-11-20',
    other: '2026-12-04',
  }
  for (const kind of APPEALABLE_KINDS) {
    it(`${kind}: due ${expected[kind]} by law`, () => {
      const due = pointDueDate({ appealableKind: kind }, made, calendar)
      assert.equal(due.statutoryDueDate, expected[kind])
      assert.equal(due.dueDate, expected[kind])
      assert.equal(due.basis, 'statutory')
      assert.match(due.source, /regs 42 and 44/)
    })
  }

  it('a point that could not be appealed is due within 2 weeks', () => {
    const due = pointDueDate({ appealableKind: null }, made, calendar)
    assert.equal(due.dueDate, '2026-12-04')
    assert.match(due.rule, /within 2 weeks/)
  })

  it('a sooner date the parties wrote in counts; a later one only when agreed in writing', () => {
    assert.deepEqual(
      [pointDueDate({ appealableKind: 'draft-plan', byWhen: '2026-12-18' }, made, calendar)].map((d) => [
        d.dueDate,
        d.basis,
      ]),
      [['2026-12-18', 'by-when']],
    )
    const later = pointDueDate({ appealableKind: 'draft-plan', byWhen: '2027-01-15' }, made, calendar)
    assert.deepEqual([later.dueDate, later.basis, later.statutoryDueDate], ['2026-12-25', 'statutory', '2026-12-25'])
    const agreed = pointDueDate(
      { appealableKind: 'draft-plan', byWhen: '2027-01-15', ownTimescaleAgreed: true },
      made,
      calendar,
    )
    assert.deepEqual(
      [agreed.dueDate, agreed.basis, agreed.statutoryDueDate],
      ['2027-01-15', 'agreed-in-writing', '2026-12-25'],
    )
    assert.match(agreed.rule, /agreed in writing/)
    // Ticking the box without a date changes nothing.
    assert.equal(
      pointDueDate({ appealableKind: 'assess', ownTimescaleAgreed: true }, made, calendar).dueDate,
      '2026-12-04',
    )
    // A non-appealable point with a later date not agreed in writing: the 2 weeks stand.
    assert.equal(pointDueDate({ byWhen: '2027-03-01' }, made, calendar).dueDate, '2026-12-04')
    assert.equal(pointDueDate({ byWhen: '2027-03-01', ownTimescaleAgreed: true }, made, calendar).dueDate, '2027-03-01')
  })
})

describe('how the mediation ended, and the counts for reporting', () => {
  it('no points: no agreement; anything left open: partial; otherwise agreement', () => {
    assert.equal(concludedOutcome({ points: 0, notAgreed: 2, issueOutcomes: [] }), 'none')
    assert.equal(concludedOutcome({ points: 2, notAgreed: 1, issueOutcomes: ['resolved'] }), 'partial')
    assert.equal(
      concludedOutcome({ points: 2, notAgreed: 0, issueOutcomes: ['resolved', 'partly-resolved'] }),
      'partial',
    )
    assert.equal(concludedOutcome({ points: 2, notAgreed: 0, issueOutcomes: ['resolved', 'resolved'] }), 'agreement')
  })

  it('counts a late point as kept', () => {
    assert.deepEqual(
      followUpCounts([{ followUp: 'kept' }, { followUp: 'late' }, { followUp: 'not-kept' }, { followUp: 'open' }]),
      { kept: 2, notKept: 1, open: 1 },
    )
  })
})

describe('points as deadlines, from the events', () => {
  const finalised = {
    type: 'agreement-finalised',
    date: made,
    data: {
      points: [
        {
          id: 'p1',
          number: 1,
          what: 'Send the draft plan',
          responsible: 'the council',
          dueDate: '2026-12-04',
          rule: 'r1',
        },
        {
          id: 'p2',
          number: 2,
          what: 'Meet every Monday',
          responsible: 'the school',
          dueDate: '2026-12-11',
          rule: 'r2',
        },
        {
          id: 'p3',
          number: 3,
          what: 'Refer to speech therapy',
          responsible: 'the health body',
          dueDate: '2026-12-11',
          rule: 'r3',
        },
      ],
    },
  }
  it('open, overdue, met, met late or stopped', () => {
    const list = agreementPointDeadlines(
      [
        finalised,
        { type: 'agreement-point-followed-up', date: '2026-12-14', data: { pointId: 'p2', outcome: 'late' } },
        { type: 'agreement-point-followed-up', date: '2026-12-14', data: { pointId: 'p3', outcome: 'not-kept' } },
      ],
      '2026-12-14',
    )
    assert.deepEqual(
      list.map((d) => [d.name, d.status, d.metOn]),
      [
        ['agreement-point:p1', 'overdue', undefined],
        ['agreement-point:p2', 'met-late', '2026-12-14'],
        ['agreement-point:p3', 'stopped', '2026-12-14'],
      ],
    )
    assert.equal(list[0]!.label, 'Agreement point 1: Send the draft plan (the council)')
    assert.deepEqual(
      agreementPointDeadlines([finalised], '2026-12-01').map((d) => d.status),
      ['open', 'open', 'open'],
    )
    assert.deepEqual(agreementPointDeadlines([{ type: 'meeting-held', date: made }], made), [])
  })
})
