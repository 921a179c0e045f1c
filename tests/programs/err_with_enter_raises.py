class Bad:
    def __enter__(self):
        raise ZeroDivisionError("enter failed")
    def __exit__(self, *a):
        print("not called")
with Bad():
    print("never")
