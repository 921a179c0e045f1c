# Uncaught user-defined exception with a custom __init__.
class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(field + ": " + problem)
        self.field = field
def validate(record):
    if "email" not in record:
        raise ValidationError("email", "missing")
    return True
print(validate({"email": "x@y"}))
print("validating second record")
validate({"name": "nobody"})
print("not reached")
