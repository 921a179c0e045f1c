# User-defined exception classes.
class AppError(Exception):
    pass
class ConfigError(AppError):
    def __init__(self, key, reason):
        super().__init__("bad config key " + repr(key) + ": " + reason)
        self.key = key
        self.reason = reason
class RetryError(AppError):
    def __init__(self, attempts):
        self.attempts = attempts
class Detailed(Exception):
    def __init__(self, code):
        super().__init__(code, "detail")
        self.code = code
    def __str__(self):
        return "Detailed error code " + str(self.code)
try:
    raise AppError("plain")
except AppError as e:
    print(type(e).__name__, str(e), repr(e), e.args)
try:
    raise ConfigError("port", "not a number")
except AppError as e:
    print(type(e).__name__, str(e), e.key, e.reason, e.args)
    print(isinstance(e, ConfigError), isinstance(e, AppError), isinstance(e, Exception))
try:
    raise RetryError(3)
except RetryError as e:
    print("attempts", e.attempts, e.args, repr(str(e)))
try:
    raise Detailed(404)
except Exception as e:
    print(str(e), e.args, e.code)
def risky(n):
    if n % 3 == 0:
        raise ConfigError("n", str(n))
    if n % 3 == 1:
        raise RetryError(n)
    return n
for i in range(6):
    try:
        print("ok", risky(i))
    except ConfigError as e:
        print("config", e.reason)
    except AppError as e:
        print("app", type(e).__name__, e.attempts)
e1 = AppError("a", "b", 3)
print(e1.args, str(e1), repr(e1))
print(str(AppError()), repr(AppError()), AppError().args)
print(str(ValueError("only")), repr(KeyError("kk")), str(KeyError("kk")), str(IndexError()))
