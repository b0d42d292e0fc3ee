// The complaints figures for a council's report, counted by the date each complaint was received.
import type { Db } from '../../db/client.ts'
import { complaintStageKeys, type ComplaintStage } from '../../domain/complaints.ts'
import { complaintsReceived } from './figures-repository.ts'

export interface ComplaintFigures {
  /** Complaints received in the period. */
  received: number
  /** Of those, how many reached each stage as their furthest (the stage each is at now). */
  byStage: Record<ComplaintStage, number>
  /** Of those, how many had every stage they went through answered by its deadline. */
  answeredInTime: number
  /** Of those, by the latest outcome given (a complaint not answered yet counts in none). */
  upheld: number
  partlyUpheld: number
  notUpheld: number
}

/**
 * The figures for these councils ('all', or some) and the period from..to (YYYY-MM-DD, both
 * included), by the date each complaint was received. An empty list of councils counts nothing.
 */
export async function complaintFigures(
  db: Db,
  { councilIds, from, to }: { councilIds: 'all' | readonly string[]; from: string; to: string },
): Promise<ComplaintFigures> {
  const rows = await complaintsReceived(db, councilIds, from, to)
  const byStage = Object.fromEntries(complaintStageKeys.map((s) => [s, 0])) as Record<ComplaintStage, number>
  for (const r of rows) if (r.stage in byStage) byStage[r.stage as ComplaintStage]++
  const outcome = (o: string) => rows.filter((r) => r.outcome === o).length
  return {
    received: rows.length,
    byStage,
    answeredInTime: rows.filter((r) => r.inTime === true).length,
    upheld: outcome('upheld'),
    partlyUpheld: outcome('partly-upheld'),
    notUpheld: outcome('not-upheld'),
  }
}
