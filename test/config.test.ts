import assert from 'node:assert/strict'
import { test } from 'node:test'
import { loadConfig } from '../src/config.ts'

test('defaults suit a new user: port 3000, the embedded database in ./data', () => {
  const config = loadConfig({})
  assert.equal(config.PORT, 3000)
  assert.equal(config.DATABASE_URL, undefined)
  assert.equal(config.DATA_DIR, './data')
  assert.equal(config.COOKIE_SECURE, false, 'http://localhost works out of the box')
})

test('the public address follows the port unless it is set', () => {
  assert.equal(loadConfig({}).PUBLIC_URL, 'http://localhost:3000')
  assert.equal(loadConfig({ PORT: '4123' }).PUBLIC_URL, 'http://localhost:4123')
  assert.equal(
    loadConfig({ PORT: '4123', PUBLIC_URL: 'https://parley.example.org' }).PUBLIC_URL,
    'https://parley.example.org',
  )
})

test('production refuses the development session secret and the embedded database', () => {
  assert.throws(
    () => loadConfig({ NODE_ENV: 'production' }),
    (err: Error) => {
      assert.match(err.message, /SESSION_SECRET: set SESSION_SECRET in production/)
      assert.match(err.message, /DATABASE_URL: production runs on PostgreSQL/)
      return true
    },
  )
  const ok = loadConfig({
    NODE_ENV: 'production',
    SESSION_SECRET: 'x'.repeat(40),
    DATABASE_URL: 'postgres://db.internal/parley',
  })
  assert.equal(ok.NODE_ENV, 'production')
  assert.equal(ok.COOKIE_SECURE, true)
})

test('a bad setting is named, with what is wrong with it', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT:/)
  assert.throws(() => loadConfig({ SESSION_SECRET: 'short' }), /SESSION_SECRET must be at least 32 characters/)
  assert.throws(() => loadConfig({ COOKIE_SECURE: 'maybe' }), /COOKIE_SECURE/)
})
