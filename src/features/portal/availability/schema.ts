// The availability form has one question per day: fields named day-YYYY-MM-DD. Read by hand,
// because the days offered change with the date.
import type { FormResult } from '../../../web/forms.ts'
import type { Availability } from '../service.ts'

export const availabilityLabels: Record<Availability, string> = {
  'all-day': 'All day',
  morning: 'Morning only',
  afternoon: 'Afternoon only',
  unavailable: 'I cannot come',
}

export const messages = {
  none: 'Select when you can come on at least one day',
  form: 'The form had information it did not ask for. Reload the page and try again.',
}

export function readAvailability(
  body: Record<string, unknown>,
  offered: readonly string[],
): FormResult<{ day: string; availability: Availability }[]> {
  const days: { day: string; availability: Availability }[] = []
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue
    const day = key.startsWith('day-') ? key.slice(4) : ''
    const known = offered.includes(day) && typeof value === 'string' && (value === '' || value in availabilityLabels)
    if (!known)
      return {
        ok: false,
        errors: {
          summary: [{ text: messages.form, href: '#main-content' }],
          fields: { form: { text: messages.form } },
        },
      }
    if (value) days.push({ day, availability: value as Availability })
  }
  if (!days.length) {
    const first = `day-${offered[0]}`
    return {
      ok: false,
      errors: { summary: [{ text: messages.none, href: `#${first}` }], fields: { [first]: { text: messages.none } } },
    }
  }
  return { ok: true, data: days }
}
