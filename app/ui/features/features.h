// The features chainmap is made of, one file each (ui/feature.h says what a feature brings);
// ui/feature_registry.cpp lists them. Settings of the features that live only in the window are
// declared here (the analyses' are in core/analysis/products.h, the choropleth's in
// core/choropleth.h).
#pragma once
#include <vector>

#include "geo/types.h"
#include "ui/feature.h"

namespace cm {

// The measuring tool (M): points in the display CRS.
struct MeasureSettings {
  bool active = false;
  bool closed = false;  // an area (double-click or Enter)
  std::vector<Vec2> points;
  bool operator==(const MeasureSettings&) const = default;
};

// The project table (Ctrl+T).
struct TableSettings {
  bool open = false;
  bool operator==(const TableSettings&) const = default;
};

UiFeature makeMapFeature();             // districts, water, rivers; the sidebar, totals, legend, timeline
UiFeature makeChoroplethFeature();      // districts shaded by a figure
UiFeature makeParksFeature();           // park markers, what-if shapes, conformance, projects outside parks
UiFeature makeHeatmapFeature();         // kernel density
UiFeature makeClustersFeature();        // DBSCAN clusters, hulls matched to parks
UiFeature makeProjectsFeature();        // the projects, their bubbles, a registry left in PostGIS
UiFeature makeChainsFeature();          // leading chains, chain arcs, one chain across the city
UiFeature makeNniFeature();             // the nearest-neighbour index
UiFeature makeParkDistanceFeature();    // each project's distance to its park's centre
UiFeature makeAnalysisExportFeature();  // the analyses to a GeoPackage (+ the density as GeoTIFF)
UiFeature makeTourFeature();            // guided tours: editor, caption, clicker keys, open and save
UiFeature makeTableFeature();           // the project table
UiFeature makeMeasureFeature();         // the measuring tool
UiFeature makeImportFeature();          // open a table, reload it, edit its mapping
UiFeature makeRemoteCardFeature();      // a PostGIS registry's rows: a click pins the row's card, a bin zooms in
UiFeature makeExportFeature();          // export the filtered projects, save the view as an image
UiFeature makeLabelsFeature();          // labels and map furniture
UiFeature makeNavigationFeature();      // keys that move the view, the time, the language; Escape

}  // namespace cm
