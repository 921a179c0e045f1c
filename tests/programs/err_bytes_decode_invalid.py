# Invalid UTF-8 raises UnicodeDecodeError with CPython's message.
print(b"caf\xc3\xa9".decode())
print(b"caf\xe9".decode("utf-8"))
