// Opening hours as staff write them ("Monday to Friday, 9am to 6pm") read into the days and times
// of an Open Referral schedule (RFC 5545 days). Pure. Wording it cannot read gives no days or times:
// the schedule then carries the words alone, as its description.

const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const
const codes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const

export interface WeeklyHours {
  byday: string
  opensAt: string
  closesAt: string
}

const dayIndex = (word: string) => days.findIndex((d) => d.startsWith(word.toLowerCase().slice(0, 3)))

/** "9am", "5:30pm", "17:00" as "HH:MM"; undefined if it is not a time. */
export function clockTime(text: string): string | undefined {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(text.trim())
  if (!m) return undefined
  let hour = Number(m[1])
  const minute = Number(m[2] ?? '0')
  const half = m[3]?.toLowerCase()
  if (!half && m[2] === undefined) return undefined // "9" alone says nothing
  if (half === 'pm' && hour < 12) hour += 12
  if (half === 'am' && hour === 12) hour = 0
  if (hour > 23 || minute > 59) return undefined
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`
}

/** "Monday to Friday, 9am to 6pm" (or "Mon-Thu 10am-4pm", "Tuesday, 9:30am to 1pm"). */
export function weeklyHours(text: string): WeeklyHours | undefined {
  const m =
    /^\s*([a-z]+)(?:\s*(?:to|-|–)\s*([a-z]+))?\s*,?\s*(?:from\s+)?([\d:.]+\s*(?:am|pm)?)\s*(?:to|-|–|until)\s*([\d:.]+\s*(?:am|pm)?)\s*\.?\s*$/i.exec(
      text,
    )
  if (!m) return undefined
  const first = dayIndex(m[1]!)
  const last = m[2] ? dayIndex(m[2]) : first
  const opensAt = clockTime(m[3]!)
  const closesAt = clockTime(m[4]!)
  if (first < 0 || last < first || !opensAt || !closesAt || closesAt <= opensAt) return undefined
  return { byday: codes.slice(first, last + 1).join(','), opensAt, closesAt }
}
