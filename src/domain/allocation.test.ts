import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { likelyWindow, POINTS, rankMediators, speaks, type AllocationCandidate, type CaseNeeds } from './allocation.ts'
import { addDays } from './dates.ts'

const today = '2026-11-27' // a Friday
const warrington = { id: 'la-warrington', code: 'warrington', name: 'Warrington Borough Council' }

const needs: CaseNeeds = {
  localAuthority: warrington,
  organisations: [
    { kind: 'local-authority', name: 'Warrington Borough Council' },
    { kind: 'school', name: 'Brookfield Primary School' },
  ],
  languages: [],
  window: { from: today, to: '2026-12-18' },
}

let n = 0
function mediator(change: Partial<AllocationCandidate> = {}): AllocationCandidate {
  n++
  return {
    id: `m${String(n).padStart(3, '0')}`,
    name: `Mediator ${n}`,
    cmcRegistrationExpiry: '2027-06-30',
    sendRegisterExpiry: '2027-06-30',
    senTrainingCompletedOn: '2024-03-01',
    insuranceCoverPounds: 2_000_000,
    insuranceExpiry: '2027-06-30',
    dbsRenewalDue: '2028-01-01',
    cpdHoursByYear: { 2026: 8 },
    active: true,
    languages: ['English'],
    areas: ['warrington'],
    workingDays: [1, 2, 3, 4, 5],
    unavailability: [],
    conflicts: [],
    allocatedOn: [],
    ...change,
  }
}

const link = (
  change: Partial<AllocationCandidate['conflicts'][number]> = {},
): AllocationCandidate['conflicts'][number] => ({
  organisationKind: 'school',
  organisationName: 'Brookfield Primary School',
  localAuthorityId: null,
  link: 'family',
  endedOn: null,
  ...change,
})

const texts = (r: { reasons: { text: string }[] }) => r.reasons.map((x) => x.text)

describe('ranking mediators for a case', () => {
  it('explains a good mediator in plain English', () => {
    const [r] = rankMediators([mediator({ name: 'Alex Able' })], needs, today)
    assert.equal(r!.eligible, true)
    assert.equal(r!.rank, 1)
    assert.deepEqual(texts(r!), [
      'No declared link to anyone in this case',
      'Accreditation, insurance and DBS check in date',
      'Free on every working day from Friday 27 November 2026 to Friday 18 December 2026',
      'Works in the Warrington Borough Council area',
      'No cases allocated in the last 90 days (never allocated a case)',
    ])
  })

  it('never lets a lapsed mediator be allocated, and says what lapsed', () => {
    const [r] = rankMediators([mediator({ insuranceExpiry: '2026-11-26' })], needs, today)
    assert.equal(r!.eligible, false)
    assert.ok(texts(r!).includes('Professional indemnity insurance lapsed on Thursday 26 November 2026.'))
    assert.equal(r!.reasons.find((x) => x.text.startsWith('Professional'))!.tone, 'bad')
  })

  it('refuses a declared live link to a party, matched by name whatever the case, or to the council by its id', () => {
    const school = rankMediators(
      [mediator({ conflicts: [link({ organisationName: 'BROOKFIELD primary  school' })] })],
      needs,
      today,
    )[0]!
    assert.equal(school.eligible, false)
    assert.ok(texts(school).includes('Declared a family link to BROOKFIELD primary  school'))

    const council = rankMediators(
      [
        mediator({
          conflicts: [
            link({
              organisationKind: 'local-authority',
              organisationName: 'WBC Children’s Services',
              localAuthorityId: warrington.id,
              link: 'employment',
            }),
          ],
        }),
      ],
      needs,
      today,
    )[0]!
    assert.equal(council.eligible, false)
    assert.ok(texts(council).includes('Declared an employment link to WBC Children’s Services'))

    // A link that ends in the future is still live.
    assert.equal(
      rankMediators([mediator({ conflicts: [link({ endedOn: '2027-01-01' })] })], needs, today)[0]!.eligible,
      false,
    )
  })

  it('flags a near conflict but keeps the mediator eligible, lower down', () => {
    const clean = mediator({ name: 'Clean' })
    const endedRecently = mediator({
      name: 'Ended recently',
      conflicts: [
        link({
          organisationKind: 'local-authority',
          organisationName: 'Warrington Borough Council',
          localAuthorityId: warrington.id,
          link: 'employment',
          endedOn: '2025-06-30',
        }),
      ],
    })
    const sameArea = mediator({
      name: 'Same area',
      conflicts: [link({ organisationName: 'Penketh High School', localAuthorityId: warrington.id })],
    })
    const longAgo = mediator({ name: 'Long ago', conflicts: [link({ endedOn: '2024-11-26' })] })
    const ranked = rankMediators([endedRecently, sameArea, clean, longAgo], needs, today)
    assert.ok(ranked.every((r) => r.eligible))
    const byName = Object.fromEntries(ranked.map((r) => [r.mediator.name, r]))
    assert.ok(
      texts(byName['Ended recently']!).includes(
        'Near conflict: an employment link to Warrington Borough Council ended on Monday 30 June 2025, within the last two years',
      ),
    )
    assert.ok(
      texts(byName['Same area']!).includes(
        'Near conflict: a family link to Penketh High School, in the same council area as this case',
      ),
    )
    assert.equal(byName['Same area']!.score, POINTS.base - POINTS.nearConflict)
    assert.ok(!texts(byName['Long ago']!).some((t) => t.startsWith('Near')))
    assert.deepEqual(
      ranked
        .slice(0, 2)
        .map((r) => r.mediator.name)
        .sort(),
      ['Clean', 'Long ago'],
    )
  })

  it("ranks a mediator who speaks the family's language higher, and notes an interpreter otherwise", () => {
    const polish = { ...needs, languages: ['Polish'] }
    const speaker = mediator({ name: 'Zofia', languages: ['English', 'polish'] })
    const other = mediator({ name: 'Aaron' })
    const ranked = rankMediators([other, speaker], polish, today)
    assert.deepEqual(
      ranked.map((r) => r.mediator.name),
      ['Zofia', 'Aaron'],
    )
    assert.ok(texts(ranked[0]!).includes('Speaks Polish, the language the family needs'))
    assert.ok(texts(ranked[1]!).includes('Does not speak Polish: an interpreter will be needed'))
    assert.ok(speaks(['British Sign Language (BSL)'], 'BSL'))
    assert.ok(!speaks(['English'], 'BSL'))
  })

  it('shares the work: fewer recent allocations first, then the longest wait, then the name', () => {
    const busy = mediator({ name: 'Busy', allocatedOn: ['2026-11-20', '2026-10-01'] })
    const once = mediator({ name: 'Once', allocatedOn: ['2026-11-01'] })
    const longWait = mediator({ name: 'Waited', allocatedOn: ['2026-01-05'] }) // outside 90 days
    const never = mediator({ name: 'Zed never' })
    const alsoNever = mediator({ name: 'Amy never' })
    const ranked = rankMediators([busy, once, longWait, never, alsoNever], needs, today)
    assert.deepEqual(
      ranked.map((r) => r.mediator.name),
      ['Amy never', 'Zed never', 'Waited', 'Once', 'Busy'],
    )
    assert.equal(ranked[4]!.recentAllocations, 2)
    assert.ok(
      texts(ranked[4]!).includes('2 cases allocated in the last 90 days (last allocated on Friday 20 November 2026)'),
    )
  })

  it('lowers the score of a partly free mediator, with a note, and stops one free on no working day', () => {
    const window = { from: '2026-11-30', to: '2026-12-11' } // two working weeks
    const partly = mediator({
      name: 'Partly',
      unavailability: [{ fromDate: '2026-11-30', toDate: '2026-12-04' }],
      workingDays: [1, 2, 3, 4],
    })
    const away = mediator({ name: 'Away', unavailability: [{ fromDate: '2026-11-01', toDate: '2026-12-31' }] })
    const [p, a] = rankMediators([partly, away], { ...needs, window }, today)
    assert.equal(p!.mediator.name, 'Partly')
    assert.equal(p!.eligible, true)
    assert.equal(p!.score, POINTS.base - Math.round(POINTS.partlyFree * (1 - 4 / 10)))
    assert.ok(
      texts(p!).includes(
        'Free on 4 of the 10 working days from Monday 30 November 2026 to Friday 11 December 2026 (away from Monday 30 November 2026 to Friday 4 December 2026; does not work on Fridays)',
      ),
    )
    assert.equal(a!.eligible, false)
  })

  it('stops a mediator who does not reach the area, or whose objection was upheld', () => {
    const elsewhere = mediator({ name: 'Elsewhere', areas: ['cheshire-east'] })
    const objected = mediator({ name: 'Objected' })
    const ranked = rankMediators(
      [elsewhere, objected],
      { ...needs, excluded: [{ mediatorId: objected.id, reason: 'A party objected and it was upheld' }] },
      today,
    )
    assert.ok(ranked.every((r) => !r.eligible))
    assert.ok(
      texts(ranked.find((r) => r.mediator === elsewhere)!).includes(
        'Does not work in the Warrington Borough Council area',
      ),
    )
    assert.ok(texts(ranked.find((r) => r.mediator === objected)!).includes('A party objected and it was upheld'))
  })

  it('works out the likely window from the mediation deadline, or the next 30 days', () => {
    assert.deepEqual(likelyWindow(today, '2026-12-20'), { from: today, to: '2026-12-20' })
    assert.deepEqual(likelyWindow(today), { from: today, to: addDays(today, 30) })
    assert.deepEqual(likelyWindow(today, '2026-11-01'), { from: today, to: addDays(today, 10) })
  })
})

// --- Properties ---

const day = fc.integer({ min: -200, max: 60 }).map((d) => addDays(today, d))
const candidate = fc.record({
  id: fc.uuid(),
  name: fc.constantFrom('Ann', 'Bo', 'Cy', 'Di', 'Ed'),
  cmcRegistrationExpiry: fc.option(day, { nil: null }),
  sendRegisterExpiry: fc.constantFrom<string | null>('2027-06-30', '2026-01-01', null),
  senTrainingCompletedOn: fc.constantFrom<string | null>('2024-01-01', null),
  insuranceCoverPounds: fc.constantFrom<number | null>(500_000, 1_000_000, 2_000_000, null),
  insuranceExpiry: fc.constantFrom<string | null>('2027-06-30', '2026-11-26'),
  dbsRenewalDue: fc.constantFrom<string | null>('2028-01-01', '2026-12-01'),
  cpdHoursByYear: fc.constantFrom<Record<number, number>>({ 2026: 8 }, {}),
  active: fc.boolean(),
  languages: fc.subarray(['English', 'Polish', 'BSL', 'Urdu']),
  areas: fc.subarray(['warrington', 'halton']),
  workingDays: fc.subarray([1, 2, 3, 4, 5]),
  unavailability: fc.array(
    fc.tuple(day, fc.nat(20)).map(([fromDate, len]) => ({ fromDate, toDate: addDays(fromDate, len) })),
    { maxLength: 2 },
  ),
  conflicts: fc.array(
    fc.record({
      organisationKind: fc.constantFrom('local-authority', 'school', 'health'),
      organisationName: fc.constantFrom('Warrington Borough Council', 'Brookfield Primary School', 'Other School'),
      localAuthorityId: fc.constantFrom<string | null>(warrington.id, null),
      link: fc.constantFrom('employment', 'family', 'contract', 'other'),
      endedOn: fc.option(
        fc.integer({ min: -1200, max: 30 }).map((d) => addDays(today, d)),
        { nil: null },
      ),
    }),
    { maxLength: 2 },
  ),
  allocatedOn: fc.array(day, { maxLength: 4 }),
}) satisfies fc.Arbitrary<AllocationCandidate>
const panel = fc.uniqueArray(candidate, { minLength: 1, maxLength: 8, selector: (m) => m.id })
const caseNeeds = fc.record({
  localAuthority: fc.constantFrom(warrington, null),
  organisations: fc.constant(needs.organisations),
  languages: fc.subarray(['Polish', 'BSL']),
  window: fc.constantFrom({ from: today, to: '2026-12-18' }, { from: today, to: addDays(today, 30) }),
}) satisfies fc.Arbitrary<CaseNeeds>

describe('ranking properties', () => {
  it('never ranks an ineligible mediator above an eligible one', () => {
    fc.assert(
      fc.property(panel, caseNeeds, (ms, cn) => {
        const ranked = rankMediators(ms, cn, today)
        const firstIneligible = ranked.findIndex((r) => !r.eligible)
        return firstIneligible === -1 || ranked.slice(firstIneligible).every((r) => !r.eligible)
      }),
    )
  })

  it('is a permutation of the panel, numbered from 1', () => {
    fc.assert(
      fc.property(panel, caseNeeds, (ms, cn) => {
        const ranked = rankMediators(ms, cn, today)
        assert.deepEqual(ranked.map((r) => r.mediator.id).sort(), ms.map((m) => m.id).sort())
        assert.deepEqual(
          ranked.map((r) => r.rank),
          ms.map((_, i) => i + 1),
        )
      }),
    )
  })

  it("never raises a mediator's rank when they are given one more allocation", () => {
    fc.assert(
      fc.property(panel, caseNeeds, fc.nat(), day, (ms, cn, pick, on) => {
        const target = ms[pick % ms.length]!
        const before = rankMediators(ms, cn, today).find((r) => r.mediator.id === target.id)!.rank
        const busier = ms.map((m) => (m.id === target.id ? { ...m, allocatedOn: [...m.allocatedOn, on] } : m))
        const after = rankMediators(busier, cn, today).find((r) => r.mediator.id === target.id)!.rank
        assert.ok(after >= before, `rank went from ${before} to ${after}`)
      }),
    )
  })

  it('never makes a lapsed mediator eligible', () => {
    fc.assert(
      fc.property(
        panel,
        caseNeeds,
        fc.constantFrom('cmcRegistrationExpiry', 'sendRegisterExpiry', 'insuranceExpiry', 'dbsRenewalDue'),
        fc.integer({ min: 1, max: 400 }),
        (ms, cn, field, daysAgo) => {
          const lapsed = ms.map((m) => ({ ...m, [field]: addDays(today, -daysAgo) }))
          return rankMediators(lapsed, cn, today).every((r) => !r.eligible)
        },
      ),
    )
  })
})
