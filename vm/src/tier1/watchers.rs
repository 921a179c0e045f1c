//! The dependency registry: executors register what they assumed (a dict's contents, a
//! type, a function version), and a change of it invalidates them.
//!
//! The registry is a thread-local map from `Dependency` to weak references to the
//! executors that watch it; it never keeps an executor alive. `notify` takes a
//! dependency's whole list out of the map and calls `Executor::invalidate` on each
//! executor still alive and valid, so a dependency has to be watched again after every
//! change. The hooks that call it:
//!
//! - dicts: every mutation of a `DictData` whose `watched` flag is set (insert, value
//!   overwrite, removal, clear) clears the flag and notifies `Dependency::Dict`. Value
//!   overwrites count although they leave the keys version alone, so an executor may
//!   promote a global's value to a constant. Unwatched dicts pay one `Cell<bool>` check.
//! - types: `runtime::types::type_modified` notifies `Dependency::Type` for the type and
//!   every subclass whose version it resets.
//! - function versions: nothing changes a function's code, defaults or keyword defaults
//!   at runtime today (functions have no `__code__`/`__defaults__`/`__kwdefaults__`
//!   setters), so nothing notifies `Dependency::FunctionVersion` yet; whatever adds such
//!   a setter must give the function a fresh version and notify the old one.
//!
//! Dicts and types are keyed by address. The dicts executors watch (globals, builtins,
//! type dicts) and all types are immortal; a watched dict that is freed leaves its entry
//! behind, and a new dict at the same address can only cause spurious invalidations.
//! Dead weak references are pruned whenever a dependency gets a new watcher.
//!
//! Also counted here (thread-local, for `-X jit-stats`): executors invalidated, executors
//! uninstalled (by `specialize::uninstall_executor`), and per dict how many of its changes
//! invalidated something.

use std::cell::{Cell, RefCell};
use std::rc::Weak;

use hashbrown::HashMap;

use crate::objects::dict::DictData;
use crate::tier1::hooks::Executor;
use crate::value::StackRef;

/// Something an executor assumed while it was optimized.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Dependency {
    /// The contents of a dict (keys and values): the address of its `DictData`.
    Dict(usize),
    /// A type and its MRO's dicts: the type object's address (`StackRef` bits).
    Type(usize),
    /// The code, defaults and keyword defaults of a function version.
    FunctionVersion(u32),
}

impl Dependency {
    /// The dependency on `dict`'s contents.
    pub fn dict(dict: &DictData) -> Dependency {
        Dependency::Dict(dict as *const DictData as usize)
    }
}

thread_local! {
    static WATCHERS: RefCell<HashMap<Dependency, Vec<Weak<dyn Executor>>>> = RefCell::new(HashMap::new());
    /// Per dict address: changes that invalidated at least one executor.
    static DICT_INVALIDATIONS: RefCell<HashMap<usize, u32>> = RefCell::new(HashMap::new());
    static INVALIDATIONS: Cell<u64> = const { Cell::new(0) };
    static UNINSTALLS: Cell<u64> = const { Cell::new(0) };
}

fn watch(dep: Dependency, executor: &Weak<dyn Executor>) {
    WATCHERS.with(|map| {
        let mut map = map.borrow_mut();
        let list = map.entry(dep).or_default();
        list.retain(|w| w.strong_count() > 0);
        if !list.iter().any(|w| Weak::ptr_eq(w, executor)) {
            list.push(executor.clone());
        }
    });
}

/// Invalidates `executor` when `dict` changes next (any insertion, value overwrite,
/// deletion or clear).
pub fn watch_dict(dict: &DictData, executor: &Weak<dyn Executor>) {
    dict.watched.set(true);
    watch(Dependency::dict(dict), executor);
}

/// Invalidates `executor` when the type `ty` (or a base class of it) is modified next.
pub fn watch_type(ty: StackRef, executor: &Weak<dyn Executor>) {
    watch(Dependency::Type(ty.bits()), executor);
}

/// Invalidates `executor` when the functions of `version` get a new code object or new
/// defaults (which nothing does yet: see the module doc).
pub fn watch_function_version(version: u32, executor: &Weak<dyn Executor>) {
    watch(Dependency::FunctionVersion(version), executor);
}

/// `dep` changed: forgets its watchers and invalidates those still alive and valid.
pub fn notify(dep: Dependency) {
    // Taken out of the map first: invalidating may drop executors or watch again.
    let Some(list) = WATCHERS.with(|map| map.borrow_mut().remove(&dep)) else { return };
    let mut invalidated = 0;
    for weak in list {
        if let Some(executor) = weak.upgrade() {
            if executor.is_valid() {
                executor.invalidate();
                invalidated += 1;
            }
        }
    }
    if invalidated == 0 {
        return;
    }
    INVALIDATIONS.with(|n| n.set(n.get() + invalidated));
    if let Dependency::Dict(addr) = dep {
        DICT_INVALIDATIONS.with(|map| *map.borrow_mut().entry(addr).or_default() += 1);
    }
}

/// Executors invalidated so far (on this thread).
pub fn invalidations() -> u64 {
    INVALIDATIONS.with(Cell::get)
}

/// How many changes of `dict` invalidated at least one executor: a dict that keeps
/// changing is not worth promoting values from.
pub fn dict_invalidations(dict: &DictData) -> u32 {
    let addr = dict as *const DictData as usize;
    DICT_INVALIDATIONS.with(|map| map.borrow().get(&addr).copied().unwrap_or(0))
}

/// Executors uninstalled from their back edges so far (on this thread).
pub fn uninstalls() -> u64 {
    UNINSTALLS.with(Cell::get)
}

pub(crate) fn count_uninstall() {
    UNINSTALLS.with(|n| n.set(n.get() + 1));
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::objects::kind::Kind;
    use crate::runtime::types::{bootstrap, make_type, type_modified, types};

    /// Counts its invalidations; `execute` is never called.
    struct Fake {
        valid: Cell<bool>,
        invalidated: Cell<u32>,
    }

    impl Executor for Fake {
        fn execute(&self, _vm: &mut crate::runtime::Vm) -> crate::PyResult<crate::tier1::hooks::ExecutorExit> {
            unreachable!("never installed")
        }
        fn is_valid(&self) -> bool {
            self.valid.get()
        }
        fn invalidate(&self) {
            self.valid.set(false);
            self.invalidated.set(self.invalidated.get() + 1);
        }
        fn original_oparg(&self) -> u32 {
            0
        }
    }

    fn fake() -> (Rc<Fake>, Weak<dyn Executor>) {
        let executor = Rc::new(Fake { valid: Cell::new(true), invalidated: Cell::new(0) });
        let as_dyn: Rc<dyn Executor> = executor.clone();
        let weak = Rc::downgrade(&as_dyn);
        (executor, weak)
    }

    fn int(n: i64) -> StackRef {
        StackRef::small_int(n).unwrap()
    }

    /// A dict with small-int keys 0..n (values 100+key): no heap objects involved.
    fn dict_of(n: i64) -> DictData {
        let dict = DictData::new();
        for k in 0..n {
            dict.insert_new(k, int(k), int(100 + k));
        }
        dict
    }

    /// Runs `change` on a watched dict: the executor is invalidated exactly once, even
    /// when the dict changes again.
    fn invalidates_once(change: impl Fn(&DictData)) {
        let dict = dict_of(3);
        let (executor, weak) = fake();
        watch_dict(&dict, &weak);
        watch_dict(&dict, &weak);
        assert!(dict.watched.get());
        let before = invalidations();
        change(&dict);
        assert!(!dict.watched.get(), "notifying clears the flag");
        assert!(!executor.valid.get());
        assert_eq!(executor.invalidated.get(), 1);
        assert_eq!(invalidations(), before + 1);
        assert_eq!(dict_invalidations(&dict), 1);
        change(&dict);
        assert_eq!(executor.invalidated.get(), 1, "not watched any more");
        assert_eq!(dict_invalidations(&dict), 1);
    }

    #[test]
    fn inserting_a_key_invalidates() {
        let next = Cell::new(10);
        invalidates_once(|d| {
            d.insert_new(next.get(), int(next.get()), int(0));
            next.set(next.get() + 1);
        });
    }

    #[test]
    fn overwriting_a_value_invalidates() {
        invalidates_once(|d| {
            let version = d.ensure_keys_version();
            d.set_value_at(1, int(7));
            assert_eq!(d.keys_version.get(), version, "the keys did not change");
        });
    }

    #[test]
    fn deleting_a_key_invalidates() {
        let next = Cell::new(0);
        invalidates_once(|d| {
            d.remove_at(next.get());
            next.set(next.get() + 1);
        });
    }

    #[test]
    fn clearing_invalidates() {
        invalidates_once(DictData::clear);
    }

    #[test]
    fn every_watcher_of_a_dict_is_invalidated() {
        let dict = dict_of(1);
        let (a, weak_a) = fake();
        let (b, weak_b) = fake();
        watch_dict(&dict, &weak_a);
        watch_dict(&dict, &weak_b);
        dict.set_value_at(0, int(1));
        assert_eq!((a.invalidated.get(), b.invalidated.get()), (1, 1));
        assert_eq!(dict_invalidations(&dict), 1, "one change");
    }

    #[test]
    fn an_already_invalid_executor_is_not_invalidated_again() {
        let dict = dict_of(1);
        let (executor, weak) = fake();
        watch_dict(&dict, &weak);
        executor.valid.set(false);
        dict.set_value_at(0, int(1));
        assert_eq!(executor.invalidated.get(), 0);
        assert_eq!(dict_invalidations(&dict), 0, "nothing was invalidated");
    }

    #[test]
    fn a_dropped_executor_is_skipped() {
        let dict = dict_of(2);
        let (executor, weak) = fake();
        watch_dict(&dict, &weak);
        drop(executor);
        assert!(weak.upgrade().is_none());
        let before = invalidations();
        dict.set_value_at(0, int(1));
        dict.remove_at(1);
        assert_eq!(invalidations(), before);
        assert_eq!(dict_invalidations(&dict), 0);
    }

    #[test]
    fn an_unwatched_dict_changes_nothing() {
        let watched = dict_of(1);
        let unwatched = dict_of(1);
        let (executor, weak) = fake();
        watch_dict(&watched, &weak);
        unwatched.set_value_at(0, int(1));
        unwatched.insert_new(5, int(5), int(5));
        unwatched.remove_at(0);
        unwatched.clear();
        assert!(!unwatched.watched.get());
        assert!(executor.valid.get());
        assert_eq!(executor.invalidated.get(), 0);
        assert!(watched.watched.get());
    }

    #[test]
    fn an_executor_may_watch_again_while_being_invalidated() {
        /// Re-watches its dependency from `invalidate` (the registry must not be borrowed).
        struct Rewatch {
            me: RefCell<Option<Weak<dyn Executor>>>,
            calls: Cell<u32>,
        }
        impl Executor for Rewatch {
            fn execute(&self, _vm: &mut crate::runtime::Vm) -> crate::PyResult<crate::tier1::hooks::ExecutorExit> {
                unreachable!()
            }
            fn is_valid(&self) -> bool {
                true
            }
            fn invalidate(&self) {
                self.calls.set(self.calls.get() + 1);
                watch_function_version(7_000_001, self.me.borrow().as_ref().unwrap());
            }
            fn original_oparg(&self) -> u32 {
                0
            }
        }
        let executor = Rc::new(Rewatch { me: RefCell::new(None), calls: Cell::new(0) });
        let as_dyn: Rc<dyn Executor> = executor.clone();
        let weak = Rc::downgrade(&as_dyn);
        *executor.me.borrow_mut() = Some(weak.clone());
        watch_function_version(7_000_001, &weak);
        notify(Dependency::FunctionVersion(7_000_001));
        notify(Dependency::FunctionVersion(7_000_001));
        assert_eq!(executor.calls.get(), 2);
    }

    #[test]
    fn function_versions_are_watched() {
        let (executor, weak) = fake();
        let (other, other_weak) = fake();
        watch_function_version(4_000_001, &weak);
        watch_function_version(4_000_002, &other_weak);
        notify(Dependency::FunctionVersion(4_000_001));
        assert_eq!(executor.invalidated.get(), 1);
        assert_eq!(other.invalidated.get(), 0, "another version");
        notify(Dependency::FunctionVersion(4_000_001));
        assert_eq!(executor.invalidated.get(), 1);
    }

    #[test]
    fn modifying_a_type_invalidates_its_and_its_subclasses_watchers() {
        bootstrap();
        let base = make_type(types().type_, "Base", types().object, Kind::Instance, true);
        let sub = make_type(types().type_, "Sub", base, Kind::Instance, true);
        let unrelated = make_type(types().type_, "Other", types().object, Kind::Instance, true);
        let (on_base, weak_base) = fake();
        let (on_sub, weak_sub) = fake();
        let (on_unrelated, weak_unrelated) = fake();
        watch_type(base, &weak_base);
        watch_type(sub, &weak_sub);
        watch_type(unrelated, &weak_unrelated);
        type_modified(sub);
        assert_eq!((on_base.invalidated.get(), on_sub.invalidated.get()), (0, 1), "only the subclass changed");
        type_modified(base);
        assert_eq!(on_base.invalidated.get(), 1);
        assert_eq!(on_sub.invalidated.get(), 1, "invalid already, and no longer watched");
        assert_eq!(on_unrelated.invalidated.get(), 0);
    }
}
