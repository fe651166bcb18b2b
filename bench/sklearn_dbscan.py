#!/usr/bin/env python3
"""The peer for chainmap-bench --peer-dbscan: scikit-learn's DBSCAN on a projects CSV.

Runs DBSCAN twice on the lon/lat columns: as the issue measured it (ball tree, haversine on a
sphere of 6371.0088 km, eps 1.5 km, min_samples 4), and on the same WGS 84 ellipsoid chords
chainmap uses (3-D ECEF coordinates, euclidean), whose partition chainmap must reproduce exactly.
Prints one JSON object: {"haversine_s", "ecef_s", "n", "labels" (ecef run), "core" (ecef run,
sorted row indices)}. Needs the Debian package python3-sklearn.
"""
import csv
import json
import math
import sys
import time

import numpy as np
from sklearn.cluster import DBSCAN


def main():
    path, eps_m, min_pts = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
    lon, lat = [], []
    with open(path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            lon.append(float(row["lon"]))
            lat.append(float(row["lat"]))
    lon = np.radians(np.array(lon))
    lat = np.radians(np.array(lat))
    t0 = time.perf_counter()
    DBSCAN(eps=eps_m / 6371008.8, min_samples=min_pts, metric="haversine", algorithm="ball_tree").fit(np.column_stack([lat, lon]))
    haversine_s = time.perf_counter() - t0
    # WGS 84 ECEF (height 0): chord distances, as chainmap measures eps.
    a, f = 6378137.0, 1 / 298.257223563
    e2 = f * (2 - f)
    n = a / np.sqrt(1 - e2 * np.sin(lat) ** 2)
    xyz = np.column_stack([n * np.cos(lat) * np.cos(lon), n * np.cos(lat) * np.sin(lon), n * (1 - e2) * np.sin(lat)])
    t0 = time.perf_counter()
    model = DBSCAN(eps=eps_m, min_samples=min_pts, metric="euclidean", algorithm="kd_tree").fit(xyz)
    ecef_s = time.perf_counter() - t0
    json.dump({"haversine_s": haversine_s, "ecef_s": ecef_s, "n": len(lon), "labels": model.labels_.tolist(),
               "core": sorted(int(i) for i in model.core_sample_indices_)}, sys.stdout)


if __name__ == "__main__":
    main()
