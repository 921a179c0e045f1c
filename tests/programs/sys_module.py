# The sys module: argv, setrecursionlimit, exit(0).
import sys
print(sys.argv)
print(len(sys.argv), sys.argv[0])
sys.setrecursionlimit(2000)
def down(n):
    return 0 if n == 0 else 1 + down(n - 1)
print(down(1500))
print("before exit")
sys.exit(0)
print("never printed")
