# N-queens solution counts via backtracking with lists.
def solve(n):
    cols = [False] * n
    d1 = [False] * (2 * n)
    d2 = [False] * (2 * n)
    count = 0
    first = None
    pos = [0] * n
    row = 0
    stack = [0]
    while stack:
        row = len(stack) - 1
        c = stack[-1]
        if c >= n:
            stack.pop()
            if stack:
                r = len(stack) - 1
                pc = stack[-1]
                cols[pc] = False
                d1[r + pc] = False
                d2[r - pc + n] = False
                stack[-1] += 1
            continue
        if not cols[c] and not d1[row + c] and not d2[row - c + n]:
            if row == n - 1:
                count += 1
                if first is None:
                    first = stack[:]
                stack[-1] += 1
                continue
            cols[c] = True
            d1[row + c] = True
            d2[row - c + n] = True
            stack.append(0)
        else:
            stack[-1] += 1
    return count, first
for n in range(1, 9):
    print(n, solve(n))
