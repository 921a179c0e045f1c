# Set-related exceptions caught and printed: types and messages.
def attempt(label, fn):
    try:
        r = fn()
        print(label, "-> ok", r)
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
attempt("unhashable list literal", lambda: {[]})
attempt("unhashable dict literal", lambda: {1, {}})
attempt("unhashable set literal", lambda: {set()})
attempt("unhashable in comprehension", lambda: {x for x in [[1]]})
attempt("unhashable star", lambda: {*[[1, 2]]})
attempt("pop empty", lambda: set().pop())
attempt("remove missing", lambda: {1, 2}.remove(99))
attempt("remove missing str", lambda: {1}.remove("zz"))
attempt("remove missing tuple", lambda: {1}.remove((1, 2)))
attempt("frozenset add", lambda: frozenset().add(1))
attempt("frozenset pop", lambda: frozenset([1]).pop())
attempt("set < int", lambda: {1} < 1)
attempt("int > set", lambda: 1 > {1})
attempt("set <= list", lambda: {1} <= [1])
attempt("frozenset > str", lambda: frozenset() > "")
attempt("hash set", lambda: hash(set()))
attempt("hash set with items", lambda: hash({1, 2}))
attempt("set(1)", lambda: set(1))
attempt("set(None)", lambda: set(None))
attempt("frozenset(1.5)", lambda: frozenset(1.5))
attempt("set(1, 2)", lambda: set(1, 2))
attempt("set([1], [2])", lambda: set([1], [2]))
attempt("set + set", lambda: {1} + {2})
attempt("set * 2", lambda: {1} * 2)
attempt("frozenset + frozenset", lambda: frozenset() + frozenset())
attempt("set | list", lambda: {1} | [2])
attempt("list & set", lambda: [1] & {2})
attempt("set - tuple", lambda: {1} - (1,))
attempt("set ^ int", lambda: {1} ^ 3)
two = {1, 2}
attempt("subscript", lambda: two[0])
attempt("frozenset subscript", lambda: frozenset([1])[0])
attempt("reversed", lambda: reversed({1, 2}))
attempt("sorted mixed", lambda: sorted({1, "a"}))
attempt("next on set", lambda: next({1}))
attempt("set.add unhashable", lambda: set().add([]))
attempt("discard unhashable", lambda: {1}.discard({}))
attempt("in unhashable", lambda: [] in {1})
attempt("in dict", lambda: {} in {1})
attempt("update non-iterable", lambda: set().update(5))
attempt("union non-iterable", lambda: set().union(None))
attempt("issubset non-iterable", lambda: set().issubset(1))
attempt("neg set", lambda: -{1})
attempt("invert set", lambda: ~{1})
attempt("abs set", lambda: abs({1}))
attempt("set attr", lambda: {1}.append)
attempt("set item assign", lambda: {1}.__setitem__(0, 1))
def item_assign():
    s = {1}
    s[0] = 2
attempt("item assignment", item_assign)
def item_delete():
    s = {1}
    del s[0]
attempt("item deletion", item_delete)
def grow_during_iter():
    s = {1, 2, 3}
    for x in s:
        s.add(x + 10)
attempt("grow during iteration", grow_during_iter)
def shrink_during_iter():
    s = {1, 2, 3}
    for x in s:
        s.discard(x)
attempt("shrink during iteration", shrink_during_iter)
def clear_during_iter():
    s = set(range(10))
    for x in s:
        s.clear()
attempt("clear during iteration", clear_during_iter)
def next_after_change():
    s = {1, 2}
    it = iter(s)
    first = next(it)
    s.add(3)
    return next(it)
attempt("next after change", next_after_change)
def comprehension_change():
    s = {1, 2}
    return [s.add(0) for x in s]
attempt("comprehension change", comprehension_change)
def same_size_change():
    s = {1, 2, 3}
    out = []
    for x in s:
        if len(out) == 0:
            s.remove(3)
            s.add(4)
        out.append(x)
    return sorted(s)
attempt("same size change", same_size_change)
def pop_loop():
    s = {1, 2}
    s.pop()
    s.pop()
    s.pop()
attempt("pop loop", pop_loop)
def keyerror_value():
    try:
        {1}.remove(2)
    except KeyError as e:
        return (e.args, str(e), repr(e))
attempt("keyerror value", keyerror_value)
def keyerror_pop():
    try:
        set().pop()
    except KeyError as e:
        return (e.args, str(e))
attempt("keyerror pop", keyerror_pop)
def catch_lookup():
    try:
        {1}.remove(5)
    except LookupError as e:
        return "LookupError caught: " + str(e)
attempt("lookup error", catch_lookup)
