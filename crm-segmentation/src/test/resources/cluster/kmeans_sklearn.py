"""scikit-learn's k-means on the matrix ClusterBenchmark writes, to compare within-cluster sums of squares.

From crm-segmentation, after `java ... ClusterBenchmark --write /tmp/tiercrm-cluster.f64`
(see docs/performance.md), with Debian 12's python3-sklearn:

    /usr/bin/python3 src/test/resources/cluster/kmeans_sklearn.py /tmp/tiercrm-cluster.f64 <K> [java WCSS]

Prints one JSON line: the best inertia of 10 k-means++ starts (KMeans(n_clusters=K, n_init=10, random_state=0)),
the time taken, and the Java figure's excess over it when given.
"""
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans

COLUMNS = 12

X = np.fromfile(sys.argv[1], dtype="<f8").reshape(-1, COLUMNS)
k = int(sys.argv[2])
start = time.perf_counter()
model = KMeans(n_clusters=k, n_init=10, random_state=0).fit(X)
seconds = time.perf_counter() - start
result = {"sklearn": sklearn.__version__, "rows": X.shape[0], "k": k, "inertia": round(float(model.inertia_), 2),
          "iterations": int(model.n_iter_), "seconds": round(seconds, 3)}
if len(sys.argv) > 3:
    java = float(sys.argv[3])
    result["java"] = java
    result["javaExcess"] = round(java / model.inertia_ - 1, 6)
print(json.dumps(result))
