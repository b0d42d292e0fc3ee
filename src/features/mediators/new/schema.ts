// The mediator profile form (used by /mediators/new and /mediators/:id/edit): its shape, then each
// field checked in page order with GOV.UK-worded messages, so the error summary reads top to bottom.
import { formChecks } from '../../../web/form-checks.ts'
import { z } from 'zod'
import { asArray, dateInputValues, submissionKey, text, toFormErrors, type FormResult } from '../../../web/forms.ts'
import { commonLanguages, weekdays } from '../labels.ts'
import type { MediatorProfile, Once } from '../service.ts'
import type { MediatorRow } from '../types.ts'
import { MIN_INSURANCE_POUNDS } from '../../../domain/mediator-standing.ts'

export const profileDates = [
  'cmcRegistrationExpiry',
  'sendRegisterExpiry',
  'senTrainingCompletedOn',
  'insuranceExpiry',
  'dbsCheckedOn',
  'dbsRenewalDue',
] as const
const dateFields = profileDates.flatMap((d) => ['day', 'month', 'year'].map((p) => `${d}-${p}`))
const optionalString = z.string().optional()
const list = z.preprocess(asArray, z.array(z.string()))

export const profileFormSchema = z
  .object({
    _csrf: z.string(),
    submissionKey,
    name: optionalString,
    email: optionalString,
    phone: optionalString,
    cmcRegistrationNumber: optionalString,
    sendRegisterNumber: optionalString,
    senTrainingDetails: optionalString,
    insurer: optionalString,
    insuranceCoverPounds: optionalString,
    languages: list,
    otherLanguages: optionalString,
    areas: list,
    venues: optionalString,
    workingDays: list,
    active: optionalString,
    userId: optionalString,
    ...Object.fromEntries(dateFields.map((f) => [f, optionalString])),
  })
  .strict()

/** The edit form creates nothing (no one-time key) and carries the version of the profile the page showed. */
export const editFormSchema = profileFormSchema
  .omit({ submissionKey: true })
  .extend({ version: z.string().regex(/^\d{1,9}$/) })
  .strict()

export const MAX_COVER_POUNDS = 1_000_000_000
const languageValues = commonLanguages.map((l) => l.value)

export const fields = {
  name: text('Enter the mediator’s name', 100, 'Name'),
  email: z
    .string()
    .trim()
    .min(1, { error: 'Enter the mediator’s email address' })
    .max(254, { error: 'Email address must be 254 characters or fewer' })
    .pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.com' })),
  phone: z
    .string()
    .trim()
    .max(30, { error: 'Phone number must be 30 characters or fewer' })
    .refine((p) => p === '' || (/^[+\d\s()-]+$/.test(p) && p.replace(/\D/g, '').length >= 10), {
      error: 'Enter a phone number, like 01632 960 001 or 07700 900 982',
    }),
  cmcRegistrationNumber: text(false, 50, 'Registration number'),
  sendRegisterNumber: text(false, 50, 'Register number'),
  senTrainingDetails: text(false, 1000, 'Training details'),
  insurer: text(false, 200, 'Insurer'),
  insuranceCoverPounds: z
    .string()
    .trim()
    .transform((s) => s.replace(/^£/, '').replace(/[,\s]/g, ''))
    .refine((s) => s === '' || /^\d+$/.test(s), {
      error: 'Insurance cover must be a whole number of pounds, like 1,000,000',
    })
    .transform((s) => (s === '' ? null : Number(s)))
    .refine((n) => n === null || n <= MAX_COVER_POUNDS, { error: 'Insurance cover must be £1,000,000,000 or less' }),
  languages: z.array(z.enum(languageValues as [string, ...string[]], { error: 'Select languages from the list' })),
  otherLanguages: text(false, 300, 'Other languages'),
  venues: text(false, 5000, 'Venues'),
  workingDays: z
    .array(z.enum(Object.keys(weekdays) as [string, ...string[]], { error: 'Select days from the list' }))
    .min(1, { error: 'Select the days they work' }),
  active: z.enum(['yes', 'no'], { error: 'Select whether they are taking cases' }),
}

export interface ProfileChoices {
  /** local_authorities.code of each area on offer. */
  areaCodes: string[]
  /** Staff accounts (role mediator) this profile may be linked to. */
  accountIds: string[]
}

/** Checks the profile form; `today` is the service's date. */
export function validateProfile(
  body: unknown,
  today: string,
  choices: ProfileChoices,
  schema: z.ZodType = profileFormSchema,
): FormResult<MediatorProfile> {
  const shape = schema.safeParse(body ?? {})
  if (!shape.success) return { ok: false, errors: toFormErrors(shape.error) }
  const form = shape.data as z.infer<typeof profileFormSchema> & Record<string, string | undefined>

  const { errors, fail, check, date: readDate } = formChecks(form, today)
  /** An optional date: blank is fine; part of one, or one that is not real, is not. A mediator's history may go back before 2014. */
  const date = (name: string, label: string, notFuture?: string) =>
    readDate(name, label, { optional: true, notFuture, range: 'long-ago' }) ?? null
  const orNull = (s: string | undefined) => (s ? s : null)

  const name = check('name', fields.name, form.name)
  const email = check('email', fields.email, form.email)
  const phone = check('phone', fields.phone, form.phone)
  const cmcRegistrationNumber = check('cmcRegistrationNumber', fields.cmcRegistrationNumber, form.cmcRegistrationNumber)
  const cmcRegistrationExpiry = date('cmcRegistrationExpiry', 'the date the registration expires')
  const sendRegisterNumber = check('sendRegisterNumber', fields.sendRegisterNumber, form.sendRegisterNumber)
  const sendRegisterExpiry = date('sendRegisterExpiry', 'the date the register entry expires')
  const senTrainingCompletedOn = date(
    'senTrainingCompletedOn',
    'the date SEN training was completed',
    'The date SEN training was completed must be today or in the past',
  )
  const senTrainingDetails = check('senTrainingDetails', fields.senTrainingDetails, form.senTrainingDetails)
  const insurer = check('insurer', fields.insurer, form.insurer)
  const insuranceCoverPounds = check('insuranceCoverPounds', fields.insuranceCoverPounds, form.insuranceCoverPounds)
  const insuranceExpiry = date('insuranceExpiry', 'the date the insurance expires')
  const dbsCheckedOn = date(
    'dbsCheckedOn',
    'the date of the DBS check',
    'The date of the DBS check must be today or in the past',
  )
  const dbsRenewalDue = date('dbsRenewalDue', 'the date the DBS check is due for renewal')
  if (dbsCheckedOn && dbsRenewalDue && dbsRenewalDue <= dbsCheckedOn) {
    fail(
      'dbsRenewalDue',
      'The date the DBS check is due for renewal must be after the date of the check',
      'dbsRenewalDue-day',
    )
  }
  const languages = check('languages', fields.languages, form.languages)
  const otherLanguages = check('otherLanguages', fields.otherLanguages, form.otherLanguages)
  const areas = check(
    'areas',
    z.array(z.enum(choices.areaCodes as [string, ...string[]], { error: 'Select areas from the list' })),
    form.areas,
  )
  const venuesText = check('venues', fields.venues, form.venues)
  const venues = splitLines(venuesText ?? '')
  if (venues.some((v) => v.length > 200)) fail('venues', 'Each venue must be 200 characters or fewer')
  if (venues.length > 50) fail('venues', 'Enter 50 venues or fewer')
  const workingDays = check('workingDays', fields.workingDays, form.workingDays)
  const active = check('active', fields.active, form.active)
  const userId = form.userId ?? ''
  if (userId !== '' && !choices.accountIds.includes(userId))
    fail('userId', 'Select a staff account from the list, or ‘Not linked’')

  if (errors.summary.length) return { ok: false, errors }
  const others = (otherLanguages ?? '')
    .split(/[,;\n]/)
    .map((l) => l.trim())
    .filter(Boolean)
  const allLanguages = [
    ...new Set([
      ...languages!,
      ...others.map((l) => languageValues.find((v) => v.toLowerCase() === l.toLowerCase()) ?? l),
    ]),
  ]
  return {
    ok: true,
    data: {
      name: name!,
      email: email!,
      phone: orNull(phone),
      cmcRegistrationNumber: orNull(cmcRegistrationNumber),
      cmcRegistrationExpiry,
      sendRegisterNumber: orNull(sendRegisterNumber),
      sendRegisterExpiry,
      senTrainingCompletedOn,
      senTrainingDetails: orNull(senTrainingDetails),
      insurer: orNull(insurer),
      insuranceCoverPounds: insuranceCoverPounds ?? null,
      insuranceExpiry,
      dbsCheckedOn,
      dbsRenewalDue,
      languages: allLanguages,
      areas: areas!,
      venues,
      workingDays: workingDays!.map(Number).sort(),
      active: active === 'yes',
      userId: userId || null,
    },
  }
}

/** The new-mediator form: the profile and the form's one-time key. */
export function validateNewProfile(
  body: Record<string, unknown>,
  today: string,
  choices: ProfileChoices,
): FormResult<MediatorProfile & Once> {
  const form = validateProfile(body, today, choices)
  return form.ok ? { ok: true, data: { ...form.data, submissionKey: String(body.submissionKey) } } : form
}

function splitLines(s: string): string[] {
  return s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
}

/** A saved profile as the form's values, to fill the edit page. */
export function profileFormValues(m: MediatorRow): Record<string, unknown> {
  return {
    name: m.name,
    email: m.email,
    phone: m.phone ?? '',
    cmcRegistrationNumber: m.cmcRegistrationNumber ?? '',
    sendRegisterNumber: m.sendRegisterNumber ?? '',
    senTrainingDetails: m.senTrainingDetails ?? '',
    insurer: m.insurer ?? '',
    insuranceCoverPounds: m.insuranceCoverPounds === null ? '' : m.insuranceCoverPounds.toLocaleString('en-GB'),
    languages: m.languages.filter((l) => languageValues.includes(l)),
    otherLanguages: m.languages.filter((l) => !languageValues.includes(l)).join(', '),
    areas: m.areas,
    venues: m.venues.join('\n'),
    workingDays: m.workingDays.map(String),
    active: m.active ? 'yes' : 'no',
    userId: m.userId ?? '',
    version: String(m.version),
    ...Object.assign({}, ...profileDates.map((d) => dateInputValues(d, m[d] ?? undefined))),
  }
}

/** The confirmation after a save, warning when the cover is too low to be allocated. */
export function savedMessage(done: string, profile: MediatorProfile): string {
  const cover = profile.insuranceCoverPounds
  if (cover !== null && cover < MIN_INSURANCE_POUNDS) {
    return `${done}. Their insurance cover of £${cover.toLocaleString('en-GB')} is under £1,000,000, so they cannot be allocated cases until it is raised`
  }
  return done
}
