// The venue form (new and edit) and the room form, with the GOV.UK messages.
import { z } from 'zod'
import {
  asArray,
  combineErrors,
  fieldError,
  submissionKey,
  text,
  type FormErrors,
  type FormResult,
} from '../../../web/forms.ts'
import type { RoomInput, VenueInput } from '../venue-service.ts'

export const accessFeatures = {
  stepFree: 'Step-free access',
  hearingLoop: 'A hearing loop',
  parking: 'Parking',
  quietRoom: 'A quiet room',
} as const
type Feature = keyof typeof accessFeatures

export const venueFieldOrder = [
  'name',
  'kind',
  'address',
  'postcode',
  'onlineLink',
  'access',
  'accessibilityNotes',
  'cost',
  'active',
]

const venueFields = z
  .object({
    _csrf: z.string(),
    version: z.string().max(20).optional(),
    name: text('Enter the name of the venue', 200, 'The name'),
    kind: z.enum(['in-person', 'online'], { error: 'Select whether people meet in person or online' }),
    address: text(false, 500, 'The address'),
    postcode: text(false, 10, 'The postcode'),
    onlineLink: text(false, 500, 'The link'),
    access: z.preprocess(
      asArray,
      z.array(z.enum(Object.keys(accessFeatures) as [Feature], { error: 'Select what the venue has' })),
    ),
    accessibilityNotes: text(false, 1000, 'The notes about access'),
    cost: text('Enter the cost of a booking, or 0 if it is free', 20, 'The cost'),
    active: z.enum(['yes', 'no'], { error: 'Select whether the venue can be booked' }).optional(),
  })
  .strict()

// Adding a venue must carry the form's one-time key; changing one is guarded by its version.
const venueSchemas = {
  new: venueFields.extend({ submissionKey }),
  edit: venueFields.extend({ submissionKey: submissionKey.optional() }),
}

/** A link people can open: https only. */
export function isMeetingLink(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' && url.hostname.includes('.')
  } catch {
    return false
  }
}

/** Pounds and pence as typed ("45", "£45.50", "1,200") to whole pence, or undefined. */
export function pence(value: string): number | undefined {
  const cleaned = value.replace(/[£,\s]/g, '')
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(cleaned)) return undefined
  const [pounds, fraction = ''] = cleaned.split('.')
  return Number(pounds) * 100 + Number(fraction.padEnd(2, '0'))
}

export function validateVenue(
  body: unknown,
  mode: 'new' | 'edit',
): FormResult<VenueInput & { version?: number; submissionKey?: string }> {
  const editing = mode === 'edit'
  const parsed = venueSchemas[mode].safeParse(body ?? {})
  const issues: (FormErrors | undefined)[] = []
  if (!parsed.success) {
    const fields: FormErrors = { summary: [], fields: {} }
    for (const issue of parsed.error.issues) {
      const key = issue.code === 'unrecognized_keys' ? 'form' : String(issue.path[0] ?? 'form')
      if (fields.fields[key]) continue
      const message =
        issue.code === 'unrecognized_keys'
          ? 'The form had information it did not ask for. Reload the page and try again.'
          : issue.message
      fields.fields[key] = { text: message }
      fields.summary.push({ text: message, href: key === 'form' ? '#main-content' : `#${key}` })
    }
    issues.push(fields)
  }
  const data = parsed.success ? parsed.data : undefined
  // The checks between fields run on what was typed, so every problem shows at once.
  const raw = (name: string) =>
    typeof (body as Record<string, unknown> | undefined)?.[name] === 'string'
      ? String((body as Record<string, unknown>)[name]).trim()
      : ''
  const kind = raw('kind')
  if (kind === 'in-person' && !raw('address')) issues.push(fieldError('address', 'Enter the address of the venue'))
  if (kind === 'online' && !raw('onlineLink'))
    issues.push(fieldError('onlineLink', 'Enter the link people use to join the online meeting'))
  if (raw('onlineLink') && !isMeetingLink(raw('onlineLink')))
    issues.push(fieldError('onlineLink', 'Enter the link in the right format, starting https://'))
  if (raw('cost') && pence(raw('cost')) === undefined)
    issues.push(fieldError('cost', 'Enter the cost as an amount of money, like 45 or 45.50'))
  if (editing && !raw('active')) issues.push(fieldError('active', 'Select whether the venue can be booked'))
  const errors = combineErrors(venueFieldOrder, ...issues)
  if (errors || !data) return { ok: false, errors: errors ?? { summary: [], fields: {} } }
  const features = new Set(data.access)
  return {
    ok: true,
    data: {
      version: data.version ? Number(data.version) : undefined,
      submissionKey: data.submissionKey,
      name: data.name,
      kind: data.kind,
      address: data.address,
      postcode: data.postcode.toUpperCase(),
      onlineLink: data.onlineLink,
      stepFree: features.has('stepFree'),
      hearingLoop: features.has('hearingLoop'),
      parking: features.has('parking'),
      quietRoom: features.has('quietRoom'),
      accessibilityNotes: data.accessibilityNotes,
      costPence: pence(data.cost)!,
      active: data.active !== 'no',
    },
  }
}

/** A saved venue as the form's values. */
export function venueValues(v: {
  name: string
  kind: string
  address: string | null
  postcode: string | null
  onlineLink: string | null
  stepFree: boolean
  hearingLoop: boolean
  parking: boolean
  quietRoom: boolean
  accessibilityNotes: string | null
  costPence: number
  active: boolean
  version: number
}) {
  return {
    name: v.name,
    kind: v.kind,
    address: v.address ?? '',
    postcode: v.postcode ?? '',
    onlineLink: v.onlineLink ?? '',
    access: (Object.keys(accessFeatures) as Feature[]).filter((k) => v[k]),
    accessibilityNotes: v.accessibilityNotes ?? '',
    cost: formatPence(v.costPence),
    active: v.active ? 'yes' : 'no',
    version: String(v.version),
  }
}

export function formatPence(p: number): string {
  return p % 100 === 0 ? String(p / 100) : (p / 100).toFixed(2)
}

export const roomSchema = z
  .object({
    _csrf: z.string(),
    submissionKey,
    roomName: text('Enter the name of the room', 100, 'The name of the room'),
    capacity: z
      .string({ error: 'Enter how many people the room holds' })
      .trim()
      .min(1, { error: 'Enter how many people the room holds' })
      .regex(/^\d+$/, { error: 'How many people the room holds must be a whole number, like 8' })
      .transform(Number)
      .pipe(
        z
          .number()
          .min(1, { error: 'The room must hold at least 1 person' })
          .max(500, { error: 'The room must hold 500 people or fewer' }),
      ),
    isBreakout: z.enum(['yes', 'no'], { error: 'Select whether it is a breakout room for private sessions' }),
  })
  .strict()
  .transform((v): RoomInput & { submissionKey: string } => ({
    submissionKey: v.submissionKey,
    name: v.roomName,
    capacity: v.capacity,
    isBreakout: v.isBreakout === 'yes',
  }))
