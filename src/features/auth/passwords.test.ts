import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { passwordProblem } from '../../domain/password-policy.ts'
import { oneTimePassword } from './passwords.ts'

test('the one-time passwords Parley makes (create-user, an administrator’s reset, the first administrator) meet the password policy', () => {
  const person = { email: 'priya.okafor@council.example', name: 'Priya Okafor' }
  fc.assert(
    fc.property(fc.constant(null), () => {
      const password = oneTimePassword()
      assert.match(password, /^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/)
      assert.equal(passwordProblem(password, person), undefined)
    }),
    { numRuns: 500 },
  )
})
