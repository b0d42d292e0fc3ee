// Whether a mediator may be allocated today, and what is about to lapse. Pure: callers pass today.
import { addDays, compare, formatLongDate, type IsoDate } from './dates.ts'

export interface MediatorCredentials {
  cmcRegistrationExpiry: IsoDate | null
  sendRegisterExpiry: IsoDate | null
  senTrainingCompletedOn: IsoDate | null
  insuranceCoverPounds: number | null
  insuranceExpiry: IsoDate | null
  dbsRenewalDue: IsoDate | null
  /** CPD hours logged, by calendar year. */
  cpdHoursByYear: Record<number, number>
  active: boolean
}

export interface StandingItem {
  what: 'cmc-registration' | 'send-register' | 'insurance' | 'dbs' | 'sen-training' | 'cpd' | 'inactive'
  /** Plain English, for the panel page and the allocation list. */
  message: string
  date?: IsoDate
}

export interface Standing {
  canBeAllocated: boolean
  /** Problems that stop allocation now. */
  blocking: StandingItem[]
  /** Things to act on soon: a lapse within the warning window, CPD short for the year. */
  warnings: StandingItem[]
}

export const MIN_INSURANCE_POUNDS = 1_000_000
export const MIN_CPD_HOURS_A_YEAR = 6
export const WARNING_DAYS = 30

const dated: { what: StandingItem['what']; field: keyof MediatorCredentials; name: string }[] = [
  { what: 'cmc-registration', field: 'cmcRegistrationExpiry', name: 'Civil Mediation Council registration' },
  { what: 'send-register', field: 'sendRegisterExpiry', name: 'SEND mediator register entry' },
  { what: 'insurance', field: 'insuranceExpiry', name: 'Professional indemnity insurance' },
  { what: 'dbs', field: 'dbsRenewalDue', name: 'DBS check' },
]

export function mediatorStanding(m: MediatorCredentials, today: IsoDate): Standing {
  const blocking: StandingItem[] = []
  const warnings: StandingItem[] = []
  if (!m.active) blocking.push({ what: 'inactive', message: 'Not taking cases at the moment.' })
  const soon = addDays(today, WARNING_DAYS)
  for (const { what, field, name } of dated) {
    const date = m[field] as IsoDate | null
    if (!date) blocking.push({ what, message: `${name}: no date recorded.` })
    else if (compare(date, today) < 0)
      blocking.push({ what, date, message: `${name} lapsed on ${formatLongDate(date)}.` })
    else if (compare(date, soon) <= 0)
      warnings.push({ what, date, message: `${name} lapses on ${formatLongDate(date)}: renew it before then.` })
  }
  if ((m.insuranceCoverPounds ?? 0) < MIN_INSURANCE_POUNDS) {
    blocking.push({ what: 'insurance', message: 'Professional indemnity cover must be at least £1 million.' })
  }
  if (!m.senTrainingCompletedOn) blocking.push({ what: 'sen-training', message: 'No SEN training recorded.' })
  const year = Number(today.slice(0, 4))
  const hours = m.cpdHoursByYear[year] ?? 0
  if (hours < MIN_CPD_HOURS_A_YEAR) {
    warnings.push({
      what: 'cpd',
      message: `${hours} of the ${MIN_CPD_HOURS_A_YEAR} hours of CPD needed in ${year} logged so far.`,
    })
  }
  return { canBeAllocated: blocking.length === 0, blocking, warnings }
}
