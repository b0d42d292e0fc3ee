// The sessions' figures for a council's report: sessions held in the period (not cancelled, by
// the day they were on in England), places booked on them and people recorded as there, by
// audience. The reports area suppresses small numbers in them as in every other figure.
import type { Db } from '../../db/client.ts'
import { addDays } from '../../domain/dates.ts'
import { audiences, londonInstant, type Audience } from '../../domain/info-sessions.ts'
import { heldByAudience } from './repository.ts'

export interface SessionFigures {
  /** For each audience: sessions held, places booked on them, people who came. */
  byAudience: Record<Audience, { held: number; booked: number; attended: number }>
}

export async function sessionFigures(
  db: Db,
  { councilIds, from, to }: { councilIds: 'all' | readonly string[]; from: string; to: string },
): Promise<SessionFigures> {
  const rows = await heldByAudience(
    db,
    councilIds,
    londonInstant(from, '00:00'),
    londonInstant(addDays(to, 1), '00:00'),
  )
  const byAudience = Object.fromEntries(
    audiences.map((a) => [a, { held: 0, booked: 0, attended: 0 }]),
  ) as SessionFigures['byAudience']
  for (const r of rows)
    if (r.audience in byAudience)
      byAudience[r.audience as Audience] = { held: r.held, booked: r.booked, attended: r.attended }
  return { byAudience }
}

/** The same, as the report's facts: one for each audience. */
export async function sessionFacts(db: Db, q: { councilIds: 'all' | readonly string[]; from: string; to: string }) {
  const { byAudience } = await sessionFigures(db, q)
  return Object.entries(byAudience).map(([audience, counts]) => ({ audience, ...counts }))
}
