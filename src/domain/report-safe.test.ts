import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { createShippedCalendar } from './calendar.ts'
import { addFacts, channelOf, declineOf, emptyTally, issuedInTime, medianOf, type ReportFacts } from './report-facts.ts'
import { monthlyChunks, periodName, quarterChoices, quarterPeriod, yearPeriod } from './report-period.ts'
import { safeReport, type SafeReport, type SafeTable } from './report-safe.ts'
import { SAME_FIGURES } from './report-table-spec.ts'
import type { Figure } from './report-suppression.ts'
import { reportTables } from './report-tables.ts'

const calendar = createShippedCalendar()
const none = { received: 0, byStage: {}, answeredInTime: 0, upheld: 0, partlyUpheld: 0, notUpheld: 0 }
const noFacts = (): ReportFacts => ({
  enquiries: [],
  certificates: [],
  held: [],
  appeals: 0,
  declines: [],
  meetings: [],
  outcomes: [],
  points: [],
  feedback: [],
  complaints: { ...none, byStage: {} },
  sessions: [],
})

const tableOf = (report: SafeReport, id: string): SafeTable =>
  report.sections.flatMap((s) => s.tables).find((t) => t.id === id)!
/** A one-column table's figures: 'fewer than 5' for a hidden count from 1 to 4, 'hidden' for another hidden one. */
const column = (t: SafeTable) =>
  t.rows.map(({ cells: [f] }) => (!f!.suppressed ? f!.count : f!.small ? 'fewer than 5' : 'hidden'))

const enquiry = fc.record({
  n: fc.integer({ min: 1, max: 12 }),
  channel: fc.constantFrom('online', 'phone', 'email'),
  requesterRole: fc.constantFrom('parent', 'young-person', 'school', 'sendiass'),
  scope: fc.constantFrom('sen-mediation', 'disagreement-resolution', 'both', 'out-of-scope', 'undecided'),
  signpostedTo: fc.constantFrom('SENDIASS', 'The council SEN team', null),
})
const meeting = fc.record({
  n: fc.integer({ min: 1, max: 9 }),
  place: fc.constantFrom('Town Hall', 'Library', null),
  online: fc.boolean(),
  withFeedback: fc.boolean(),
})

describe('the report, from facts about cases', () => {
  it('counts a referral by who asked, whatever the channel, and the web form as web', () => {
    assert.equal(channelOf({ channel: 'phone', requesterRole: 'sendiass' }), 'referral')
    assert.equal(channelOf({ channel: 'online', requesterRole: 'parent' }), 'web')
    assert.equal(channelOf({ channel: 'email', requesterRole: 'young-person' }), 'email')
  })

  it('counts a certificate as in time up to the 3rd working day after what called for it', () => {
    // Friday 18 December 2026: the 3rd working day after is Wednesday 23 December.
    assert.equal(issuedInTime({ startedOn: '2026-12-18', issuedOn: '2026-12-23' }, calendar), true)
    // The next working day after is Tuesday 29 December (Christmas and Boxing Day in between).
    assert.equal(issuedInTime({ startedOn: '2026-12-18', issuedOn: '2026-12-24' }, calendar), false)
    assert.equal(issuedInTime({ startedOn: null, issuedOn: '2026-12-23' }, calendar), false)
  })

  it('says who said no and when', () => {
    const base = { n: 1, requesterRole: 'parent' }
    assert.deepEqual(declineOf({ ...base, type: 'mediation-declined' }), { who: 'parent', stage: 'offered' })
    assert.deepEqual(declineOf({ ...base, type: 'mediation-declined', requesterRole: 'young-person' }), {
      who: 'young-person',
      stage: 'offered',
    })
    assert.deepEqual(declineOf({ ...base, type: 'willingness-recorded', party: 'school', answer: 'unwilling' }), {
      who: 'school',
      stage: 'asked',
    })
    assert.equal(declineOf({ ...base, type: 'willingness-recorded', party: 'school', answer: 'willing' }), undefined)
    assert.deepEqual(declineOf({ ...base, type: 'withdrawn', by: 'parent', from: 'preparation' }), {
      who: 'parent',
      stage: 'withdrew-before',
    })
    assert.deepEqual(declineOf({ ...base, type: 'withdrawn', by: 'service', from: 'meeting-held' }), {
      who: 'service',
      stage: 'withdrew-after',
    })
  })

  it('takes the median of days, the middle two averaged', () => {
    assert.equal(medianOf({}), undefined)
    assert.equal(medianOf({ 10: 1, 20: 1, 40: 1 }), 20)
    assert.equal(medianOf({ 10: 2, 21: 2 }), 15.5)
  })

  it('adds months up to the same tally as the whole period', () => {
    const a = noFacts()
    a.enquiries.push({ n: 7, channel: 'online', requesterRole: 'parent', scope: 'sen-mediation', signpostedTo: null })
    const b = noFacts()
    b.enquiries.push({ n: 3, channel: 'online', requesterRole: 'parent', scope: 'sen-mediation', signpostedTo: null })
    const twice = addFacts(addFacts(emptyTally(), a, calendar), b, calendar)
    assert.equal(twice.channel.web, 10)
  })

  it('hides a figure in every table that shows it: a hidden referral hides the professionals who asked', () => {
    const facts = noFacts()
    facts.enquiries.push(
      { n: 30, channel: 'online', requesterRole: 'parent', scope: 'sen-mediation', signpostedTo: null },
      { n: 7, channel: 'phone', requesterRole: 'parent', scope: 'disagreement-resolution', signpostedTo: null },
      { n: 3, channel: 'email', requesterRole: 'parent', scope: 'out-of-scope', signpostedTo: 'SENDIASS' },
      { n: 6, channel: 'phone', requesterRole: 'school', scope: 'sen-mediation', signpostedTo: null },
    )
    const report = safeReport(reportTables(addFacts(emptyTally(), facts, calendar)))
    // Web 30, phone 7, email 3 (fewer than 5), referral 6: the referral is the next smallest, hidden too.
    assert.deepEqual(column(tableOf(report, 'enquiries-channel')), [30, 7, 'fewer than 5', 'hidden'])
    // Parent 40, young person 0, professional 6: nothing small, but the professionals are the
    // referrals, so hidden; then the parents too, or 46 less 0 would give the 6 away. Neither is
    // from 1 to 4, so neither reads "fewer than 5".
    assert.deepEqual(column(tableOf(report, 'enquiries-asker')), ['hidden', 0, 'hidden'])
    assert.deepEqual(tableOf(report, 'enquiries-asker').totals!.cells, [{ count: 46, suppressed: false }])
  })

  it('shows a share only when its figures are shown, and a median only over 5 or more', () => {
    const facts = noFacts()
    const held = (n: number, heldOn: string) => ({
      n,
      requestedOn: '2026-10-01',
      healthOnly: false,
      healthToldOn: null,
      heldOn,
    })
    facts.held.push(held(3, '2026-10-20'), held(1, '2026-11-20'))
    let table = tableOf(safeReport(reportTables(addFacts(emptyTally(), facts, calendar))), 'mediation-held')
    assert.deepEqual(
      table.derived.map((d) => [d.value, d.suppressed]),
      [
        [null, true],
        [null, true],
      ],
    )
    facts.held.push(held(6, '2026-10-15'), held(5, '2026-11-05'), { ...held(4, '2026-10-09'), healthOnly: true })
    table = tableOf(safeReport(reportTables(addFacts(emptyTally(), facts, calendar))), 'mediation-held')
    // 9 within 30 days (14 and 19 days), 6 later (35 and 50 days): 60%; the middle of 15 is the 8th,
    // 19 days. Health-only mediation with the health body not yet told has no clock: not counted.
    assert.deepEqual(column(table), [9, 6])
    assert.deepEqual(
      table.derived.map((d) => [d.label, d.value]),
      [
        ['Share held within 30 days', 60],
        ['Median days from the council being told', 19],
      ],
    )
  })

  it('marks a hidden figure small (it reads "fewer than 5") exactly when its count is from 1 to 4, in every table', () => {
    fc.assert(
      fc.property(fc.array(enquiry, { maxLength: 12 }), fc.array(meeting, { maxLength: 8 }), (enquiries, meetings) => {
        const specs = reportTables(addFacts(emptyTally(), { ...noFacts(), enquiries, meetings }, calendar))
        const report = safeReport(specs)
        for (const spec of specs) {
          const table = tableOf(report, spec.id)
          const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0)
          const columns = spec.columns.map((_, c) => sum(spec.rows.map((r) => r.counts[c]!)))
          const pairs: [number, Figure | undefined][] = [
            ...spec.rows.flatMap((row, r) => [
              ...row.counts.map((n, c): [number, Figure] => [n, table.rows[r]!.cells[c]!]),
              [sum(row.counts), table.rows[r]!.total] as [number, Figure | undefined],
            ]),
            ...columns.map((n, c): [number, Figure | undefined] => [n, table.totals?.cells[c]]),
            [sum(columns), table.totals?.total],
          ]
          for (const [n, f] of pairs) {
            if (!f) continue
            if (!f.suppressed) assert.equal(f.count, n, spec.id)
            else assert.equal(f.small === true, n >= 1 && n <= 4, `${spec.id}: ${n} ${JSON.stringify(f)}`)
            assert.ok(!('small' in f) || f.small === true, 'small is there only as true')
          }
        }
      }),
      { numRuns: 200 },
    )
  })

  it('never shows a figure one table hides that another gives, for any facts', () => {
    fc.assert(
      fc.property(fc.array(enquiry, { maxLength: 12 }), fc.array(meeting, { maxLength: 8 }), (enquiries, meetings) => {
        const facts = { ...noFacts(), enquiries, meetings }
        const report = safeReport(reportTables(addFacts(emptyTally(), facts, calendar)))
        for (const group of SAME_FIGURES) {
          const figures = group.flatMap((ref) => {
            const table = tableOf(report, ref.table)
            if ('total' in ref) return table.totals ? [table.totals.total ?? table.totals.cells[0]!] : []
            const row = table.rows.find((r) => r.key === ref.row)
            return row ? [row.total ?? row.cells[0]!] : []
          })
          const hiddenCount = figures.filter((f) => f.suppressed).length
          assert.ok(hiddenCount === 0 || hiddenCount === figures.length, JSON.stringify({ group, figures }))
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('report periods', () => {
  it('names months, quarters and financial years', () => {
    assert.equal(periodName({ from: '2026-11-01', to: '2026-11-30' }), 'November 2026')
    assert.equal(periodName(quarterPeriod('2026-07')!), 'July to September 2026')
    assert.equal(periodName(yearPeriod('2026')!), 'April 2026 to March 2027')
    assert.equal(periodName({ from: '2026-11-02', to: '2026-11-30' }), undefined)
    assert.equal(quarterPeriod('2026-08'), undefined)
    assert.equal(quarterChoices('2026-11-27')[0]!.text, 'October to December 2026')
  })

  it('splits a period into calendar months', () => {
    assert.deepEqual(monthlyChunks({ from: '2026-01-15', to: '2026-03-02' }), [
      { from: '2026-01-15', to: '2026-01-31' },
      { from: '2026-02-01', to: '2026-02-28' },
      { from: '2026-03-01', to: '2026-03-02' },
    ])
  })
})
