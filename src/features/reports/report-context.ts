// What the report templates need, whether the report was worked out now or kept from a run.
import type { SafeReport } from '../../domain/report-safe.ts'
import { SUPPRESSION_NOTE } from './figures.ts'
import { periodText, reportTitle, reportView, rulesOf, type ReportHeading } from './view-model.ts'

export function reportContext(
  heading: ReportHeading,
  report?: SafeReport,
  links?: { csv: (tableId: string) => string; pdf: string },
) {
  return {
    title: reportTitle(heading),
    heading,
    periodText: periodText(heading.period),
    suppressionNote: SUPPRESSION_NOTE,
    ...(report && links
      ? { view: reportView(report, { csv: links.csv }), rules: rulesOf(report), pdfHref: links.pdf }
      : {}),
  }
}
