// Test fixtures for the panel: a mediator in good standing on the test clock's date (27 November
// 2026), changed by `overrides`.
import type { Database } from '../../db/client.ts'
import { mediatorCpd, mediators } from '../../db/schema/index.ts'
import type { MediatorProfile } from './service.ts'

export const goodStanding: MediatorProfile = {
  name: 'Alex Mediator',
  email: 'alex@example.com',
  phone: null,
  cmcRegistrationNumber: 'CMC-1234',
  cmcRegistrationExpiry: '2027-06-30',
  sendRegisterNumber: 'SEND-77',
  sendRegisterExpiry: '2027-06-30',
  senTrainingCompletedOn: '2024-09-14',
  senTrainingDetails: null,
  insurer: 'Safe Insurance Ltd',
  insuranceCoverPounds: 2_000_000,
  insuranceExpiry: '2027-06-30',
  dbsCheckedOn: '2025-02-02',
  dbsRenewalDue: '2028-02-02',
  languages: ['English'],
  areas: ['warrington'],
  venues: [],
  workingDays: [1, 2, 3, 4, 5],
  active: true,
  userId: null,
}

/** Inserts a mediator (with `cpdHours` logged this year, 6 unless said) and returns their row. */
export async function insertMediator(database: Database, overrides: Partial<MediatorProfile> = {}, cpdHours = 6) {
  const now = new Date('2026-11-27T10:00:00Z')
  const [row] = await database.db
    .insert(mediators)
    .values({ ...goodStanding, ...overrides, createdAt: now, updatedAt: now })
    .returning()
  if (cpdHours > 0) {
    await database.db.insert(mediatorCpd).values({
      mediatorId: row!.id,
      completedOn: '2026-03-01',
      hours: String(cpdHours),
      activity: 'Course',
      createdAt: now,
    })
  }
  return row!
}

/** A complete, valid profile form. */
export function profileFields(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    name: 'Dee Newcomer',
    email: 'dee@example.com',
    phone: '07700 900 982',
    cmcRegistrationNumber: 'CMC-9',
    'cmcRegistrationExpiry-day': '30',
    'cmcRegistrationExpiry-month': '6',
    'cmcRegistrationExpiry-year': '2027',
    sendRegisterNumber: 'SEND-9',
    'sendRegisterExpiry-day': '30',
    'sendRegisterExpiry-month': '6',
    'sendRegisterExpiry-year': '2027',
    'senTrainingCompletedOn-day': '14',
    'senTrainingCompletedOn-month': '9',
    'senTrainingCompletedOn-year': '2024',
    senTrainingDetails: 'SEND mediation course',
    insurer: 'Safe Insurance Ltd',
    insuranceCoverPounds: '£2,000,000',
    'insuranceExpiry-day': '30',
    'insuranceExpiry-month': '6',
    'insuranceExpiry-year': '2027',
    'dbsCheckedOn-day': '2',
    'dbsCheckedOn-month': '2',
    'dbsCheckedOn-year': '2025',
    'dbsRenewalDue-day': '2',
    'dbsRenewalDue-month': '2',
    'dbsRenewalDue-year': '2028',
    languages: ['English', 'BSL'],
    otherLanguages: 'Tamil, polish',
    areas: ['warrington'],
    venues: 'Warrington Library\n\n  Town Hall  ',
    workingDays: ['1', '3'],
    active: 'yes',
    userId: '',
    ...overrides,
  }
}
