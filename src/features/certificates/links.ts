// Where each certificate can be read: an HTML page and two PDFs.
export function certificateLinks(caseId: string, certificateId: string) {
  const page = `/cases/${caseId}/certificates/${certificateId}`
  return { page, pdf: `${page}.pdf`, largePrintPdf: `${page}-large-print.pdf` }
}

/** The person asked for large print as a reasonable adjustment (or it was recorded on the certificate). */
export function largePrintAsked(request: { adjustments?: { kinds?: readonly string[] } }, recorded = false): boolean {
  return recorded || (request.adjustments?.kinds ?? []).includes('large-print')
}
