# A __cause__ assigned by hand is printed as the direct cause in the uncaught report.
err = ValueError("shown")
err.__cause__ = KeyError("set by hand")
raise err
