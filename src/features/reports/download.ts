// Sending a report's downloads: a table as CSV, the whole report as a PDF.
import type { FastifyReply } from 'fastify'
import type { Clock } from '../../clock.ts'
import type { SafeReport } from '../../domain/report-safe.ts'
import { tableCsv } from './csv.ts'
import { reportPdf } from './pdf.ts'
import { fileName, tableOf, type ReportHeading } from './view-model.ts'

const attachment = (name: string) => `attachment; filename="${name}"`

/** One table as CSV; false when the report has no such table. */
export function sendTableCsv(reply: FastifyReply, heading: ReportHeading, report: SafeReport, tableId: string) {
  const table = tableOf(report, tableId)
  if (!table) return false
  reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', attachment(fileName(heading, table.id, 'csv')))
    .send(`\ufeff${tableCsv(table)}`)
  return true
}

export async function sendReportPdf(
  reply: FastifyReply,
  clock: Clock,
  heading: ReportHeading,
  report: SafeReport,
  provider?: string,
) {
  const pdf = await reportPdf(report, heading, { createdAt: clock.now(), provider })
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', attachment(fileName(heading, 'report', 'pdf')))
    .send(pdf)
}
