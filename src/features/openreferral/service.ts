// The Open Referral UK feed: pages of services, organisations, locations and services at
// locations, and each by its id. Public and read-only.
import type { Db } from '../../db/client.ts'
import { providerContact } from '../../web/provider.ts'
import { providerOrganizationId } from './ids.ts'
import {
  fullService,
  location,
  organizationOfCouncil,
  organizationOfProvider,
  serviceAtLocation,
  serviceInList,
  type FeedContext,
  type Json,
} from './records.ts'
import {
  councilById,
  councilByOrganizationId,
  councilCount,
  councilsPage,
  serviceAtLocationById,
  servicesAtLocationsPage,
  venueById,
  venueCount,
  venuesPage,
  type Paging,
} from './repository.ts'
import { extraSchedules, type ScheduleSource } from './schedules.ts'

/** The most venues a service lists in full (there are tens; the service_at_locations list pages them all). */
export const MAX_VENUES_IN_A_SERVICE = 100

export interface Page {
  total_items: number
  total_pages: number
  page_number: number
  size: number
  first_page: boolean
  last_page: boolean
  empty: boolean
  contents: Json[]
}

export interface PageRequest {
  page: number
  perPage: number
}

function pageOf(contents: Json[], total: number, { page, perPage }: PageRequest): Page {
  const totalPages = Math.max(1, Math.ceil(total / perPage))
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  }
}

const paging = ({ page, perPage }: PageRequest): Paging => ({ limit: perPage, offset: (page - 1) * perPage })

export function createFeedService({
  db,
  baseUrl,
  scheduleSources = [],
}: {
  db: Db
  baseUrl: string
  scheduleSources?: readonly ScheduleSource[]
}) {
  const context = async (): Promise<FeedContext> => ({
    provider: await providerContact(db),
    baseUrl: baseUrl.replace(/\/+$/, ''),
  })

  return {
    async services(request: PageRequest): Promise<Page> {
      const [ctx, rows, total] = await Promise.all([context(), councilsPage(db, paging(request)), councilCount(db)])
      return pageOf(
        rows.map((c) => serviceInList(c, ctx)),
        total,
        request,
      )
    },

    async service(id: string): Promise<Json | undefined> {
      const council = await councilById(db, id)
      if (!council) return undefined
      const [ctx, venues, extra] = await Promise.all([
        context(),
        venuesPage(db, { limit: MAX_VENUES_IN_A_SERVICE, offset: 0 }),
        extraSchedules(db, scheduleSources, [council.id]),
      ])
      return fullService(council, ctx, venues, extra.get(council.id))
    },

    /** The provider first, then each council the service runs for, by name. */
    async organizations(request: PageRequest): Promise<Page> {
      const { limit, offset } = paging(request)
      const providerHere = offset === 0
      const [ctx, rows, councils] = await Promise.all([
        context(),
        councilsPage(db, { limit: providerHere ? limit - 1 : limit, offset: providerHere ? 0 : offset - 1 }),
        councilCount(db),
      ])
      const contents = [
        ...(providerHere ? [organizationOfProvider(ctx)] : []),
        ...rows.map((c) => organizationOfCouncil(c, ctx)),
      ]
      return pageOf(contents, councils + 1, request)
    },

    async organization(id: string): Promise<Json | undefined> {
      const ctx = await context()
      if (id === providerOrganizationId) return organizationOfProvider(ctx)
      const council = await councilByOrganizationId(db, id)
      return council && organizationOfCouncil(council, ctx)
    },

    async locations(request: PageRequest): Promise<Page> {
      const [rows, total] = await Promise.all([venuesPage(db, paging(request)), venueCount(db)])
      return pageOf(rows.map(location), total, request)
    },

    async location(id: string): Promise<Json | undefined> {
      const venue = await venueById(db, id)
      return venue && location(venue)
    },

    async servicesAtLocations(request: PageRequest): Promise<Page> {
      const [rows, councils, venues] = await Promise.all([
        servicesAtLocationsPage(db, paging(request)),
        councilCount(db),
        venueCount(db),
      ])
      return pageOf(
        rows.map((r) => serviceAtLocation(r.council, r.venue)),
        councils * venues,
        request,
      )
    },

    /** By its id, with its service (as a list shows it) as well as its location. */
    async serviceAtLocation(id: string): Promise<Json | undefined> {
      const [row, ctx] = await Promise.all([serviceAtLocationById(db, id), context()])
      return row && { ...serviceAtLocation(row.council, row.venue), service: serviceInList(row.council, ctx) }
    },
  }
}

export type FeedService = ReturnType<typeof createFeedService>
