# Uncaught TypeError: sets do not support +.
print({1} | {2}, {1, 2} - {2})
print({1} + {2})
