# Linked list and binary tree built from classes.
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
class LinkedList:
    def __init__(self):
        self.head = None
        self.size = 0
    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def to_list(self):
        out = []
        cur = self.head
        while cur is not None:
            out.append(cur.value)
            cur = cur.next
        return out
    def reverse(self):
        prev = None
        cur = self.head
        while cur:
            nxt = cur.next
            cur.next = prev
            prev = cur
            cur = nxt
        self.head = prev
    def __len__(self):
        return self.size
ll = LinkedList()
for i in range(10):
    ll.push(i * i)
print(ll.to_list(), len(ll))
ll.reverse()
print(ll.to_list())
class Tree:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None
    def insert(self, key):
        if key < self.key:
            if self.left is None:
                self.left = Tree(key)
            else:
                self.left.insert(key)
        else:
            if self.right is None:
                self.right = Tree(key)
            else:
                self.right.insert(key)
    def inorder(self, out):
        if self.left:
            self.left.inorder(out)
        out.append(self.key)
        if self.right:
            self.right.inorder(out)
        return out
    def height(self):
        lh = self.left.height() if self.left else 0
        rh = self.right.height() if self.right else 0
        return 1 + max(lh, rh)
    def contains(self, key):
        node = self
        while node is not None:
            if key == node.key:
                return True
            node = node.left if key < node.key else node.right
        return False
root = Tree(50)
seed = 7
for i in range(100):
    seed = (seed * 31 + 11) % 997
    root.insert(seed)
keys = root.inorder([])
print(len(keys), keys[:10], keys[-5:], keys == sorted(keys))
print(root.height(), root.contains(50), root.contains(seed), root.contains(1000))
