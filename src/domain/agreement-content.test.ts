import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { finalContentOf, responsibleOf, unresolvedIssues, type FinalContentInput } from './agreement-content.ts'
import { createShippedCalendar } from './calendar.ts'

const parties = [
  { id: 'p1', label: 'the parent (Sarah Hartley)' },
  { id: 'p2', label: 'the council (Warrington Borough Council)' },
]
const input = (change: Partial<FinalContentInput> = {}): FinalContentInput => ({
  today: '2026-11-27',
  calendar: createShippedCalendar(),
  outcome: 'agreement',
  version: 4,
  case: { reference: 'PAR-1', childName: 'Amelia Hartley', service: 'SEN mediation' },
  meeting: { day: '2026-11-27' },
  record: {
    startedAt: '10:00',
    endedAt: null,
    attendance: [
      {
        attendeeId: 'a1',
        partyId: 'p1',
        name: 'Sarah Hartley',
        role: 'Parent',
        party: '',
        attended: true,
        hadAuthorityToAgree: false,
      },
      {
        attendeeId: 'a2',
        partyId: 'p2',
        name: 'Priya Shah',
        role: 'SEN officer',
        party: 'the council',
        attended: false,
        hadAuthorityToAgree: false,
      },
    ],
    groundRules: { confidentiality: true, respect: true },
  },
  parties,
  accepted: [{ partyId: 'p1', how: 'portal' }],
  points: [
    {
      id: 'x1',
      responsiblePartyId: 'p2',
      responsibleName: 'Priya Shah',
      what: 'Send the draft plan.',
      byWhen: '2026-12-18',
      howKnown: null,
      appealableKind: 'draft-plan',
      ownTimescaleAgreed: false,
    },
  ],
  notAgreed: ['Transport to school.'],
  checkInsAgreed: true,
  acceptanceNote: 'The council will confirm online.',
  provider: { name: 'Parley', phone: '', email: '' },
  ...change,
})

describe('the final agreement worked out from the draft', () => {
  it('numbers the points and sets their due dates from the day it is made final', () => {
    const { content, points } = finalContentOf(input())
    assert.deepEqual(
      points.map((p) => [p.id, p.number, p.statutoryDueDate, p.dueDate]),
      [['x1', 1, '2027-01-01', '2026-12-18']],
    )
    assert.equal(content.points[0]!.responsible, 'Priya Shah (the council (Warrington Borough Council))')
    assert.ok(!('id' in content.points[0]!), 'the frozen words carry no row ids')
    assert.equal(content.version, 4)
  })

  it('lists who came, the ground rules agreed, and each acceptance in words', () => {
    const { content } = finalContentOf(input())
    assert.deepEqual(content.attended, [
      { name: 'Sarah Hartley', role: 'Parent', party: 'themselves', hadAuthorityToAgree: false },
    ])
    assert.deepEqual(
      content.groundRules.map((g) => g.agreed),
      [true, true, false, false],
    )
    assert.deepEqual(content.parties, [
      { name: 'The parent (Sarah Hartley)', accepted: 'Accepted online' },
      { name: 'The council (Warrington Borough Council)', accepted: null },
    ])
    assert.equal(content.acceptanceNote, 'The council will confirm online.')
  })

  it('keeps no note about acceptances once every party has accepted', () => {
    const { content } = finalContentOf(
      input({
        accepted: [
          { partyId: 'p1', how: 'portal' },
          { partyId: 'p2', how: 'at-meeting' },
        ],
      }),
    )
    assert.equal(content.acceptanceNote, null)
  })

  it('names who does a point, and finds the issues not fully resolved', () => {
    assert.equal(responsibleOf({ responsiblePartyId: null, responsibleName: null }, parties), 'No one named')
    assert.equal(responsibleOf({ responsiblePartyId: 'p1', responsibleName: null }, parties), parties[0]!.label)
    const agenda = [{ id: 'i1' }, { id: 'i2' }, { id: 'i3' }]
    assert.deepEqual(
      unresolvedIssues(agenda, { i1: 'resolved', i2: 'partly-resolved', i3: 'not-resolved' }).map((i) => i.id),
      ['i2', 'i3'],
    )
  })
})
