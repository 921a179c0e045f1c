class Bad:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError("exit failed")
print("start")
with Bad():
    raise ValueError("body failed")
