import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { chainStart, checkLink, genesisHash, linkHash, parseAnchorLine, type StoredLink } from './audit-chain.ts'

const canonical = '[1, "2026-11-27T10:00:00+00:00", "council.changed"]'
const first: StoredLink = {
  seq: 1,
  rowId: 1,
  prevHash: genesisHash,
  hash: linkHash(genesisHash, 'audit_trail', 1, canonical),
  canonical,
}

describe('the audit hash chain', () => {
  it('makes the hash PostgreSQL makes: sha256 of "previous|chain|seq|canonical", in hex', () => {
    // The same sum as: select encode(sha256(convert_to(repeat('0',64)||'|audit_trail|1|x', 'UTF8')), 'hex')
    assert.equal(
      linkHash(genesisHash, 'audit_trail', 1, 'x'),
      'e2a2890f2f39cf9293a32b092c2ea3e637af916be9ba8fe73caa522497df79bd',
    )
    assert.match(first.hash, /^[0-9a-f]{64}$/)
    assert.notEqual(linkHash(genesisHash, 'audit_trail', 2, canonical), first.hash, 'the place in the chain counts')
    assert.notEqual(linkHash(genesisHash, 'case_events', 1, canonical), first.hash, 'so does the chain')
  })

  it('accepts an intact link and names what is wrong with a broken one', () => {
    assert.equal(checkLink('audit_trail', chainStart, first), null)
    const after = { seq: 1, hash: first.hash }
    assert.match(
      checkLink('audit_trail', chainStart, { ...first, canonical: canonical.replace('changed', 'created') })!.what,
      /row 1 \(entry 1\) has been changed/,
    )
    assert.match(checkLink('audit_trail', chainStart, { ...first, canonical: null })!.what, /row 1 has been deleted/)
    assert.match(checkLink('audit_trail', after, { ...first, seq: 3 })!.what, /entry 2 is missing/)
    assert.match(
      checkLink('audit_trail', after, { ...first, seq: 2, prevHash: genesisHash })!.what,
      /entry 2 does not follow entry 1/,
    )
  })

  it('reads an anchor line, and nothing else', () => {
    const anchor = { at: '2026-11-27T10:00:00.000Z', chains: { audit_trail: { seq: 1, hash: first.hash } } }
    assert.deepEqual(parseAnchorLine(JSON.stringify(anchor)), anchor)
    assert.equal(parseAnchorLine('not json'), null)
    assert.equal(parseAnchorLine('{"at": "x", "chains": {"audit_trail": {"seq": "1"}}}'), null)
  })
})
