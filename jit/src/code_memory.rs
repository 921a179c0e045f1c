//! Code memory: each compiled trace lives in its own `JITModule`, so that the code of
//! an invalidated executor can be freed on its own (cranelift-jit frees whole modules
//! only). The module maps its code read-write, copies it in, then makes it read-execute
//! (`finalize_definitions`): never writable and executable at once.
//!
//! The budget bounds the bytes of code alive at once. A module takes whole pages, so
//! each trace is charged its code size rounded up to pages. A trace that would exceed
//! the bound is not compiled (it runs on the uop interpreter) and is counted.

use std::cell::Cell;

/// The page granularity code is charged at.
pub const PAGE: usize = 4096;

/// The default bound on live code: `-X jit-code-limit=BYTES` changes it.
pub const DEFAULT_CODE_LIMIT: usize = 64 << 20;

/// Live code bytes against the bound.
pub struct CodeBudget {
    pub limit: usize,
    pub live: Cell<usize>,
    pub peak: Cell<usize>,
    pub freed_modules: Cell<u64>,
    pub refused: Cell<u64>,
}

impl CodeBudget {
    pub fn new(limit: usize) -> CodeBudget {
        CodeBudget { limit, live: Cell::new(0), peak: Cell::new(0), freed_modules: Cell::new(0), refused: Cell::new(0) }
    }

    /// The charge for `code_size` bytes of code.
    pub fn charge_for(code_size: usize) -> usize {
        code_size.div_ceil(PAGE).max(1) * PAGE
    }

    /// Takes `bytes` from the budget, or refuses when the bound would be passed.
    pub fn reserve(&self, bytes: usize) -> bool {
        let live = self.live.get() + bytes;
        if live > self.limit {
            self.refused.set(self.refused.get() + 1);
            return false;
        }
        self.live.set(live);
        self.peak.set(self.peak.get().max(live));
        true
    }

    pub fn release(&self, bytes: usize) {
        self.live.set(self.live.get() - bytes);
        self.freed_modules.set(self.freed_modules.get() + 1);
    }
}

/// One compiled trace's module, freed when dropped.
pub struct CodeModule {
    module: Option<cranelift_jit::JITModule>,
}

impl CodeModule {
    pub fn new(module: cranelift_jit::JITModule) -> CodeModule {
        CodeModule { module: Some(module) }
    }
}

impl Drop for CodeModule {
    fn drop(&mut self) {
        if let Some(module) = self.module.take() {
            // SAFETY: a `CodeModule` is dropped when the last `Rc` of its trace goes:
            // the executor gave its reference up and no run holds one, so no code of
            // this module is executing or will be called.
            unsafe { module.free_memory() };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_is_charged_in_whole_pages() {
        assert_eq!(CodeBudget::charge_for(0), PAGE);
        assert_eq!(CodeBudget::charge_for(1), PAGE);
        assert_eq!(CodeBudget::charge_for(PAGE), PAGE);
        assert_eq!(CodeBudget::charge_for(PAGE + 1), 2 * PAGE);
    }

    #[test]
    fn the_bound_refuses_and_freeing_makes_room() {
        let budget = CodeBudget::new(2 * PAGE);
        assert!(budget.reserve(PAGE));
        assert!(budget.reserve(PAGE));
        assert!(!budget.reserve(PAGE), "a third page passes the bound");
        assert_eq!(budget.refused.get(), 1);
        assert_eq!(budget.peak.get(), 2 * PAGE);
        budget.release(PAGE);
        assert_eq!(budget.live.get(), PAGE);
        assert_eq!(budget.freed_modules.get(), 1);
        assert!(budget.reserve(PAGE), "room again once code was freed");
        assert_eq!(budget.peak.get(), 2 * PAGE);
    }
}
