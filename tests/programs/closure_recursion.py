# Recursive inner functions find themselves through a cell.
def solve(n):
    def fib(k):
        return k if k < 2 else fib(k - 1) + fib(k - 2)
    return fib(n)
print(solve(20))

def walk(tree):
    out = []
    def visit(node, depth):
        if node is None:
            return
        left, value, right = node
        visit(left, depth + 1)
        out.append((value, depth))
        visit(right, depth + 1)
    visit(tree, 0)
    return out
print(walk(((None, 1, None), 2, ((None, 3, None), 4, None))))

def mutual(n):
    def is_even(k):
        return True if k == 0 else is_odd(k - 1)
    def is_odd(k):
        return False if k == 0 else is_even(k - 1)
    return is_even(n), is_odd(n)
print(mutual(10), mutual(7))

def hanoi(n):
    moves = []
    def move(k, a, b, c):
        if k:
            move(k - 1, a, c, b)
            moves.append((a, c))
            move(k - 1, b, a, c)
    move(n, "A", "B", "C")
    return len(moves), moves[:3]
print(hanoi(6))
