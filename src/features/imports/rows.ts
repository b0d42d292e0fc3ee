// One row of a file read as a case, or the reasons it cannot be one. Pure: the councils and
// today's date are given.
import { createHash } from 'node:crypto'
import { unsupportedDate } from '../../domain/calendar.ts'
import { ehcDecisions, ehcStatuses, type EhcDecision, type EhcStatus, type RequestFacts } from '../../domain/request.ts'
import { readDate } from './dates.ts'
import { importFields } from './fields.ts'
import type { FileRow } from './read-file.ts'

export interface Council {
  id: string
  name: string
  code: string
}

export interface ReadyRow {
  ok: true
  line: number
  key: string
  councilId: string
  councilName: string
  receivedOn: string
  channel: 'online' | 'phone' | 'email'
  facts: RequestFacts
  /** The file's own reference, if it has one. */
  reference?: string
}
export interface ProblemRow {
  ok: false
  line: number
  reasons: string[]
  childName?: string
}
export type ReadRow = ReadyRow | ProblemRow

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '')

/** Words people use for each EHC status and decision, squashed as `squash` does. */
const statusWords: Record<string, EhcStatus> = {
  ...Object.fromEntries(Object.keys(ehcStatuses).map((k) => [squash(k), k as EhcStatus])),
  ...Object.fromEntries(Object.entries(ehcStatuses).map(([k, v]) => [squash(v), k as EhcStatus])),
  yes: 'has-plan',
  hasaplan: 'has-plan',
  ehcp: 'has-plan',
  plan: 'has-plan',
  assessment: 'assessment-requested',
  no: 'none',
  '': 'none',
}
const decisionWords: Record<string, EhcDecision> = {
  ...Object.fromEntries(Object.keys(ehcDecisions).map((k) => [squash(k), k as EhcDecision])),
  ...Object.fromEntries(Object.entries(ehcDecisions).map(([k, v]) => [squash(v), k as EhcDecision])),
  refusedassessment: 'refuse-assessment',
  refusetoassess: 'refuse-assessment',
  refusedplan: 'refuse-plan',
  refusetoissue: 'refuse-plan',
  plancontents: 'plan-contents',
  contents: 'plan-contents',
  placement: 'plan-contents',
  refusedreassessment: 'refuse-reassessment',
  refusedamend: 'refuse-amend',
  refusetoamend: 'refuse-amend',
  cease: 'cease-plan',
  ceaseplan: 'cease-plan',
}

export function councilFinder(councils: Council[]) {
  const byWord = new Map<string, Council>()
  for (const c of councils) {
    byWord.set(squash(c.name), c)
    byWord.set(squash(c.code), c)
  }
  return (text: string) => byWord.get(squash(text))
}

export function readRow(
  row: FileRow,
  headers: string[],
  mapping: Record<string, string>,
  findCouncil: (text: string) => Council | undefined,
  today: string,
): ReadRow {
  const value = (key: string) => {
    const column = mapping[key]
    if (!column) return ''
    const index = headers.indexOf(column)
    return index < 0 ? '' : (row.cells[index] ?? '').trim()
  }
  const reasons: string[] = []
  for (const field of importFields) if (field.required && !value(field.key)) reasons.push(`${field.label} is missing`)

  const date = (key: string, label: string, kind: 'event' | 'birth') => {
    const text = value(key)
    if (!text) return undefined
    const read = readDate(text)
    if (!read) {
      reasons.push(`${label} "${text}" is not a date Parley can read (write it like 19/10/2026)`)
      return undefined
    }
    const outside = unsupportedDate(read, kind)
    if (outside) reasons.push(`${label} ${outside}`)
    else if (read > today) reasons.push(`${label} is in the future`)
    return read
  }
  const councilText = value('council')
  const council = councilText ? findCouncil(councilText) : undefined
  if (councilText && !council)
    reasons.push(`Parley does not know the council "${councilText}": add it under Councils, or correct the file`)
  const receivedOn = date('receivedOn', 'Date of first contact', 'event')
  const dateOfBirth = date('childDateOfBirth', 'Date of birth', 'birth')
  const letterDate = date('letterDate', 'Date of the decision letter', 'event')
  const ehcText = value('ehcStatus')
  const ehcStatus = statusWords[squash(ehcText)]
  if (!ehcStatus)
    reasons.push(`EHC plan "${ehcText}" is not one Parley knows: use has a plan, assessment asked for, refused or none`)
  const decisionText = value('decision')
  const decision = decisionText ? decisionWords[squash(decisionText)] : undefined
  if (decisionText && !decision) reasons.push(`Decision "${decisionText}" is not one Parley knows`)
  if (letterDate && !decisionText) reasons.push('A decision letter date needs the decision it was about')
  const roleText = squash(value('requesterRole'))
  const role =
    !roleText || roleText.startsWith('parent') || roleText.startsWith('carer')
      ? 'parent'
      : roleText.startsWith('young')
        ? 'young-person'
        : undefined
  if (!role) reasons.push(`Who asked "${value('requesterRole')}" must be parent or carer, or young person`)
  const channelText = squash(value('channel'))
  const channel =
    !channelText || channelText.startsWith('phone') || channelText.startsWith('tel')
      ? 'phone'
      : channelText.startsWith('email')
        ? 'email'
        : channelText.startsWith('online') || channelText.startsWith('web')
          ? 'online'
          : undefined
  if (!channel) reasons.push(`How they got in touch "${value('channel')}" must be online, phone or email`)

  if (reasons.length || !council || !receivedOn || !dateOfBirth || !ehcStatus || !role || !channel)
    return { ok: false, line: row.line, reasons, childName: value('childName') || undefined }

  const email = value('email')
  const phone = value('phone')
  const reference = value('reference') || undefined
  const facts: RequestFacts = {
    requester: { role, name: value('requesterName') },
    child: {
      name: value('childName'),
      dateOfBirth,
      setting: value('childSetting'),
      postcode: value('childPostcode').toUpperCase(),
    },
    ehcStatus,
    areas: decision ? ['ehc-decision'] : ['provision'],
    ...(decision ? { decision: { kind: decision, ...(letterDate ? { letterDate } : {}) } } : {}),
    otherParties: [{ kind: 'local-authority', name: council.name }],
    whatHappened: value('notes'),
    contact: {
      methods: [...(email ? (['email'] as const) : []), ...(phone ? (['phone'] as const) : [])],
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
    },
    adjustments: { kinds: [] },
  }
  return {
    ok: true,
    line: row.line,
    key: rowKey(row, council, reference),
    councilId: council.id,
    councilName: council.name,
    receivedOn,
    channel,
    facts,
    reference,
  }
}

/** A row's key: the file's own reference under its council, else a hash of everything in the row. */
function rowKey(row: FileRow, council: Council, reference: string | undefined): string {
  if (reference) return `ref:${council.id}:${reference.toLowerCase()}`
  return `row:${createHash('sha256').update(row.cells.join('\u0001')).digest('hex')}`
}
