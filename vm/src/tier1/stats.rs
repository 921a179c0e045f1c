//! Tier-1 counters reported by `-X jit-stats` (with the invalidation and uninstall
//! counts `tier1::watchers` keeps).

use std::collections::BTreeMap;

#[derive(Default, Debug, Clone)]
pub struct Tier1Stats {
    /// Successful specializations, by specialized instruction name.
    pub specialized: BTreeMap<&'static str, u64>,
    /// Failed specialization attempts, by family.
    pub specialization_failures: BTreeMap<&'static str, u64>,
    /// Deopts, indexed by family opcode (empty until the first deopt): a plain array
    /// add on the deopt path, named only in the report.
    pub deopts: Vec<u64>,
    /// Back edges that got hot and were offered to the optimizer.
    pub hot_back_edges: u64,
    /// Executors the optimizer returned and that were installed.
    pub executors_installed: u64,
}

impl Tier1Stats {
    pub fn report(&self) -> String {
        let mut out = String::new();
        let total: u64 = self.specialized.values().sum();
        out.push_str(&format!("tier1: instructions specialized: {total}\n"));
        for (name, n) in &self.specialized {
            out.push_str(&format!("tier1:   specialized {name}: {n}\n"));
        }
        let failures: u64 = self.specialization_failures.values().sum();
        out.push_str(&format!("tier1: specialization failures: {failures}\n"));
        for (name, n) in &self.specialization_failures {
            out.push_str(&format!("tier1:   failed {name}: {n}\n"));
        }
        let deopts: BTreeMap<&str, u64> = self
            .deopts
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(family, n)| (crate::opcodes::INSTRUCTIONS[family].name, *n))
            .collect();
        out.push_str(&format!("tier1: deopts: {}\n", deopts.values().sum::<u64>()));
        for (name, n) in &deopts {
            out.push_str(&format!("tier1:   deopt {name}: {n}\n"));
        }
        out.push_str(&format!("tier1: hot back edges: {}\n", self.hot_back_edges));
        out.push_str(&format!("tier1: executors installed: {}\n", self.executors_installed));
        out.push_str(&format!("tier1: executors invalidated: {}\n", crate::tier1::watchers::invalidations()));
        out.push_str(&format!("tier1: executors uninstalled: {}\n", crate::tier1::watchers::uninstalls()));
        out
    }
}
