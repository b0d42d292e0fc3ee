// Times of day for meetings, in England's local time, stored as 'HH:MM' (24-hour). People type
// "9:30", "9.30am", "2pm" or "14:00"; pages and messages show "9:30am", "2pm".

export type ClockTime = string

/** The day a meeting may use: from 7am to 9pm. */
export const EARLIEST = '07:00'
export const LATEST = '21:00'

/** 'HH:MM' from what a person typed, or undefined when it is not a time of day. */
export function parseClockTime(input: string): ClockTime | undefined {
  const text = input.trim().toLowerCase().replace(/\s+/g, '').replace(/\./g, ':')
  const match = /^(\d{1,2})(?::(\d{2}))?(am|pm)?$/.exec(text)
  if (!match) return undefined
  let hour = Number(match[1])
  const minute = match[2] === undefined ? 0 : Number(match[2])
  const period = match[3]
  if (minute > 59) return undefined
  if (period) {
    if (hour < 1 || hour > 12) return undefined
    if (period === 'am' && hour === 12) hour = 0
    if (period === 'pm' && hour !== 12) hour += 12
  } else if (hour > 23) {
    return undefined
  }
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`
}

export function isClockTime(value: unknown): value is ClockTime {
  return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value)
}

/** Minutes after midnight. */
export function minutesOf(time: ClockTime): number {
  const [h, m] = time.split(':').map(Number)
  return h! * 60 + m!
}

/** "9am", "5:30pm", "12pm" (noon), "12am" (midnight). */
export function formatClockTime(time: ClockTime): string {
  const [h, m] = time.split(':').map(Number) as [number, number]
  const period = h < 12 ? 'am' : 'pm'
  const hour = h % 12 === 0 ? 12 : h % 12
  return `${hour}${m === 0 ? '' : `:${String(m).padStart(2, '0')}`}${period}`
}

/** "9:30am to 12pm". */
export function formatTimeRange(start: ClockTime, end: ClockTime): string {
  return `${formatClockTime(start)} to ${formatClockTime(end)}`
}
