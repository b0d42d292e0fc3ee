import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { icbNoticeDeadline, icbNoticeOf, plannedPoints, type AgreementItem } from './agreement-items.ts'
import { createShippedCalendar } from './calendar.ts'

const calendar = createShippedCalendar()
const made = '2026-11-20' // Friday
const council = { kind: 'council' as const, name: 'Warrington Borough Council' }
const dates = (items: AgreementItem[]) => plannedPoints(items, made, calendar).map((p) => [p.what, p.due.dueDate])

describe('an agreement’s items and their follow-up dates (regs 42 and 44)', () => {
  it('gives every follow-up date of an appealable item, one point each', () => {
    assert.deepEqual(dates([{ what: 'Assess Amelia', who: council, appealable: true, kind: 'assess' }]), [
      ['Assess Amelia (tell the parent or young person the assessment will be carried out)', '2026-12-04'], // 2 weeks
      ['Assess Amelia (if no EHC plan is to be issued after the assessment, say so, with the reasons)', '2027-01-29'], // 10 weeks
      ['Assess Amelia (if an EHC plan is to be issued, issue the final plan)', '2027-02-26'], // 14 weeks
    ])
    assert.deepEqual(dates([{ what: 'Make a plan', who: council, appealable: true, kind: 'make-plan' }]), [
      ['Make a plan (send the draft EHC plan)', '2026-12-25'], // 5 weeks
      ['Make a plan (issue the final EHC plan)', '2027-02-05'], // 11 weeks
    ])
    assert.deepEqual(dates([{ what: 'Amend section F', who: council, appealable: true, kind: 'amend' }]), [
      ['Amend section F', '2026-12-25'], // 5 weeks
    ])
    assert.deepEqual(dates([{ what: 'Keep the plan', who: council, appealable: true, kind: 'cease' }]), [
      ['Keep the plan', '2026-11-20'], // immediately
    ])
    assert.deepEqual(dates([{ what: 'Name Brookfield in section I', who: council, appealable: true, kind: 'other' }]), [
      ['Name Brookfield in section I', '2026-12-04'], // 2 weeks
    ])
    assert.deepEqual(dates([{ what: 'Meet each term', who: { kind: 'school' }, appealable: false }]), [
      ['Meet each term', '2026-12-04'], // any other item: 2 weeks
    ])
  })

  it('uses a timescale the parties agreed in writing, one date for the item', () => {
    const [point, ...rest] = plannedPoints(
      [
        {
          what: 'Assess Amelia',
          who: council,
          appealable: true,
          kind: 'assess',
          timescaleAgreedInWriting: '2027-03-31',
        },
      ],
      made,
      calendar,
    )
    assert.equal(rest.length, 0)
    assert.equal(point!.due.dueDate, '2027-03-31')
    assert.equal(point!.due.basis, 'agreed-in-writing')
    assert.equal(point!.ownTimescaleAgreed, true)
    assert.match(point!.due.rule, /agreed in writing/)
  })

  it('names who does each item', () => {
    const [a, b] = plannedPoints(
      [
        { what: 'x', who: { kind: 'icb' }, appealable: false },
        { what: 'y', who: { kind: 'school', name: 'Brookfield Primary' }, appealable: false },
      ],
      made,
      calendar,
    )
    assert.equal(a!.responsible, 'The health body (ICB)')
    assert.equal(b!.responsible, 'The school, college or setting: Brookfield Primary')
  })

  it('has the health body tell the council within 1 week where the council was not a party', () => {
    assert.equal(icbNoticeOf(true, made, calendar), undefined)
    const notice = icbNoticeOf(false, made, calendar)!
    assert.equal(notice.dueDate, '2026-11-27')
    const finalised = { type: 'agreement-finalised', date: made, data: { icbNotice: notice } }
    assert.equal(icbNoticeDeadline([finalised], '2026-11-27')!.status, 'open')
    assert.equal(icbNoticeDeadline([finalised], '2026-11-30')!.status, 'overdue')
    const told = { type: 'council-told-of-agreement', date: '2026-11-26' }
    assert.deepEqual(
      [
        icbNoticeDeadline([finalised, told], '2026-11-30')!.status,
        icbNoticeDeadline([finalised, told], '2026-11-30')!.metOn,
      ],
      ['met', '2026-11-26'],
    )
    assert.equal(icbNoticeDeadline([{ ...finalised, data: {} }], '2026-11-30'), undefined)
  })
})
