import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { clockTime, portalProgress, type ProgressInput } from './progress.ts'

const base: ProgressInput = {
  party: { id: 'p1', role: 'parent' },
  status: 'preparation',
  route: 'sen-mediation',
  events: [
    { type: 'enquiry-received', occurredOn: '2026-10-20', data: { channel: 'online' } },
    { type: 'decision-letter-sent', occurredOn: '2026-10-19', data: {} },
    { type: 'scope-decided', occurredOn: '2026-10-21', data: { scope: 'sen-mediation', reason: 'STAFF REASON' } },
    { type: 'party-contacted', occurredOn: '2026-10-22', data: { partyId: 'p1', note: 'STAFF NOTE' } },
    { type: 'summary-submitted', occurredOn: '2026-10-23', data: { partyId: 'p2', party: 'the council' } },
    { type: 'summary-submitted', occurredOn: '2026-10-24', data: { partyId: 'p1' } },
    { type: 'mediator-allocated', occurredOn: '2026-10-22', data: { mediator: 'Maya Mediator' } },
  ],
  deadlines: [
    {
      name: 'appeal',
      dueDate: '2026-12-21',
      status: 'open',
      startedBy: { type: 'decision-letter-sent', date: '2026-10-19' },
    },
    {
      name: 'mediation-held',
      dueDate: '2026-12-01',
      status: 'open',
      startedBy: { type: 'mediation-requested', date: '2026-11-01' },
    },
    {
      name: 'update:p1',
      dueDate: '2026-12-04',
      status: 'open',
      startedBy: { type: 'enquiry-received', date: '2026-10-20' },
    },
    {
      name: 'update:p2',
      dueDate: '2026-12-09',
      status: 'open',
      startedBy: { type: 'enquiry-received', date: '2026-10-20' },
    },
  ],
  summariesReleaseOn: '2026-12-03',
  summariesReleased: false,
  hasSummary: true,
  today: '2026-11-27',
}

test("what has happened: only events meant for parties, in their words, newest first; never staff notes or another party's steps", () => {
  const progress = portalProgress(base)
  assert.deepEqual(
    progress.happened.map((h) => h.title),
    [
      'You sent your summary',
      'A mediator was chosen for the case',
      'We agreed the right kind of help: SEN mediation',
      'We received the request for help',
      "The council's decision letter was sent",
    ],
  )
  const all = JSON.stringify(progress)
  assert.ok(!all.includes('STAFF'))
  assert.equal(progress.happened[1]!.text, 'Your mediator is Maya Mediator.')
})

test('the dates that matter: the appeal deadline, with the date it was worked out from, for the family only', () => {
  const appeal = portalProgress(base).dates.find((d) => d.label === 'Last day to appeal to the SEND Tribunal')
  assert.equal(appeal?.date, '2026-12-21')
  assert.match(appeal!.text, /decision letter: Monday 19 October 2026/)
  const council = portalProgress({ ...base, party: { id: 'p2', role: 'local-authority' } })
  assert.ok(!council.dates.some((d) => d.label.includes('appeal')))
  const dr = portalProgress({ ...base, route: 'disagreement-resolution' })
  assert.ok(!dr.dates.some((d) => d.label.includes('appeal')), 'disagreement resolution never affects appeal rights')
})

test('what happens next: their own update date, and the summary while it is owed', () => {
  const next = portalProgress({ ...base, hasSummary: false }).next
  assert.ok(next.some((s) => s.title === 'Send your summary before the meeting' && s.date === '2026-12-03'))
  assert.equal(next.find((s) => s.title === 'We will give you an update')?.date, '2026-12-04')
  assert.ok(!portalProgress(base).next.some((s) => s.title.startsWith('Send your summary')))
})

test('times read as people say them', () => {
  assert.equal(clockTime('09:00'), '9am')
  assert.equal(clockTime('13:30'), '1:30pm')
  assert.equal(clockTime('12:00'), '12pm')
  assert.equal(clockTime('00:15'), '12:15am')
})

test("whatever the events, a party never sees another party's own steps or any free text staff typed", () => {
  const types = [
    'summary-submitted',
    'availability-given',
    'meeting-response',
    'agreement-accepted',
    'contact-preferences-changed',
    'closed',
    'withdrawn',
    'reopened',
    'cannot-arrange',
    'party-contacted',
    'update-sent',
  ]
  fc.assert(
    fc.property(
      fc.array(
        fc.record({ type: fc.constantFrom(...types), partyId: fc.constantFrom('p1', 'p2'), note: fc.string() }),
        { maxLength: 20 },
      ),
      (events) => {
        const progress = portalProgress({
          ...base,
          events: events.map((e) => ({
            type: e.type,
            occurredOn: '2026-11-01',
            data: { partyId: e.partyId, note: `NOTE:${e.note}`, reason: `REASON:${e.note}` },
          })),
        })
        const text = JSON.stringify(progress.happened)
        return (
          !text.includes('NOTE:') &&
          !text.includes('REASON:') &&
          progress.happened.length ===
            events.filter(
              (e) =>
                ['closed', 'withdrawn', 'reopened', 'cannot-arrange'].includes(e.type) ||
                (e.partyId === 'p1' && !['party-contacted', 'update-sent'].includes(e.type)),
            ).length
        )
      },
    ),
  )
})

test('an issued certificate is said to be issued, never sent (issuing sends nothing), and the family told where it is', () => {
  const issued = {
    ...base,
    status: 'certificate-issued',
    events: [...base.events, { type: 'certificate-issued', occurredOn: '2026-11-26', data: { kind: 'declined' } }],
  }
  const family = portalProgress(issued)
  assert.equal(family.stage, 'The mediation certificate has been issued')
  assert.deepEqual(family.happened[0], {
    date: '2026-11-26',
    title: 'The mediation certificate was issued',
    text: 'You can download it from your documents.',
  })
  const council = portalProgress({ ...issued, party: { id: 'p2', role: 'local-authority' } })
  assert.equal(council.happened[0]!.title, 'The mediation certificate was issued')
  assert.equal(council.happened[0]!.text, undefined)
  assert.doesNotMatch(JSON.stringify([family, council]), /certificate (has been|was) sent/)
})
