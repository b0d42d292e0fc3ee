// For the imports tests: a file posted as a browser posts the upload form, a small Excel workbook
// made in the test, a second council, and the job run once.
import type { LightMyRequestResponse } from 'fastify'
import { zipSync, strToU8 } from 'fflate'
import type { Agent } from '../../../test/helpers/agent.ts'
import type { TestApp } from '../../../test/helpers/app.ts'
import { localAuthorities } from '../../db/schema/index.ts'
import { runDueImports } from './job.ts'

export function multipart(fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer }) {
  const boundary = `----parleyImportBoundary${Math.random().toString(16).slice(2)}`
  const chunks: Buffer[] = []
  for (const [name, value] of Object.entries(fields))
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`))
  chunks.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from('\r\n'),
    Buffer.from(`--${boundary}--\r\n`),
  )
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` }
}

/** The upload page fetched (its token and one-time key), then the file posted with them. */
export async function uploadFile(
  t: TestApp,
  agent: Agent,
  file: { name: string; bytes: Buffer | string; type?: string },
): Promise<LightMyRequestResponse> {
  const page = await agent.get('/admin/imports')
  const key = /name="submissionKey" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
  const bytes = typeof file.bytes === 'string' ? Buffer.from(file.bytes, 'utf8') : file.bytes
  const { payload, contentType } = multipart(
    { _csrf: agent.csrfToken, submissionKey: key },
    { name: file.name, type: file.type ?? 'text/csv', bytes },
  )
  // The Agent keeps its cookies private; its own helpers are used, by name, to send and keep them.
  const res = await t.app.inject({
    method: 'POST',
    url: '/admin/imports',
    payload,
    headers: { ...agent['headers'](), 'content-type': contentType },
  })
  agent['remember'](res)
  return res
}

/** The batch id from the redirect after an upload. */
export const batchIdOf = (res: LightMyRequestResponse) =>
  /^\/admin\/imports\/([0-9a-f-]{36})\/columns$/.exec(String(res.headers.location))?.[1] ?? ''

/** Runs the imports job once, as the job runner would. */
export const runImports = (t: TestApp) => runDueImports({ db: t.database.db, clock: t.clock })

export async function addCouncil(t: TestApp, name: string, code: string) {
  const [row] = await t.database.db
    .insert(localAuthorities)
    .values({
      code,
      name,
      commissioned: true,
      serviceName: name,
      phone: '01632 960 000',
      address: '1 Example Street',
      openingHours: '9am to 5pm',
    })
    .returning({ id: localAuthorities.id })
  return row!.id
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const columnName = (i: number) => String.fromCharCode(65 + i)

/** A one-sheet workbook of text cells (inline strings), as Excel would read it. */
export function workbook(rows: string[][]): Buffer {
  const sheetRows = rows
    .map(
      (cells, r) =>
        `<row r="${r + 1}">${cells
          .map((c, i) => `<c r="${columnName(i)}${r + 1}" t="inlineStr"><is><t>${escapeXml(c)}</t></is></c>`)
          .join('')}</row>`,
    )
    .join('')
  const files = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Cases" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`,
    ),
  }
  return Buffer.from(zipSync(files))
}
