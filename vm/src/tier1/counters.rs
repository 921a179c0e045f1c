//! Adaptive counters with exponential backoff, kept in the first cache unit of an
//! instruction: the high 12 bits count down, the low 4 bits hold the backoff exponent.

pub const BACKOFF_BITS: u16 = 4;
const MAX_BACKOFF: u16 = 12;

/// Executions of a generic instruction before its first specialization attempt.
pub const WARMUP: u16 = 1;
/// Deopts a specialized instruction tolerates before reverting to the generic form.
pub const COOLDOWN: u16 = 52;
/// Back-edge executions before the optimizer is first asked about a loop.
pub const JUMP_BACKWARD_WARMUP: u16 = 16;

pub const fn make(value: u16, backoff: u16) -> u16 {
    (value << BACKOFF_BITS) | backoff
}

pub const fn value(counter: u16) -> u16 {
    counter >> BACKOFF_BITS
}

pub const fn backoff(counter: u16) -> u16 {
    counter & ((1 << BACKOFF_BITS) - 1)
}

/// Whether the counter has run out.
#[inline(always)]
pub const fn triggers(counter: u16) -> bool {
    value(counter) == 0
}

#[inline(always)]
pub const fn decrement(counter: u16) -> u16 {
    counter - (1 << BACKOFF_BITS)
}

/// The counter after a failed attempt: wait twice as long as last time.
pub fn backed_off(counter: u16) -> u16 {
    let exponent = (backoff(counter) + 1).min(MAX_BACKOFF);
    make((1 << exponent) - 1, exponent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_saturates() {
        let mut c = make(0, 0);
        let mut waits = Vec::new();
        for _ in 0..14 {
            c = backed_off(c);
            waits.push(value(c));
        }
        assert_eq!(&waits[..4], &[1, 3, 7, 15]);
        assert_eq!(*waits.last().unwrap(), 4095);
    }

    #[test]
    fn decrement_reaches_trigger() {
        let mut c = make(2, 3);
        assert!(!triggers(c));
        c = decrement(c);
        c = decrement(c);
        assert!(triggers(c));
        assert_eq!(backoff(c), 3);
    }
}
