"""Ward's hierarchy of the iris measurements with SciPy, the oracle for WardTests.

Run with Debian's python3-scipy (1.10.1): /usr/bin/python3 ward_scipy.py > iris_ward_scipy.csv
"""
import csv
import sys

import numpy as np
from scipy.cluster.hierarchy import linkage

with open("iris.csv") as f:
    rows = list(csv.reader(f))[1:]
X = np.array([[float(v) for v in row[:4]] for row in rows])
Z = linkage(X, "ward")
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["left", "right", "height", "size"])
for left, right, height, size in Z:
    out.writerow([int(left), int(right), repr(float(height)), int(size)])
