// England and Wales bank holidays by their standing rules, for the years GOV.UK has not published
// yet: New Year's Day, Good Friday, Easter Monday, the early May, spring and summer bank holidays,
// Christmas Day and Boxing Day, with a substitute weekday when one falls at a weekend. One-off
// holidays (a jubilee, a coronation, a state funeral) and moved ones come only from published
// data, so a year worked out here is provisional until an administrator loads GOV.UK's file.
import { addDays, dayOfWeek, daysInMonth, toIsoDate, type IsoDate } from './dates.ts'

export interface StandingHoliday {
  title: string
  date: IsoDate
  notes: '' | 'Substitute day'
  bunting: boolean
}

/**
 * Easter Sunday in the Gregorian calendar (Oudin's algorithm, as given by Claus Tøndering).
 * The tests check it against the anonymous Gregorian algorithm.
 */
export function easterSunday(year: number): IsoDate {
  const g = year % 19
  const c = Math.floor(year / 100)
  const h = (c - Math.floor(c / 4) - Math.floor((8 * c + 13) / 25) + 19 * g + 15) % 30
  const i = h - Math.floor(h / 28) * (1 - Math.floor(29 / (h + 1)) * Math.floor((21 - g) / 11))
  const j = (year + Math.floor(year / 4) + i + 2 - c + Math.floor(c / 4)) % 7
  const l = i - j
  const month = 3 + Math.floor((l + 40) / 44)
  const day = l + 28 - 31 * Math.floor(month / 4)
  return toIsoDate({ year, month, day })
}

const monday = 1

function firstMonday(year: number, month: number): IsoDate {
  const first = toIsoDate({ year, month, day: 1 })
  return addDays(first, (7 + monday - dayOfWeek(first)) % 7)
}

function lastMonday(year: number, month: number): IsoDate {
  const last = toIsoDate({ year, month, day: daysInMonth(year, month) })
  return addDays(last, -((7 + dayOfWeek(last) - monday) % 7))
}

/** The year's bank holidays by the standing rules, in date order, in GOV.UK's words. */
export function standingBankHolidays(year: number): StandingHoliday[] {
  const list: StandingHoliday[] = []
  const add = (date: IsoDate, title: string, substitute = false, bunting = true) =>
    list.push({ title, date, notes: substitute ? 'Substitute day' : '', bunting })

  const newYear = toIsoDate({ year, month: 1, day: 1 })
  const newYearDay = dayOfWeek(newYear)
  const newYearShift = newYearDay === 6 ? 2 : newYearDay === 0 ? 1 : 0
  add(addDays(newYear, newYearShift), 'New Year’s Day', newYearShift > 0)
  const easter = easterSunday(year)
  add(addDays(easter, -2), 'Good Friday', false, false)
  add(addDays(easter, 1), 'Easter Monday')
  add(firstMonday(year, 5), 'Early May bank holiday')
  add(lastMonday(year, 5), 'Spring bank holiday')
  add(lastMonday(year, 8), 'Summer bank holiday')
  const day = (d: number) => toIsoDate({ year, month: 12, day: d })
  switch (dayOfWeek(day(25))) {
    case 5: // Boxing Day on a Saturday: its substitute is the Monday
      add(day(25), 'Christmas Day')
      add(day(28), 'Boxing Day', true)
      break
    case 6: // both at the weekend
      add(day(27), 'Christmas Day', true)
      add(day(28), 'Boxing Day', true)
      break
    case 0: // Christmas on a Sunday: Boxing Day on the Monday, Christmas's substitute the Tuesday
      add(day(26), 'Boxing Day')
      add(day(27), 'Christmas Day', true)
      break
    default:
      add(day(25), 'Christmas Day')
      add(day(26), 'Boxing Day')
  }
  return list
}
