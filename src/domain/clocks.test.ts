import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { createShippedCalendar } from './calendar.ts'
import {
  AGREEMENT_ITEM_KINDS,
  agreementDueDate,
  computeDeadlines,
  isSenExcludedDay,
  type AppealExclusion,
  type CaseEvent,
  type Deadline,
  type DeadlineName,
} from './clocks.ts'
import { addDays, addMonths, compare, fromDayNumber, toDayNumber } from './dates.ts'

const calendar = createShippedCalendar()
const EXCLUSIONS: AppealExclusion[] = ['move-out', 'skip-days', 'none']

function deadlines(
  events: CaseEvent[],
  options: { appealExclusion?: AppealExclusion; today?: string } = {},
): Deadline[] {
  return computeDeadlines(events, { calendar, ...options })
}

function only(list: Deadline[], name: DeadlineName): Deadline {
  const found = list.filter((d) => d.name === name)
  assert.equal(found.length, 1, `expected one ${name} deadline, got ${found.length}`)
  return found[0] as Deadline
}

function appealDue(events: CaseEvent[], appealExclusion: AppealExclusion): string {
  return only(deadlines(events, { appealExclusion }), 'appeal').dueDate
}

const letter = (date: string): CaseEvent => ({ type: 'decision-letter-sent', date })
const certificate = (date: string): CaseEvent => ({ type: 'certificate-issued', date })

describe('worked example from rules.md', () => {
  const events: CaseEvent[] = [
    letter('2026-10-19'),
    { type: 'adviser-contacted', date: '2026-12-18' },
    { type: 'mediation-declined', date: '2026-12-18' },
    certificate('2026-12-23'),
  ]

  it('certificate due Wed 23 Dec 2026, met that day', () => {
    const due = only(deadlines(events), 'certificate')
    assert.equal(due.dueDate, '2026-12-23')
    assert.deepEqual(due.startedBy, { type: 'mediation-declined', date: '2026-12-18' })
    assert.equal(due.status, 'met')
    assert.equal(due.metOn, '2026-12-23')
    assert.equal(due.source, 'SEND Regulations 2014, reg 34')
    assert.match(due.rule, /3 working days/)
  })

  it('appeal deadline Mon 25 Jan 2027, worked out from the certificate', () => {
    const appeal = only(deadlines(events), 'appeal')
    assert.equal(appeal.dueDate, '2027-01-25')
    assert.deepEqual(appeal.startedBy, { type: 'certificate-issued', date: '2026-12-23' })
    assert.match(appeal.rule, /Saturday 19 December 2026/)
    assert.match(appeal.rule, /Saturday 23 January 2027/)
    assert.match(appeal.rule, /Saturday 23 January 2027 is not a working day/)
    assert.match(appeal.rule, /Monday 25 January 2027\.$/)
    assert.match(appeal.source, /r\.20/)
    assert.equal(appealDue(events, 'none'), '2027-01-25')
    // Not counting 25 Dec-1 Jan pushes the month 8 days on, to Sun 31 Jan, so Mon 1 Feb.
    assert.equal(appealDue(events, 'skip-days'), '2027-02-01')
  })

  it('adviser contact within 2 months of the letter, met', () => {
    const contact = only(deadlines(events), 'adviser-contact')
    assert.equal(contact.dueDate, '2026-12-19')
    assert.equal(contact.status, 'met')
    assert.equal(contact.source, 'SEND Regulations 2014, reg 33')
  })

  it('before the certificate: certificate open, appeal 2 months from the letter', () => {
    const before = deadlines(events.slice(0, 3), { today: '2026-12-22' })
    assert.equal(only(before, 'certificate').status, 'open')
    const appeal = only(before, 'appeal')
    assert.equal(appeal.dueDate, '2026-12-21') // Sat 19 Dec moves to Mon 21 Dec
    assert.deepEqual(appeal.startedBy, { type: 'decision-letter-sent', date: '2026-10-19' })
    assert.match(appeal.rule, /If a mediation certificate is issued/)
    assert.equal(only(deadlines(events.slice(0, 3), { today: '2026-12-24' }), 'certificate').status, 'overdue')
  })

  it('orders deadlines by due date', () => {
    assert.deepEqual(
      deadlines(events).map((d) => d.name),
      ['adviser-contact', 'certificate', 'appeal'],
    )
  })
})

describe('appeal deadline: SEN exclusion of August and 25 Dec-1 Jan', () => {
  const cases: { name: string; events: CaseEvent[]; expected: Record<AppealExclusion, string> }[] = [
    {
      name: '2 months ends Mon 10 Aug 2026',
      events: [letter('2026-06-10')],
      expected: { 'move-out': '2026-09-01', 'skip-days': '2026-09-10', none: '2026-08-10' },
    },
    {
      name: '1 month after a certificate ends Mon 2 Aug 2027',
      events: [letter('2027-05-10'), certificate('2027-07-02')],
      expected: { 'move-out': '2027-09-01', 'skip-days': '2027-09-02', none: '2027-08-02' },
    },
    {
      name: 'ends Sat 31 Jul 2027: the weekend shift would land in August',
      events: [letter('2027-05-31')],
      expected: { 'move-out': '2027-09-01', 'skip-days': '2027-09-01', none: '2027-08-02' },
    },
    {
      name: 'ends Mon 28 Dec 2026, a bank holiday',
      events: [letter('2026-10-28')],
      expected: { 'move-out': '2027-01-04', 'skip-days': '2027-01-05', none: '2026-12-29' },
    },
    {
      name: 'ends Fri 1 Jan 2027',
      events: [letter('2026-11-01')],
      expected: { 'move-out': '2027-01-04', 'skip-days': '2027-01-11', none: '2027-01-04' },
    },
    {
      name: 'ends Sat 27 Dec 2025; 2 Jan 2026 is a working day',
      events: [letter('2025-10-27')],
      expected: { 'move-out': '2026-01-02', 'skip-days': '2026-01-05', none: '2025-12-29' },
    },
  ]
  for (const { name, events, expected } of cases) {
    for (const exclusion of EXCLUSIONS) {
      it(`${name}: ${exclusion}`, () => assert.equal(appealDue(events, exclusion), expected[exclusion]))
    }
  }

  it('defaults to move-out and explains the move', () => {
    const appeal = only(deadlines([letter('2026-06-10')]), 'appeal')
    assert.equal(appeal.dueDate, '2026-09-01')
    assert.match(appeal.rule, /Monday 10 August 2026 falls in August.*first working day of September/)
    assert.match(appeal.source, /IPSEA's reading/)
    const christmas = only(deadlines([letter('2026-10-28')]), 'appeal')
    assert.match(christmas.rule, /between 25 December and 1 January.*next working day in January/)
  })

  it('explains the skip-days extension', () => {
    const appeal = only(deadlines([letter('2026-06-10')], { appealExclusion: 'skip-days' }), 'appeal')
    assert.match(appeal.rule, /extended by 31 days to Thursday 10 September 2026/)
  })

  it('knows the excluded days', () => {
    for (const date of ['2026-08-01', '2026-08-31', '2026-12-25', '2026-12-31', '2027-01-01'])
      assert.ok(isSenExcludedDay(date), date)
    for (const date of ['2026-07-31', '2026-09-01', '2026-12-24', '2027-01-02'])
      assert.ok(!isSenExcludedDay(date), date)
  })

  const dates = fc.integer({ min: toDayNumber('2018-01-01'), max: toDayNumber('2028-09-30') }).map(fromDayNumber)

  it('is always a working day, outside the excluded days when they apply, and not before either period ends', () => {
    fc.assert(
      fc.property(
        dates,
        fc.option(fc.integer({ min: 0, max: 120 })),
        fc.constantFrom(...EXCLUSIONS),
        (sent, gap, exclusion) => {
          const events = [letter(sent), ...(gap === null ? [] : [certificate(addDays(sent, gap))])]
          const due = appealDue(events, exclusion)
          assert.ok(calendar.isWorkingDay(due))
          if (exclusion !== 'none') assert.ok(!isSenExcludedDay(due))
          assert.ok(compare(due, addMonths(sent, 2)) >= 0)
          if (gap !== null) assert.ok(compare(due, addMonths(addDays(sent, gap), 1)) >= 0)
        },
      ),
    )
  })

  it('none <= move-out <= skip-days', () => {
    fc.assert(
      fc.property(dates, fc.option(fc.integer({ min: 0, max: 120 })), (sent, gap) => {
        const events = [letter(sent), ...(gap === null ? [] : [certificate(addDays(sent, gap))])]
        const [none, moveOut, skip] = (['none', 'move-out', 'skip-days'] as const).map((e) => appealDue(events, e)) as [
          string,
          string,
          string,
        ]
        assert.ok(compare(none, moveOut) <= 0 && compare(moveOut, skip) <= 0, `${none} ${moveOut} ${skip}`)
      }),
    )
  })
})

describe('decision letter', () => {
  it('a letter date recorded again corrects the first: the last one recorded counts', () => {
    const list = deadlines([
      { type: 'decision-letter-sent', date: '2026-10-19' },
      { type: 'decision-letter-sent', date: '2026-10-12' },
    ])
    assert.equal(only(list, 'adviser-contact').dueDate, '2026-12-12')
    assert.equal(only(list, 'adviser-contact').startedBy.date, '2026-10-12')
  })
})

describe('certificate', () => {
  it('runs 3 working days from the first trigger, with a rule and source for each', () => {
    const triggers: [string, string, RegExp][] = [
      ['mediation-concluded', '2026-11-20', /SEND Regulations 2014, as IPSEA and local SENDIASS guidance explain it/],
      ['cannot-arrange', '2026-11-30', /IPSEA/],
      ['withdrawn', '2026-12-24', /secondary/],
    ]
    const expected = ['2026-11-25', '2026-12-03', '2026-12-31'] // Thu 24 Dec: 29, 30, 31 Dec
    triggers.forEach(([type, date, source], i) => {
      const due = only(deadlines([{ type, date }]), 'certificate')
      assert.equal(due.dueDate, expected[i], type)
      assert.match(due.source, source)
      // Case workers see the rule plainly; the doubt about a regulation's number is in the settings' help.
      assert.doesNotMatch(due.source, /unverified/)
      assert.ok(due.rule.length > 0)
    })
  })

  it('is never due in disagreement resolution, nor after a withdrawal that was not a change of mind or was reopened', () => {
    assert.equal(
      deadlines([
        {
          type: 'mediation-concluded',
          date: '2026-11-20',
          data: { outcome: 'agreement', route: 'disagreement-resolution' },
        },
      ]).filter((d) => d.name === 'certificate').length,
      0,
    )
    assert.equal(
      deadlines([{ type: 'withdrawn', date: '2026-11-20', data: { by: 'service', reason: 'x' } }]).filter(
        (d) => d.name === 'certificate',
      ).length,
      0,
    )
    const reopened = deadlines([
      { type: 'withdrawn', date: '2026-11-20', data: { by: 'parent', reason: 'x', certificateDue: true } },
      { type: 'reopened', date: '2026-11-21', data: { reason: 'changed back' } },
    ])
    assert.equal(reopened.filter((d) => d.name === 'certificate').length, 0)
    const changeOfMind = deadlines([
      { type: 'withdrawn', date: '2026-11-20', data: { by: 'parent', reason: 'x', certificateDue: true } },
    ])
    assert.equal(only(changeOfMind, 'certificate').dueDate, '2026-11-25')
  })

  it('is met late by a certificate after the due date', () => {
    const due = only(
      deadlines([{ type: 'mediation-declined', date: '2026-12-18' }, certificate('2026-12-24')]),
      'certificate',
    )
    assert.equal(due.status, 'met-late')
    assert.equal(due.metOn, '2026-12-24')
  })
})

describe('health and the 30-day clock', () => {
  const requested = (data: Record<string, unknown>): CaseEvent => ({
    type: 'mediation-requested',
    date: '2026-11-02',
    data,
  })

  it('health in issue: ICB told within 3 working days; mediation within 30 days of the request', () => {
    const list = deadlines([
      requested({ healthInIssue: true, healthOnly: false }),
      { type: 'health-body-notified', date: '2026-11-06' },
    ])
    const notice = only(list, 'health-body-notice')
    assert.equal(notice.dueDate, '2026-11-05')
    assert.equal(notice.status, 'met-late')
    const held = only(list, 'mediation-held')
    assert.equal(held.dueDate, '2026-12-02')
    assert.deepEqual(held.startedBy, { type: 'mediation-requested', date: '2026-11-02' })
  })

  it('health-only: the 30 days run from when the ICB is told', () => {
    const list = deadlines([
      requested({ healthInIssue: true, healthOnly: true }),
      { type: 'health-body-notified', date: '2026-11-04' },
    ])
    const held = only(list, 'mediation-held')
    assert.equal(held.dueDate, '2026-12-04')
    assert.deepEqual(held.startedBy, { type: 'health-body-notified', date: '2026-11-04' })
    assert.match(held.rule, /health body/)
    const waiting = deadlines([requested({ healthInIssue: true, healthOnly: true })])
    assert.equal(
      waiting.some((d) => d.name === 'mediation-held'),
      false,
    )
    assert.equal(only(waiting, 'health-body-notice').dueDate, '2026-11-05')
  })

  it('no health issue: no ICB deadline', () => {
    const list = deadlines([requested({ healthInIssue: false, healthOnly: false })])
    assert.deepEqual(
      list.map((d) => d.name),
      ['mediation-held'],
    )
  })

  it('met by the mediation concluding; stopped by cannot-arrange or withdrawal', () => {
    const met = deadlines([
      requested({}),
      { type: 'mediation-concluded', date: '2026-11-20', data: { outcome: 'agreement' } },
    ])
    assert.equal(only(met, 'mediation-held').status, 'met')
    const stopped = deadlines([requested({}), { type: 'cannot-arrange', date: '2026-11-30' }], { today: '2026-12-10' })
    assert.equal(only(stopped, 'mediation-held').status, 'stopped')
    assert.deepEqual(only(stopped, 'mediation-held').stoppedBy, { type: 'cannot-arrange', date: '2026-11-30' })
    assert.equal(only(stopped, 'certificate').dueDate, '2026-12-03')
    const withdrawn = deadlines([requested({}), { type: 'withdrawn', date: '2026-11-10' }])
    assert.equal(only(withdrawn, 'mediation-held').status, 'stopped')
  })

  it('open until today passes the due date, then overdue', () => {
    assert.equal(only(deadlines([requested({})], { today: '2026-12-02' }), 'mediation-held').status, 'open')
    assert.equal(only(deadlines([requested({})], { today: '2026-12-03' }), 'mediation-held').status, 'overdue')
    assert.equal(only(deadlines([requested({})]), 'mediation-held').status, 'open')
  })
})

describe('meeting notice', () => {
  const scheduled = (date: string, meetingDate: string, shorterNoticeAgreed?: boolean): CaseEvent => ({
    type: 'meeting-scheduled',
    date,
    data: { meetingDate, ...(shorterNoticeAgreed === undefined ? {} : { shorterNoticeAgreed }) },
  })

  it('date and place sent at least 5 working days before the meeting', () => {
    const due = only(deadlines([scheduled('2026-11-02', '2026-11-16')]), 'meeting-notice')
    assert.equal(due.dueDate, '2026-11-09')
    assert.match(due.rule, /Monday 16 November 2026/)
    assert.equal(only(deadlines([scheduled('2026-03-01', '2027-03-31')]), 'meeting-notice').dueDate, '2027-03-22') // over Easter
  })

  it('met, met late, and following a rescheduled meeting', () => {
    const sent = (date: string): CaseEvent => ({ type: 'meeting-notice-sent', date })
    assert.equal(
      only(deadlines([scheduled('2026-11-02', '2026-11-16'), sent('2026-11-09')]), 'meeting-notice').status,
      'met',
    )
    assert.equal(
      only(deadlines([scheduled('2026-11-02', '2026-11-16'), sent('2026-11-10')]), 'meeting-notice').status,
      'met-late',
    )
    const moved = only(
      deadlines([scheduled('2026-11-02', '2026-11-16'), sent('2026-11-03'), scheduled('2026-11-05', '2026-12-07')]),
      'meeting-notice',
    )
    assert.equal(moved.dueDate, '2026-11-30')
    assert.equal(moved.status, 'open') // the notice for the first date does not count
  })

  it('a cancelled meeting needs no notice; a new date starts it again', () => {
    const cancelled: CaseEvent = { type: 'meeting-cancelled', date: '2026-11-04' }
    assert.ok(!deadlines([scheduled('2026-11-02', '2026-11-16'), cancelled]).some((d) => d.name === 'meeting-notice'))
    assert.equal(
      only(
        deadlines([scheduled('2026-11-02', '2026-11-16'), cancelled, scheduled('2026-11-05', '2026-12-07')]),
        'meeting-notice',
      ).dueDate,
      '2026-11-30',
    )
  })

  it('shorter notice agreed: due by the meeting itself', () => {
    const due = only(deadlines([scheduled('2026-11-12', '2026-11-16', true)]), 'meeting-notice')
    assert.equal(due.dueDate, '2026-11-16')
    assert.match(due.rule, /agreed to shorter notice/)
  })
})

describe('calendar coverage', () => {
  it('flags deadlines past the last year of bank-holiday data', () => {
    const late = deadlines([letter('2028-12-01')])
    assert.equal(only(late, 'appeal').beyondCalendar, true)
    assert.equal(only(late, 'adviser-contact').beyondCalendar, true)
    for (const d of deadlines([letter('2028-06-01')])) assert.equal(d.beyondCalendar, undefined)
  })
})

describe('computeDeadlines in general', () => {
  it('gives nothing for no events, and ignores unknown event types', () => {
    assert.deepEqual(deadlines([]), [])
    assert.deepEqual(deadlines([{ type: 'note-added', date: '2026-01-01' }]), [])
  })

  it('rejects malformed dates', () => {
    assert.throws(() => deadlines([letter('2026-02-30')]), RangeError)
    assert.throws(() => deadlines([letter('2026-02-01')], { today: 'today' }), RangeError)
    assert.throws(
      () => deadlines([{ type: 'meeting-scheduled', date: '2026-02-01', data: { meetingDate: 'next week' } }]),
      RangeError,
    )
  })

  it('does not depend on the order events are passed in', () => {
    const events: CaseEvent[] = [
      letter('2026-10-19'),
      { type: 'adviser-contacted', date: '2026-11-02' },
      { type: 'mediation-requested', date: '2026-11-03', data: { healthInIssue: true, healthOnly: false } },
      { type: 'health-body-notified', date: '2026-11-05' },
      { type: 'meeting-scheduled', date: '2026-11-06', data: { meetingDate: '2026-11-24' } },
      { type: 'meeting-notice-sent', date: '2026-11-09' },
      { type: 'mediation-concluded', date: '2026-11-24', data: { outcome: 'partial' } },
      certificate('2026-11-26'),
    ]
    const expected = deadlines(events)
    assert.equal(expected.length, 6)
    assert.ok(expected.every((d) => d.status === 'met' || d.name === 'appeal'))
    fc.assert(
      fc.property(fc.shuffledSubarray(events, { minLength: events.length }), (shuffled) => {
        assert.deepEqual(deadlines(shuffled), expected)
      }),
    )
  })
})

describe('agreementDueDate (regs 42 and 44)', () => {
  const expected: Record<(typeof AGREEMENT_ITEM_KINDS)[number], string> = {
    'assess-notify': '2026-12-04',
    'not-issue-decision': '2027-01-29',
    'issue-final-plan': '2027-02-26',
    'draft-plan': '2026-12-25',
    'final-plan': '2027-02-05',
    'amend-plan': '2026-12-25',
    cease: '2026-11-20',
    other: '2026-12-04',
    'icb-tell-la': '2026-11-27',
  }
  for (const kind of AGREEMENT_ITEM_KINDS) {
    it(`${kind}`, () => {
      const due = agreementDueDate(kind, '2026-11-20', calendar)
      assert.equal(due.dueDate, expected[kind])
      assert.equal(due.agreedInWriting, false)
      assert.match(due.rule, /Friday 20 November 2026/)
      assert.match(due.source, /regs 42 and 44/)
    })
  }

  it('uses a date agreed in writing instead', () => {
    const due = agreementDueDate('draft-plan', '2026-11-20', calendar, '2027-01-15')
    assert.equal(due.dueDate, '2027-01-15')
    assert.equal(due.agreedInWriting, true)
    assert.match(due.rule, /agreed in writing/)
    assert.throws(() => agreementDueDate('other', '2026-11-20', calendar, '15/01/2027'), RangeError)
  })

  it('says "immediately" for ceasing and flags dates beyond the calendar', () => {
    assert.match(agreementDueDate('cease', '2026-11-20', calendar).rule, /immediately/)
    assert.equal(agreementDueDate('issue-final-plan', '2028-12-01', calendar).beyondCalendar, true)
    assert.equal(agreementDueDate('issue-final-plan', '2028-06-01', calendar).beyondCalendar, undefined)
  })
})
