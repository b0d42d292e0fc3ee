// The final agreement as it was made final: its words for the page, and its tagged PDF (large
// print when asked), each download recorded in the case's access log.
import type { AgreementContent } from '../../domain/agreement-content.ts'
import { recordAccess } from '../cases/index.ts'
import type { AgreementDeps } from './draft.ts'
import { agreementPdf } from './pdf.ts'
import { agreementWithPoints } from './repository.ts'

export function createFinalCopyService({ db, clock }: AgreementDeps) {
  /** The words of the final agreement; undefined while it is a draft (or there is none). */
  async function finalContent(caseId: string): Promise<AgreementContent | undefined> {
    const agreement = await agreementWithPoints(db, caseId)
    return agreement?.status === 'final' ? (agreement.finalContent ?? undefined) : undefined
  }

  return {
    finalContent,

    /** The final agreement's PDF and its file name, the download recorded; undefined while it is a draft. */
    async finalPdf(caseId: string, options: { largePrint: boolean; userId: string; path: string }) {
      const content = await finalContent(caseId)
      if (!content) return undefined
      await recordAccess(db, clock, { userId: options.userId, caseId, path: options.path })
      const reference = content.caseReference.replace(/[^A-Za-z0-9-]/g, '') || 'case'
      return {
        pdf: await agreementPdf(content, { largePrint: options.largePrint }),
        name: `${reference}-agreement${options.largePrint ? '-large-print' : ''}.pdf`,
      }
    },
  }
}
