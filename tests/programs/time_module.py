# The time module: values are only compared, never printed.
import time
t0 = time.perf_counter()
s = 0
for i in range(10000):
    s += i
t1 = time.perf_counter()
print(s, t1 >= t0, type(t1).__name__)
w = time.time()
print(w > 1000000000, type(w).__name__)
elapsed = time.perf_counter() - t0
print(elapsed >= 0.0, elapsed < 1000.0)
