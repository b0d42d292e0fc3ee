// What a first visit to a public page transfers: the page, its stylesheet and its scripts (and
// the scripts those import), as a browser asks for them (accepting brotli and gzip), counted as
// the bytes that cross the wire.
import { request } from 'node:http'

export interface PageWeight {
  path: string
  /** Kilobytes (1,000 bytes) sent: the page, and everything it loads. */
  pageKb: number
  assetsKb: number
  totalKb: number
  assets: { path: string; kb: number; encoding: string }[]
}

function get(url: string): Promise<{ status: number; bytes: number; body: string; encoding: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const raw = Buffer.concat(chunks)
        const encoding = String(res.headers['content-encoding'] ?? 'none')
        // The text, to find what it loads: only pages and our own small script are read.
        const body = encoding === 'none' ? raw.toString('utf8') : ''
        resolve({ status: res.statusCode ?? 0, bytes: raw.length, body, encoding })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

const kb = (bytes: number) => Math.round(bytes / 100) / 10

/** Stylesheets and scripts a page or a script loads, by their paths on this server. */
function loads(text: string): string[] {
  const found = [
    ...text.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g),
    ...text.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...text.matchAll(/\bimport\s[^'"]*['"](\/[^'"]+)['"]/g),
  ].map((m) => m[1]!)
  return found.filter((p) => p.startsWith('/'))
}

export async function pageWeight(base: string, path: string): Promise<PageWeight> {
  const page = await get(base + path)
  if (page.status !== 200) throw new Error(`${path} answered ${page.status}`)
  const seen = new Set<string>()
  const assets: PageWeight['assets'] = []
  const queue = loads(page.body)
  while (queue.length) {
    const asset = queue.shift()!
    if (seen.has(asset)) continue
    seen.add(asset)
    const got = await get(base + asset)
    assets.push({ path: asset, kb: kb(got.bytes), encoding: got.encoding })
    if (asset.endsWith('.js') && got.body) queue.push(...loads(got.body))
  }
  const assetBytes = assets.reduce((n, a) => n + a.kb * 1000, 0)
  return {
    path,
    pageKb: kb(page.bytes),
    assetsKb: kb(assetBytes),
    totalKb: kb(page.bytes + assetBytes),
    assets,
  }
}

/** The public pages the target is for: the start page and the first pages of the request and the portal. */
export const PUBLIC_PAGES = ['/', '/request', '/portal/sign-in']
