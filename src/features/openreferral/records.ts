// The feed's records, in Open Referral UK 3.0 (HSDS 3) shape: the service of each council the
// provider runs it for, the provider and the councils as organisations, the venues as locations,
// and each service at each venue. Pure: built from rows already read.
import type { ProviderContact } from '../../web/provider.ts'
import { providerOrganizationId, stableId } from './ids.ts'
import { weeklyHours } from './opening-hours.ts'
import type { FeedCouncil, FeedVenue } from './repository.ts'

export type Json = Record<string, unknown>

/** A schedule another area adds to a service (an information session, say): see schedules.ts. */
export type OrukSchedule = Json & { id: string; url: string }

export interface FeedContext {
  provider: ProviderContact
  /** The address people use to reach Parley (PUBLIC_URL), without a trailing slash. */
  baseUrl: string
}

const servicePage = (c: FeedCouncil, ctx: FeedContext) => `${ctx.baseUrl}/services/${c.code}`
const present = (value: string | null | undefined) => (value?.trim() ? value.trim() : undefined)

export function organizationOfProvider(ctx: FeedContext): Json {
  return {
    id: providerOrganizationId,
    name: ctx.provider.name,
    description:
      'Runs SEN mediation and disagreement resolution for the councils listed as funding it: independent mediators help families, young people, councils, schools and health services sort out disagreements about special educational needs.',
    ...(present(ctx.provider.email) ? { email: ctx.provider.email } : {}),
    website: `${ctx.baseUrl}/services`,
  }
}

export function organizationOfCouncil(c: FeedCouncil, ctx: FeedContext): Json {
  return {
    id: stableId('organization', c.id),
    name: c.name,
    description: `${c.name} pays for ${c.serviceName}, run by ${ctx.provider.name}, for the people who live in its area.`,
    website: servicePage(c, ctx),
  }
}

export function description(c: FeedCouncil): string {
  return [
    'Help to sort out a disagreement about special educational needs (SEN), with an independent mediator.',
    'SEN mediation is for a council decision about an EHC needs assessment or an EHC plan that could be appealed to the SEND Tribunal; most appeals need a mediation certificate from us first.',
    'Disagreement resolution is for any other disagreement about SEN with a council, a school or college, or a health service; everyone taking part has to agree to it.',
    'For parents and carers, young people aged 16 to 25, and professionals with the family’s permission.',
    c.freeForResidents ? `Free for people who live in ${c.name}'s area.` : 'Ask whether it is free for you.',
    'Voluntary, and it does not affect the right to appeal.',
  ].join(' ')
}

export function scheduleOf(c: FeedCouncil, ctx: FeedContext): OrukSchedule {
  const hours = weeklyHours(c.openingHours)
  return {
    id: stableId('schedule', c.id),
    service_id: c.id,
    description: `Open ${c.openingHours}, except bank holidays.`,
    ...(hours ? { freq: 'WEEKLY', byday: hours.byday, opens_at: hours.opensAt, closes_at: hours.closesAt } : {}),
    attending_type: 'By phone, by email or online; meetings in person at a venue or online.',
    url: servicePage(c, ctx), // required of a schedule by the UK profile
  }
}

/** The service as a list shows it: its own fields and its organisation (the standard's "one-to-one" fields). */
export function serviceInList(c: FeedCouncil, ctx: FeedContext): Json {
  const email = present(c.email) ?? present(ctx.provider.email)
  return {
    id: c.id,
    organization_id: providerOrganizationId,
    name: c.serviceName,
    description: description(c),
    url: servicePage(c, ctx),
    ...(email ? { email } : {}),
    status: 'active',
    minimum_age: 0,
    maximum_age: 25,
    last_modified: c.updatedAt.toISOString(),
    organization: organizationOfProvider(ctx),
  }
}

/** The whole service, with its schedules, area, contacts and the venues it is offered at. */
export function fullService(
  c: FeedCouncil,
  ctx: FeedContext,
  venues: readonly FeedVenue[],
  extraSchedules: readonly OrukSchedule[] = [],
): Json {
  const phone = present(c.phone) ?? present(ctx.provider.phone)
  const contactId = stableId('contact', c.id)
  return {
    ...serviceInList(c, ctx),
    schedules: [scheduleOf(c, ctx), ...extraSchedules],
    service_areas: [
      {
        id: stableId('service-area', c.id),
        service_id: c.id,
        name: c.name,
        description: c.postcodeDistricts.length
          ? `The area of ${c.name}: postcode districts ${c.postcodeDistricts.join(', ')}.`
          : `The area of ${c.name}.`,
      },
    ],
    contacts: [
      {
        id: contactId,
        service_id: c.id,
        name: c.serviceName,
        title: 'Enquiries',
        url: servicePage(c, ctx), // required of a contact by the UK profile
        ...(phone
          ? {
              phones: [{ id: stableId('phone', c.id), contact_id: contactId, number: phone, url: servicePage(c, ctx) }],
            }
          : {}),
      },
    ],
    service_at_locations: venues.map((v) => serviceAtLocation(c, v)),
  }
}

/** "1 Example Street, Warrington" and its postcode as an address: the last part is the town. */
function addressOf(v: FeedVenue): Json | undefined {
  const parts = (v.address ?? '')
    .split(/,|\n/)
    .map((p) => p.trim())
    .filter(Boolean)
  if (!parts.length) return undefined
  const postcode = present(v.postcode) ?? ''
  const withoutPostcode = postcode ? parts.filter((p) => p.toUpperCase() !== postcode.toUpperCase()) : parts
  const city = withoutPostcode.length > 1 ? withoutPostcode.at(-1)! : ''
  return {
    id: stableId('address', v.id),
    location_id: v.id,
    address_1: (withoutPostcode.length > 1 ? withoutPostcode.slice(0, -1) : withoutPostcode).join(', '),
    city,
    state_province: '',
    postal_code: postcode,
    country: 'GB',
    address_type: 'physical',
  }
}

export function location(v: FeedVenue): Json {
  const access = [
    v.stepFree ? 'Step-free access.' : undefined,
    v.hearingLoop ? 'A hearing loop.' : undefined,
    v.parking ? 'Parking.' : undefined,
    v.quietRoom ? 'A quiet room.' : undefined,
  ].filter(Boolean)
  const address = addressOf(v)
  return {
    id: v.id,
    name: v.name,
    description: 'A neutral place where mediation meetings are held.',
    ...(address ? { addresses: [address] } : {}),
    ...(access.length || present(v.accessibilityNotes)
      ? {
          accessibility: [
            {
              id: stableId('accessibility', v.id),
              location_id: v.id,
              description: access.length ? access.join(' ') : 'Ask us about access.',
              ...(present(v.accessibilityNotes) ? { details: v.accessibilityNotes!.trim() } : {}),
            },
          ],
        }
      : {}),
  }
}

export function serviceAtLocation(c: FeedCouncil, v: FeedVenue): Json {
  return {
    id: stableId('service-at-location', c.id, v.id),
    service_id: c.id,
    location_id: v.id,
    location: location(v),
  }
}
