import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { SafeReport } from '../../domain/report-safe.ts'
import { namesInEveryScript, readPdf } from '../certificates/testing.ts'
import { reportPdf } from './pdf.ts'

const shown = (count: number) => ({ count, suppressed: false as const })

const report: SafeReport = {
  sections: [
    {
      id: 'enquiries',
      title: 'Enquiries',
      tables: [
        {
          id: 'enquiries-by-how',
          section: 'enquiries',
          title: 'Enquiries by how they came',
          rule: 'Counted by the day each enquiry came.',
          rowHeading: 'How it came',
          columns: ['Enquiries'],
          rows: [
            { key: 'phone', label: 'Phone', cells: [shown(12)] },
            { key: 'online', label: 'Online', cells: [shown(30)] },
          ],
          totals: { cells: [shown(42)] },
          derived: [],
        },
      ],
    },
  ],
}

describe('the report as a PDF (reportPdf)', () => {
  it("prints the council's name in every script exactly as typed, with its figures", async () => {
    const councilName = `${namesInEveryScript.join(', ')} Council`
    const pdf = await readPdf(
      await reportPdf(
        report,
        { councilName, councilCode: 'names', period: { from: '2026-07-01', to: '2026-09-30' } },
        { createdAt: new Date('2026-10-01T09:00:00Z'), provider: `${namesInEveryScript[0]} mediation` },
      ),
    )
    assert.equal(pdf.info.Title, `Service report: ${councilName}, July to September 2026`)
    assert.equal(pdf.info.Author, `${namesInEveryScript[0]} mediation`)
    for (const name of namesInEveryScript) assert.ok(pdf.text.includes(name), `the PDF says "${name}"`)
    assert.ok(pdf.structure.some((e) => e.role === 'P' && e.text === `Council: ${councilName}.`))
    assert.deepEqual(
      pdf.structure.filter((e) => e.role === 'TR').map((e) => e.text),
      ['How it came Enquiries', 'Phone 12', 'Online 30', 'Total 42'],
    )
  })
})
