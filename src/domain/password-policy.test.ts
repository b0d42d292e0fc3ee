import assert from 'node:assert/strict'
import { test } from 'node:test'
import { passwordMessages as m, passwordProblem } from './password-policy.ts'

const priya = { email: 'priya.okafor@council.example', name: 'Priya Okafor' }

test('length over complexity: 12 characters or more, long passphrases welcome, no rules about kinds of character', () => {
  assert.equal(passwordProblem(''), m.missing)
  assert.equal(passwordProblem('eleven char'), m.short)
  assert.equal(passwordProblem('kettle drum sparrow'), undefined)
  assert.equal(passwordProblem('all lower case words only here'), undefined)
  assert.equal(passwordProblem('a very long passphrase about the allotment, '.repeat(4)), undefined)
  assert.equal(passwordProblem('x'.repeat(201)), m.long)
})

test('refuses the most common and breached passwords, and those with digits or symbols added', () => {
  for (const p of [
    'password1234',
    'Password1234',
    'qwertyuiop12',
    'iloveyou1234',
    'football2024!',
    '!!sunshine123',
    'P@ssw0rd1234',
    'letmein12345',
    'pass word 1234',
  ])
    assert.equal(passwordProblem(p), m.common, p)
  assert.equal(passwordProblem('123456789012'), m.common)
})

test('refuses a character repeated, a few repeated, and runs along the alphabet, digits or keyboard', () => {
  for (const p of [
    'aaaaaaaaaaaa',
    'abababababab',
    'abcabcabcabc',
    'abcdefghijkl',
    'lkjihgfedcba',
    '234567890123',
    'asdfghjklzxc',
    '111111111111',
  ])
    assert.ok([m.predictable, m.common].includes(passwordProblem(p) as never), p)
  assert.equal(passwordProblem('aaaaaaaaaaaa'), m.predictable)
})

test("refuses the person's own email or name", () => {
  for (const p of [
    'priya.okafor@council.example',
    'Priya.Okafor@Council.Example',
    'priyaokafor2026',
    'Priya Okafor!!!',
    'okafor123456789',
    'my name is priya okafor',
  ])
    assert.equal(passwordProblem(p, priya), m.personal, p)
  // A name part inside a longer passphrase is fine; so is someone else's name.
  assert.equal(passwordProblem('priya walks the dog at dawn', priya), undefined)
  assert.equal(passwordProblem('tomasz brennan was here', priya), undefined)
})
