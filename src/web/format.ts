// How dates and times read to people: "Wednesday 23 December 2026", "9am", "5:30pm".
const longDate = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})
const londonParts = new Intl.DateTimeFormat('en-GB', {
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: 'Europe/London',
})

/** An ISO date (YYYY-MM-DD) or a Date as "Wednesday 23 December 2026". */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return ''
  if (value instanceof Date) return formatDate(value.toLocaleDateString('en-CA', { timeZone: 'Europe/London' }))
  // Built from parts: some ICU versions put a comma after the weekday.
  const parts = longDate.formatToParts(new Date(`${value.slice(0, 10)}T00:00:00Z`))
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')}`
}

/** A moment as "9am" or "5:30pm", in England's time. */
export function formatTime(value: Date): string {
  const parts = londonParts.formatToParts(value)
  const hour = parts.find((p) => p.type === 'hour')?.value ?? ''
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00'
  const period = (parts.find((p) => p.type === 'dayPeriod')?.value ?? '').toLowerCase().replace(/\./g, '')
  return `${hour}${minute === '00' ? '' : `:${minute}`}${period}`
}

export function formatDateTime(value: Date | null | undefined): string {
  return value ? `${formatDate(value)} at ${formatTime(value)}` : ''
}
