import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { SignInRateLimiter } from './rate-limit';

describe('the sign-in rate limit', () => {
	it('lets five failures through, then asks to wait until the oldest leaves the window', () => {
		const clock = new ManualClock();
		const limiter = new SignInRateLimiter(clock, 5, 15 * 60_000);
		for (let i = 0; i < 5; i++) {
			expect(limiter.retryAfter('k')).toBe(0);
			limiter.fail('k');
			clock.advance(60_000);
		}
		expect(limiter.retryAfter('k')).toBe(10 * 60);
		expect(limiter.retryAfter('other')).toBe(0);
		clock.advance(10 * 60_000);
		expect(limiter.retryAfter('k')).toBe(0);
	});

	it('forgets failures after a success', () => {
		const clock = new ManualClock();
		const limiter = new SignInRateLimiter(clock, 2);
		limiter.fail('k');
		limiter.succeed('k');
		limiter.fail('k');
		expect(limiter.retryAfter('k')).toBe(0);
	});
});
