# sys.exit with an integer status.
import sys
print("exiting with status 3")
try:
    print("inside try")
finally:
    print("finally runs")
sys.exit(3)
print("not reached")
