# split/join/strip/replace edge cases.
print("".split(), "".split(","), "   ".split(), ",".split(","))
print("a b c d".split(" ", 2), "a,b,c".split(",", 0), "a,b,c".split(",", 10))
print("1\n2\n3".split("\n"), "a\tb\nc d".split())
print("x--y--z".split("--"), "--x--".split("--"))
print("abcabc".replace("b", "B", 1), "aaaa".replace("aa", "b"), "abc".replace("", "-"))
print(repr("\t spaced \n".strip()), repr("xyxhixyx".strip("xy")), repr("hello".strip("")))
print("|".join(["a"]), "|".join(["", ""]), "ab".join(["1", "2", "3"]))
print("Hello".find(""), "Hello".find("lo"), "Hello".find("l", 3), "Hello".find("l", 4))
print("hello".find("l", -2), "hello".find("h", 1))
data = "3,1,4,1,5,9,2,6"
nums = []
for p in data.split(","):
    nums.append(int(p))
print(nums, sum(nums))
print(",".join([str(n * 2) for n in nums]))
sentence = "The Rain In Spain"
print(sentence.lower().split(" "), sentence.upper().find("IN"))
print("a.b.c".split(".")[-1], "path/to/file.txt".split("/")[-1].split(".")[0])
print("hello".startswith("he"), "hello".startswith(""), "".startswith("a"), "hello".endswith("llo"))
