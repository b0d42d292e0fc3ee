import { z } from 'zod'

export const sortKeys = ['name', 'status'] as const
export type PanelSort = (typeof sortKeys)[number]

/** The panel's query string: anything unexpected falls back to the default order. */
export const panelQuerySchema = z.object({
  sort: z.enum(sortKeys).catch('name'),
  order: z.enum(['asc', 'desc']).catch('asc'),
})
