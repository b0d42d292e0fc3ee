// A file of cases as rows of text: a CSV file (UTF-8 with or without a byte-order mark, or
// Windows-1252 as older Excel saves it; Windows or Unix line endings; quoted commas and new lines)
// or an Excel workbook's first sheet. Rows with nothing in them are left out; each row keeps the
// line (CSV) or row number (Excel) it starts on, to name it in what the dry run says.
import { parse } from 'csv-parse/sync'

export type FileKind = 'csv' | 'xlsx'

export interface FileRow {
  line: number
  cells: string[]
}

export interface ReadFile {
  headers: string[]
  rows: FileRow[]
}

/** The kind of file, from its first bytes (a workbook is a zip) and then its name. */
export function kindOf(fileName: string, bytes: Buffer): FileKind | undefined {
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx'
  if (/\.(csv|txt)$/i.test(fileName)) return 'csv'
  return undefined
}

/** UTF-8 if it is, else Windows-1252; line endings made Unix ones (the parser's line count trips on \r\n in quotes). */
function decode(bytes: Buffer): string {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes)
  }
  return text.replace(/\r\n?/g, '\n')
}

const blank = (cells: string[]) => cells.every((c) => c === '')

export async function readFile(kind: FileKind, bytes: Buffer): Promise<ReadFile> {
  const rows = kind === 'csv' ? readCsv(bytes) : await readWorkbook(bytes)
  const [first, ...rest] = rows
  if (!first) return { headers: [], rows: [] }
  return { headers: first.cells, rows: rest }
}

function readCsv(bytes: Buffer): FileRow[] {
  const records = parse(decode(bytes), {
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
    raw: true,
  }) as unknown as { record: string[]; info: { lines: number }; raw: string }[]
  return records
    .map(({ record, info, raw }) => ({
      // The parser counts the line a record ends on (its raw text has any empty lines before it):
      // back to the one it starts on.
      line: info.lines - (raw.replace(/^\n+/, '').replace(/\n$/, '').match(/\n/g)?.length ?? 0),
      cells: record.map((c) => c.trim()),
    }))
    .filter((r) => !blank(r.cells))
}

async function readWorkbook(bytes: Buffer): Promise<FileRow[]> {
  // Loaded for the first workbook, not in every process that builds the app.
  const { readSheet } = await import('read-excel-file/node')
  // The database may give the bytes back as a Uint8Array; the reader wants a Buffer.
  const sheet = await readSheet(Buffer.from(bytes))
  return sheet.map((row, i) => ({ line: i + 1, cells: row.map(cellText) })).filter((r) => !blank(r.cells))
}

/** A cell as text; a date cell as YYYY-MM-DD (the dates reader takes it so). */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) return cell.toISOString().slice(0, 10)
  return String(cell).trim()
}
