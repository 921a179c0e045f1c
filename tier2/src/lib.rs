//! sidewinder-tier2: trace projection, the uop optimizer, the uop interpreter and
//! executors. Until the tier-2 issue lands, `install` registers no optimizer, so every
//! PYTHON_JIT mode runs tier 1 (the VM's default optimizer declines).

use sidewinder_vm::runtime::Vm;

/// Wires tier 2 into the VM according to its options (PYTHON_JIT).
pub fn install(vm: &mut Vm) {
    // Every mode runs tier 1 until the projector, optimizer and uop interpreter exist:
    // no optimizer is registered, so hot back edges are declined and back off.
    debug_assert!(vm.optimizer.is_none());
}
