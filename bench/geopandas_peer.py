#!/usr/bin/python3
"""The peer in the benchmark: what an analyst would write to get the same map as
`chainmap --screenshot` — geopandas + matplotlib (Debian's python3-geopandas, python3-matplotlib).

Draws the districts (filled, outlined), water, rivers and every project as a point coloured by its
ecosystem with area proportional to investment, a legend and a title, to a PNG of the given size.

    bench/geopandas_peer.py --data ../shared/data/hangzhou --projects FILE.csv --out map.png --size 1600x1000
"""
import argparse
import os
import sys

import matplotlib

matplotlib.use("Agg")  # no display
import geopandas as gpd  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

COLOURS = {"iot": "#0072B2", "bio": "#009E73", "equip": "#D55E00", "mat": "#CC79A7", "energy": "#E69F00", "other": "#7F7F7F"}
NAMES = {"iot": "Smart IoT", "bio": "Biomedicine", "equip": "High-end Equipment", "mat": "New Materials",
         "energy": "Green Energy", "other": "Other"}
CRS = "EPSG:4549"  # the display CRS chainmap draws in (CGCS2000 / 3-degree Gauss-Kruger CM 120E)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--assets", default=os.path.join(os.path.dirname(__file__), "..", "assets", "hangzhou"))
    ap.add_argument("--projects", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--size", default="1600x1000")
    a = ap.parse_args()
    w, h = (int(v) for v in a.size.split("x"))

    def layer(name):
        for d in (a.data, a.assets):
            p = os.path.join(d, name)
            if os.path.exists(p):
                return gpd.read_file(p).to_crs(CRS)
        sys.exit(f"{name}: not found in {a.data} or {a.assets}")

    districts = layer("districts.shp")
    water = layer("water_polygons.shp")
    rivers = layer("rivers.shp")
    df = pd.read_csv(a.projects, usecols=["ecosystem", "investment_yi", "lon", "lat"])
    pts = gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df.lon, df.lat), crs="EPSG:4326").to_crs(CRS)

    dpi = 100
    fig = plt.figure(figsize=(w / dpi, h / dpi), dpi=dpi)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_axis_off()
    districts.plot(ax=ax, color="#EEF0EA", edgecolor="#8A8F98", linewidth=0.8)
    water.plot(ax=ax, color="#BFD9EE", linewidth=0)
    rivers.plot(ax=ax, color="#9CC3E4", linewidth=0.6)
    sizes = (pts.investment_yi.clip(lower=0) ** 0.5) * 4 + 1
    ax.scatter(pts.geometry.x, pts.geometry.y, s=sizes, c=pts.ecosystem.map(COLOURS).fillna("#7F7F7F"),
               linewidths=0, alpha=0.85)
    xmin, ymin, xmax, ymax = districts.total_bounds
    ax.set_xlim(xmin, xmax)
    ax.set_ylim(ymin, ymax)
    ax.set_aspect("equal")
    handles = [plt.Line2D([], [], marker="o", ls="", color=c, label=NAMES[k]) for k, c in COLOURS.items()]
    ax.legend(handles=handles, loc="lower right", title="Ecosystem (synthetic)")
    ax.set_title("Hangzhou investment projects (synthetic sample)", loc="left")
    fig.savefig(a.out, dpi=dpi)


if __name__ == "__main__":
    main()
