// For the preparation tests: a case with a parent, the council and a school; staff signed in;
// documents built byte by byte; and multipart posts (the shared Agent posts only urlencoded forms).
import { randomUUID } from 'node:crypto'
import { deflateRawSync } from 'node:zlib'
import type { LightMyRequestResponse } from 'fastify'
import { Agent } from '../../../test/helpers/agent.ts'
import { createStaff, type TestApp } from '../../../test/helpers/app.ts'
import { and, eq, ne } from 'drizzle-orm'
import type { Clock } from '../../clock.ts'
import type { Database } from '../../db/client.ts'
import { caseParties } from '../../db/schema/index.ts'
import { makeCase } from '../cases/testing.ts'
import { createPreparationService } from './service.ts'

export async function preparationCase(t: TestApp, options: { health?: boolean } = {}) {
  const made = await makeCase(t.database, t.clock) // Sarah Hartley (parent) and Warrington Borough Council
  await t.database.db.insert(caseParties).values([
    { caseId: made.id, role: 'school', name: 'Brookfield Primary School', organisation: 'Brookfield Primary School' },
    ...(options.health
      ? [
          {
            caseId: made.id,
            role: 'health',
            name: 'Cheshire and Merseyside ICB',
            organisation: 'Cheshire and Merseyside ICB',
          },
        ]
      : []),
  ])
  const parties = await t.database.db.select().from(caseParties)
  const of = (role: string) => parties.find((p) => p.caseId === made.id && p.role === role)!
  return {
    ...made,
    parent: of('parent'),
    council: of('local-authority'),
    school: of('school'),
    health: options.health ? of('health') : undefined,
  }
}

/** Records a phone call with every party of the case (not whoever asked), as a meeting needs. */
export async function contactEveryParty(
  database: Database,
  clock: Clock,
  caseId: string,
  by: { id: string; name: string },
  on = clock.today(),
) {
  const service = createPreparationService({ db: database.db, clock })
  const parties = await database.db
    .select()
    .from(caseParties)
    .where(and(eq(caseParties.caseId, caseId), ne(caseParties.role, 'referrer')))
  for (const party of parties) {
    const result = await service.addContact(
      caseId,
      {
        partyId: party.id,
        contactedOn: on,
        method: 'phone',
        note: 'Talked through the meeting',
        submissionKey: randomUUID(),
      },
      { actor: { userId: by.id, label: by.name } },
    )
    if (!result.ok) throw new Error(result.reason)
  }
}

export async function staffAgents(t: TestApp) {
  await createStaff(t.database, 'coordinator@example.com', ['coordinator'], 'Cora Ordinator')
  await createStaff(t.database, 'mediator@example.com', ['mediator'], 'Mo Mediator') // allocated to no case here
  return {
    coordinator: await new Agent(t.app).signIn('coordinator@example.com'),
    otherMediator: await new Agent(t.app).signIn('mediator@example.com'),
  }
}

export const dateFields = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-')
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! }
}

// --- Documents ---

/** A small but real one-page PDF. */
export function pdfBytes(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Length 44 >>\nstream\nBT /F1 18 Tf 72 720 Td (Our summary) Tj ET\nendstream',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(out.length)
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = out.length
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff
  for (const byte of bytes) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
  }
  return (crc ^ 0xffffffff) >>> 0
}

/** A zip of the given entries (deflated), with its central directory. */
export function zipBytes(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, content] of Object.entries(entries)) {
    const raw = Buffer.from(content, 'utf8')
    const data = deflateRawSync(raw)
    const fileName = Buffer.from(name, 'utf8')
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0, 6)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc32(raw), 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(raw.length, 22)
    local.writeUInt16LE(fileName.length, 26)
    local.writeUInt16LE(0, 28)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc32(raw), 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(raw.length, 24)
    central.writeUInt16LE(fileName.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, fileName, data)
    centrals.push(central, fileName)
    offset += local.length + fileName.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(entries).length, 8)
  end.writeUInt16LE(Object.keys(entries).length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** A minimal Word document: the parts Word needs to open it. */
export function docxBytes(): Buffer {
  return zipBytes({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml':
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Our summary</w:t></w:r></w:p></w:body></w:document>',
  })
}

/** A Windows program: what a renamed executable starts with. */
export const exeBytes = () =>
  Buffer.concat([
    Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'),
    Buffer.alloc(120, 0),
    Buffer.from('This program cannot be run in DOS mode.'),
  ])

// --- Multipart posts, as a browser sends a form with a file ---

export function multipart(
  fields: Record<string, string>,
  file?: { field?: string; name: string; type: string; bytes: Buffer },
) {
  const boundary = `----parleyTestBoundary${Math.random().toString(16).slice(2)}`
  const chunks: Buffer[] = []
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`, 'utf8'),
    )
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'document'}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
        'utf8',
      ),
      file.bytes,
      Buffer.from('\r\n'),
    )
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` }
}

/** Fetches the form page (for its token), then posts the form as multipart with the agent's cookies. */
export async function submitMultipart(
  t: TestApp,
  agent: Agent,
  url: string,
  fields: Record<string, string>,
  file?: Parameters<typeof multipart>[1],
): Promise<LightMyRequestResponse> {
  await agent.get(url)
  const { payload, contentType } = multipart({ _csrf: agent.csrfToken, ...fields }, file)
  // The Agent keeps its cookies private; its own helpers are used, by name, to send and keep them.
  const res = await t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { ...agent['headers'](), 'content-type': contentType },
  })
  agent['remember'](res)
  return res
}
