# A character outside ASCII cannot be encoded as ascii.
print("plain".encode("ascii"))
print("naïve".encode("ascii"))
