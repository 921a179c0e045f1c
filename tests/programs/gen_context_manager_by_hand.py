# A generator used as a context manager by hand (what contextlib.contextmanager does),
# driving __enter__/__exit__ through next() and throw() without a with statement.
class GeneratorCM:
    def __init__(self, gen):
        self.gen = gen
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, typ, value, tb):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(value)
        except StopIteration:
            return True
        except BaseException as e:
            if e is value:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")

def tag(name, log):
    log.append("<" + name + ">")
    try:
        yield name.upper()
    except KeyError as e:
        log.append("handled " + str(e))
    finally:
        log.append("</" + name + ">")

def run_block(cm, body):
    # The expansion of `with cm as v: body(v)`.
    v = cm.__enter__()
    try:
        body(v)
    except BaseException as e:
        if not cm.__exit__(type(e), e, None):
            raise
    else:
        cm.__exit__(None, None, None)

log = []
run_block(GeneratorCM(tag("a", log)), lambda v: log.append("body " + v))
print(log)

log = []
def raise_key(v):
    raise KeyError(v)
run_block(GeneratorCM(tag("b", log)), raise_key)
print(log)

log = []
def raise_value(v):
    raise ValueError(v)
try:
    run_block(GeneratorCM(tag("c", log)), raise_value)
except ValueError as e:
    print("escaped:", e)
print(log)

def bad_cm():
    yield 1
    yield 2

try:
    run_block(GeneratorCM(bad_cm()), lambda v: None)
except RuntimeError as e:
    print("RuntimeError:", e)

# Nested managers: inner exits before outer.
log = []
outer_value = []
def inner_body(w):
    log.append(outer_value[0] + "/" + w)
def outer_body(v):
    outer_value.append(v)
    run_block(GeneratorCM(tag("inner", log)), inner_body)
run_block(GeneratorCM(tag("outer", log)), outer_body)
print(log)
