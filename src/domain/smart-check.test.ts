import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { smartCheck, vagueWordsIn, type SmartPoint } from './smart-check.ts'

const today = '2026-11-27'
const good: SmartPoint = {
  responsibleName: 'Priya Shah, SEN officer at the council',
  what: 'Send Sarah the draft amended EHC plan, with section F saying 15 hours a week of teaching assistant support.',
  byWhen: '2026-12-11',
  howKnown: 'Priya will email Sarah and the school a copy of the covering letter.',
}
const codes = (p: SmartPoint) => smartCheck(p, today).map((a) => a.code)

describe('the SMART check: good points get no advice', () => {
  const table: [string, SmartPoint][] = [
    ['a named person, a date, and how everyone will know', good],
    [
      'a party of the case instead of a name',
      { ...good, responsibleName: null, responsiblePartyId: '5b0c8c1e-1a4f-4a59-9df3-5a0f7c1c2d3e' },
    ],
    ['due today', { ...good, byWhen: today }],
    [
      '"considerable" is not "consider"',
      { ...good, what: 'Give Amelia considerable extra reading time in each English lesson, 20 minutes.' },
    ],
    [
      '"regular" words that are exact',
      { ...good, what: 'Meet Sarah every Monday at 3:30pm to go through the home-school book.' },
    ],
    [
      'a later date agreed in writing',
      { ...good, byWhen: '2027-03-01', statutoryDueDate: '2026-12-11', ownTimescaleAgreed: true },
    ],
  ]
  for (const [name, point] of table) {
    it(name, () => assert.deepEqual(smartCheck(point, today), []))
  }
})

describe('the SMART check: what it flags, and how to fix it', () => {
  const table: [string, SmartPoint, string[], RegExp][] = [
    ['no one responsible', { ...good, responsibleName: '  ' }, ['no-one-responsible'], /Say who will do it/],
    ['no date', { ...good, byWhen: null }, ['no-date'], /Agree the date/],
    [
      "no date, with the law's date",
      { ...good, byWhen: null, statutoryDueDate: '2026-12-11' },
      ['no-date'],
      /due on Friday 11 December 2026, the date the law sets/,
    ],
    [
      'a date in the past',
      { ...good, byWhen: '2026-11-26' },
      ['date-in-past'],
      /Thursday 26 November 2026, has already passed/,
    ],
    [
      "a date after the law's, not agreed in writing",
      { ...good, byWhen: '2027-01-15', statutoryDueDate: '2026-12-11' },
      ['after-statutory-date'],
      /agreed this timescale in writing/,
    ],
    ['no way of knowing it was done', { ...good, howKnown: '' }, ['not-measurable'], /how everyone will know/],
    [
      '"as soon as possible"',
      { ...good, what: 'Send the draft plan as soon as possible.' },
      ['vague-words'],
      /"as soon as possible" can be read in different ways\. Give a date/,
    ],
    [
      '"try to"',
      { ...good, what: 'The school will try to find a quiet room.' },
      ['vague-words'],
      /"try to".*not what will be tried/,
    ],
    [
      '"consider"',
      { ...good, what: 'The council will Consider speech therapy.' },
      ['vague-words'],
      /"Consider".*what will be decided/,
    ],
    [
      '"where possible"',
      { ...good, what: 'Use visual timetables where possible.' },
      ['vague-words'],
      /"where possible".*leave out the condition/,
    ],
    [
      '"regularly"',
      { ...good, howKnown: 'The school will update Sarah regularly.' },
      ['vague-words'],
      /"regularly".*how often/,
    ],
    ['"ASAP", in capitals', { ...good, what: 'Book the assessment ASAP' }, ['vague-words'], /"ASAP"/],
    [
      '"look into"',
      { ...good, what: 'The council will look into transport.' },
      ['vague-words'],
      /"look into".*report back/,
    ],
    [
      '"appropriate support"',
      { ...good, what: 'Amelia will get appropriate support.' },
      ['vague-words'],
      /"appropriate support".*which support/,
    ],
    [
      'a phrase split over a line',
      { ...good, what: 'Send it as soon\nas possible' },
      ['vague-words'],
      /"as soon as possible"/,
    ],
    [
      'everything missing',
      { what: '' },
      ['no-one-responsible', 'nothing-to-do', 'no-date', 'not-measurable'],
      /Say what exactly/,
    ],
  ]
  for (const [name, point, expected, message] of table) {
    it(name, () => {
      assert.deepEqual(codes(point), expected)
      assert.match(
        smartCheck(point, today)
          .map((a) => a.message)
          .join(' '),
        message,
      )
    })
  }

  it('finds each vague phrase once, in order, the longer of overlapping ones', () => {
    assert.deepEqual(
      vagueWordsIn('Try to meet regularly, as soon as possible, and try to call.').map((v) => v.phrase),
      ['Try to', 'regularly', 'as soon as possible'],
    )
    assert.deepEqual(vagueWordsIn('as far as possible'), vagueWordsIn('as far as possible').slice(0, 1))
    assert.deepEqual(vagueWordsIn('reconsideration, entry to, aspossible, trying'), [])
    assert.deepEqual(vagueWordsIn(null), [])
  })

  it('never throws and never blocks: any point gets a list of advice', () => {
    fc.assert(
      fc.property(
        fc.record({
          what: fc.option(fc.string()),
          howKnown: fc.option(fc.string()),
          responsibleName: fc.option(fc.string()),
          byWhen: fc.option(fc.constantFrom('2026-01-01', '2026-11-27', '2027-02-28', 'nonsense')),
        }),
        (point) => {
          const advice = smartCheck(point, today)
          assert.ok(Array.isArray(advice))
          for (const a of advice) assert.ok(a.message.length > 20)
        },
      ),
    )
  })
})
