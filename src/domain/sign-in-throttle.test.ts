import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { accountThrottle, addressThrottle, locksNow, waitAfter, waitSteps } from './sign-in-throttle.ts'

const minutes = (ms: number) => ms / 60_000

test('an account: four failures are free, then each waits twice as long, then it is locked for 30 minutes', () => {
  const waits = Array.from({ length: 12 }, (_, i) => minutes(waitAfter(accountThrottle, i + 1)))
  assert.deepEqual(waits, [0, 0, 0, 0, 1, 2, 4, 8, 15, 30, 30, 30])
  assert.deepEqual(
    Array.from({ length: 12 }, (_, i) => locksNow(accountThrottle, i + 1)).flatMap((l, i) => (l ? [i + 1] : [])),
    [10],
  )
})

test('an address is never locked, and waits only after 30 failures', () => {
  assert.equal(waitAfter(addressThrottle, 30), 0)
  assert.equal(minutes(waitAfter(addressThrottle, 31)), 1)
  assert.equal(minutes(waitAfter(addressThrottle, 1000)), 15)
  assert.equal(locksNow(addressThrottle, 10), false)
})

test('the steps cover every count: past the last, the wait is the last step', () => {
  for (const policy of [accountThrottle, addressThrottle]) {
    const steps = waitSteps(policy)
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (n) => {
        assert.equal(waitAfter(policy, n), steps[Math.min(n, steps.length) - 1])
      }),
    )
    // Failures are remembered for longer than any wait, so waiting out a wait never clears the count.
    assert.ok(policy.forgetAfterMs > Math.max(...steps))
  }
})

test('more failures never mean a shorter wait', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 500 }), (n) => {
      assert.ok(waitAfter(accountThrottle, n + 1) >= waitAfter(accountThrottle, n))
      assert.ok(waitAfter(addressThrottle, n + 1) >= waitAfter(addressThrottle, n))
    }),
  )
})
