// "Log an enquiry": the facts of the public request (RequestFacts) plus the first-contact
// checklist, checked in the order the page asks them, so that the error summary reads top to bottom.
import { formChecks } from '../../../web/form-checks.ts'
import { z } from 'zod'
import { normalisePostcode } from '../../../domain/postcode.ts'
import {
  adjustmentKinds,
  contactMethods,
  disagreementAreas,
  ehcDecisions,
  ehcStatuses,
  needsPermission,
  otherPartyKinds,
  requesterRoles,
  whatHappenedMaxLength,
  type OtherPartyKind,
  type RequestFacts,
} from '../../../domain/request.ts'
import { asArray, submissionKey, text, toFormErrors, type FormResult } from '../../../web/forms.ts'
import type { FirstContactChecklist } from '../../cases/index.ts'

export const channels = { phone: 'Phone call', email: 'Email' } as const
export type Channel = keyof typeof channels

/** People who work for an organisation say which one. */
const organisationRoles = new Set(['local-authority', 'sendiass', 'school', 'health-social-care', 'voluntary'])

const otherPartyNameFields = Object.keys(otherPartyKinds).map((k) => `otherPartyName-${k}`)
const dateFields = ['contactedOn', 'permissionDate', 'childDateOfBirth', 'decisionLetterDate'].flatMap((d) =>
  ['day', 'month', 'year'].map((p) => `${d}-${p}`),
)

const optionalString = z.string().optional()
const list = z.preprocess(asArray, z.array(z.string()))

/** The shape of the form: known fields only (anything else is refused), as strings or lists of them. */
export const enquiryFormSchema = z
  .object({
    _csrf: z.string(),
    submissionKey,
    channel: optionalString,
    requesterRole: optionalString,
    requesterName: optionalString,
    requesterOrganisation: optionalString,
    permissionGiven: optionalString,
    permissionGivenBy: optionalString,
    parentName: optionalString,
    childName: optionalString,
    childSetting: optionalString,
    childPostcode: optionalString,
    council: optionalString,
    ehcStatus: optionalString,
    areas: list,
    decision: optionalString,
    otherParties: list,
    whatHappened: optionalString,
    contactMethods: list,
    contactEmail: optionalString,
    contactPhone: optionalString,
    contactAddress: optionalString,
    contactBestTimes: optionalString,
    adjustments: list,
    adjustmentLanguage: optionalString,
    adjustmentDetails: optionalString,
    supporter: optionalString,
    reasonForContact: optionalString,
    differenceExplained: list,
    understandingChecked: list,
    preferencesAsked: list,
    signposting: optionalString,
    ...Object.fromEntries([...otherPartyNameFields, ...dateFields].map((f) => [f, optionalString])),
  })
  .strict()

/** The checks for each field, with GOV.UK-worded messages. */
export const fields = {
  channel: z.enum(Object.keys(channels) as [Channel, ...Channel[]], { error: 'Select how they got in touch' }),
  requesterRole: z.enum(Object.keys(requesterRoles) as [keyof typeof requesterRoles], {
    error: 'Select who is getting in touch',
  }),
  requesterName: text('Enter the name of the person getting in touch', 100, 'Their name'),
  requesterOrganisation: text('Enter the name of their organisation', 200, 'Organisation'),
  permissionGiven: z.enum(['yes', 'no'], { error: 'Select whether the parent or young person has given permission' }),
  permissionGivenBy: text('Enter the name of the person who gave permission', 100, 'The name'),
  parentName: text(false, 100, 'The parent or carer’s name'),
  childName: text('Enter the child or young person’s name', 100, 'Their name'),
  childSetting: text('Enter their school, college or early years setting, or ‘none’', 200, 'Setting'),
  childPostcode: text('Enter the postcode where the child or young person lives', 10, 'Postcode'),
  // '' for the council the postcode is in; else a council's id (the service checks it is theirs).
  council: z.union([z.literal(''), z.uuid({ error: 'Select a council from the list' })]),
  ehcStatus: z.enum(Object.keys(ehcStatuses) as [keyof typeof ehcStatuses], {
    error: 'Select whether they have an EHC plan',
  }),
  areas: z
    .array(z.enum(Object.keys(disagreementAreas) as [keyof typeof disagreementAreas]))
    .min(1, { error: 'Select what the disagreement is about' }),
  decision: z.enum(Object.keys(ehcDecisions) as [keyof typeof ehcDecisions], {
    error: 'Select the decision they disagree with',
  }),
  otherParties: z
    .array(z.enum(Object.keys(otherPartyKinds) as [OtherPartyKind]))
    .min(1, { error: 'Select who the disagreement is with' }),
  otherPartyName: text(false, 200, 'The name'),
  whatHappened: text('Enter what happened, in their words', whatHappenedMaxLength, 'What happened'),
  contactMethods: z
    .array(z.enum(Object.keys(contactMethods) as [keyof typeof contactMethods]))
    .min(1, { error: 'Select how they would like to be contacted' }),
  contactEmail: z
    .string()
    .trim()
    .max(254, { error: 'Email address must be 254 characters or fewer' })
    .pipe(
      z.union([
        z.literal(''),
        z.email({ error: 'Enter an email address in the correct format, like name@example.com' }),
      ]),
    ),
  contactPhone: z
    .string()
    .trim()
    .max(30, { error: 'Phone number must be 30 characters or fewer' })
    .refine((p) => p === '' || (/^[+\d\s()-]+$/.test(p) && p.replace(/\D/g, '').length >= 10), {
      error: 'Enter a phone number, like 01632 960 001 or 07700 900 982',
    }),
  contactAddress: text(false, 500, 'Address'),
  contactBestTimes: text(false, 200, 'Best times'),
  adjustments: z.array(
    z.enum(Object.keys(adjustmentKinds) as [keyof typeof adjustmentKinds], {
      error: 'Select adjustments from the list',
    }),
  ),
  adjustmentLanguage: text(false, 100, 'Language'),
  adjustmentDetails: text(false, 1000, 'The details'),
  supporter: text(false, 200, 'Supporter'),
  reasonForContact: text('Enter the reason they got in touch', 2000, 'The reason'),
  signposting: text(false, 1000, 'Signposting'),
}

export interface Enquiry {
  submissionKey: string
  channel: Channel
  /** The council chosen, or undefined for the one the postcode is in (among those the person works for). */
  councilId?: string
  contactedOn: string
  facts: RequestFacts
  firstContact: FirstContactChecklist
}

/** Everything the page asks, checked in page order; `today` is the service's date (England). */
export function validateEnquiry(body: unknown, today: string): FormResult<Enquiry> {
  const shape = enquiryFormSchema.safeParse(body ?? {})
  if (!shape.success) return { ok: false, errors: toFormErrors(shape.error) }
  const form = shape.data as z.infer<typeof enquiryFormSchema> & Record<string, string | undefined>

  const { errors, fail, check, date: readDate } = formChecks(form, today)
  const date = (name: string, label: string, rule: 'not-future' | 'past', message: string, optional = false) =>
    readDate(name, label, rule === 'past' ? { optional, past: message } : { optional, notFuture: message })

  const channel = check('channel', fields.channel, form.channel)
  const contactedOn = date(
    'contactedOn',
    'the day they got in touch',
    'not-future',
    'The day they got in touch must be today or in the past',
  )

  const role = check('requesterRole', fields.requesterRole, form.requesterRole)
  const requesterName = check('requesterName', fields.requesterName, form.requesterName)
  const organisation =
    role && organisationRoles.has(role)
      ? check('requesterOrganisation', fields.requesterOrganisation, form.requesterOrganisation)
      : role && needsPermission(role)
        ? check('requesterOrganisation', fields.parentName, form.requesterOrganisation)
        : ''

  let permission: RequestFacts['permission']
  let parentName: string | undefined
  if (role && needsPermission(role)) {
    const given = check('permissionGiven', fields.permissionGiven, form.permissionGiven)
    if (given === 'no') {
      fail(
        'permissionGiven',
        'Ask the parent or young person for their permission first. You cannot log an enquiry for someone else without it',
      )
    } else if (given === 'yes') {
      const givenBy = check('permissionGivenBy', fields.permissionGivenBy, form.permissionGivenBy)
      const givenOn = date(
        'permissionDate',
        'the day permission was given',
        'not-future',
        'The day permission was given must be today or in the past',
      )
      parentName = check('parentName', fields.parentName, form.parentName)
      if (givenBy && givenOn) permission = { givenBy, givenOn }
    }
  }

  const childName = check('childName', fields.childName, form.childName)
  const dateOfBirth = readDate('childDateOfBirth', 'their date of birth', {
    past: 'Their date of birth must be in the past',
    range: 'long-ago',
  })
  const setting = check('childSetting', fields.childSetting, form.childSetting)
  const postcodeText = check('childPostcode', fields.childPostcode, form.childPostcode)
  const postcode = postcodeText ? normalisePostcode(postcodeText) : undefined
  if (postcodeText && !postcode) fail('childPostcode', 'Enter a real postcode, like WA1 1AB')
  const councilId = check('council', fields.council, form.council ?? '')
  const ehcStatus = check('ehcStatus', fields.ehcStatus, form.ehcStatus)

  const areas = check('areas', fields.areas, form.areas)
  let decision: RequestFacts['decision']
  if (areas?.includes('ehc-decision')) {
    const kind = check('decision', fields.decision, form.decision)
    const letterDate = date(
      'decisionLetterDate',
      'the date on the decision letter',
      'not-future',
      'The date on the decision letter must be today or in the past',
      true,
    )
    if (kind) decision = letterDate ? { kind, letterDate } : { kind }
  }
  const otherKinds = check('otherParties', fields.otherParties, form.otherParties)
  const otherParties = (otherKinds ?? []).map((kind) => {
    const name = check(`otherPartyName-${kind}`, fields.otherPartyName, form[`otherPartyName-${kind}`])
    return name ? { kind, name } : { kind }
  })
  const whatHappened = check('whatHappened', fields.whatHappened, form.whatHappened)

  const methods = check('contactMethods', fields.contactMethods, form.contactMethods)
  const email = check('contactEmail', fields.contactEmail, form.contactEmail)
  if (methods?.includes('email') && email === '') fail('contactEmail', 'Enter their email address, as they chose email')
  const phone = check('contactPhone', fields.contactPhone, form.contactPhone)
  if ((methods?.includes('phone') || methods?.includes('text')) && phone === '')
    fail('contactPhone', 'Enter their phone number, as they chose phone calls or text messages')
  const address = check('contactAddress', fields.contactAddress, form.contactAddress)
  if (methods?.includes('post') && address === '')
    fail('contactAddress', 'Enter their postal address, as they chose letters by post')
  const bestTimes = check('contactBestTimes', fields.contactBestTimes, form.contactBestTimes)

  const adjustments = check('adjustments', fields.adjustments, form.adjustments)
  const language = check('adjustmentLanguage', fields.adjustmentLanguage, form.adjustmentLanguage)
  if (adjustments?.includes('interpreter') && language === '')
    fail('adjustmentLanguage', 'Enter the language they need an interpreter for')
  const adjustmentDetails = check('adjustmentDetails', fields.adjustmentDetails, form.adjustmentDetails)
  if (adjustments?.includes('other') && adjustmentDetails === '')
    fail('adjustmentDetails', 'Describe the adjustment they need')
  const supporter = check('supporter', fields.supporter, form.supporter)

  const reasonForContact = check('reasonForContact', fields.reasonForContact, form.reasonForContact)
  const differenceExplained = form.differenceExplained.includes('yes')
  if (!differenceExplained)
    fail(
      'differenceExplained',
      'Confirm that you explained the difference between SEN mediation and disagreement resolution',
    )
  const signposting = check('signposting', fields.signposting, form.signposting)

  if (errors.summary.length) return { ok: false, errors }
  // Every check above passed, so each value is present.
  const facts: RequestFacts = {
    requester: organisation
      ? { role: role!, name: requesterName!, organisation }
      : { role: role!, name: requesterName! },
    ...(permission ? { permission } : {}),
    ...(parentName ? { parent: { name: parentName } } : {}),
    child: { name: childName!, dateOfBirth: dateOfBirth!, setting: setting!, postcode: postcode! },
    ehcStatus: ehcStatus!,
    areas: areas!,
    ...(decision ? { decision } : {}),
    otherParties,
    whatHappened: whatHappened!,
    contact: {
      methods: methods!,
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
      ...(address ? { address } : {}),
      ...(bestTimes ? { bestTimes } : {}),
    },
    adjustments: {
      kinds: adjustments ?? [],
      ...(language && adjustments?.includes('interpreter') ? { language } : {}),
      ...(adjustmentDetails ? { details: adjustmentDetails } : {}),
    },
    ...(supporter ? { supporter } : {}),
  }
  return {
    ok: true,
    data: {
      submissionKey: form.submissionKey,
      channel: channel!,
      ...(councilId ? { councilId } : {}),
      contactedOn: contactedOn!,
      facts,
      firstContact: {
        reasonForContact: reasonForContact!,
        differenceExplained,
        understandingChecked: form.understandingChecked.includes('yes'),
        preferencesAsked: form.preferencesAsked.includes('yes'),
        signposting: signposting ?? '',
      },
    },
  }
}
